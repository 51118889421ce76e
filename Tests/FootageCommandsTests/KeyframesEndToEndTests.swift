import FootageTestSupport
import Foundation
import Testing

/// Keyframe extraction through the built binary.
@Suite(.serialized) struct KeyframesEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }

    @Test func iFramesOfARegisteredClipAreRecordedOnce() throws {
        try withCatalogFolder { footage, root throws in
            _ = try footage.run(["register", ministry])
            let first = try footage.run(["keyframes", ministry, "--sheet", "--json"])
            #expect(first.status == 0, "\(first.stderr)")
            let rows = first.rows
            #expect(rows.map { $0["time"] as? Double } == stride(from: 0.0, to: 30.0, by: 2.0).map { $0 })
            for row in rows {
                let path = try #require(row["path"] as? String)
                #expect(path.hasPrefix(root.appendingPathComponent("Catalog/keyframes").path))
                #expect(FileManager.default.fileExists(atPath: path))
                #expect((row["pdq"] as? String)?.count == 64)
                #expect((row["quality"] as? Int ?? 0) > 50)
            }
            let events = try footage.run(["log", "--json"]).rows.count
            let again = try footage.run(["keyframes", ministry, "--sheet", "--json"])
            #expect(again.rows.map { $0["sha256"] as? String } == rows.map { $0["sha256"] as? String })
            #expect(try footage.run(["log", "--json"]).rows.count == events)
            let extract = try #require(try footage.run(["log", "--json"]).rows.last)
            #expect(extract["action"] as? String == "keyframes.extract")
            #expect(((extract["payload"] as? [String: Any])?["libav"] as? String)?.isEmpty == false)
            let show = try #require(try footage.run(["show", ministry, "--json"]).rows.first)
            #expect((show["keyframes"] as? [Any])?.count == 15)
            let sheet = try #require((show["contact_sheets"] as? [String])?.first)
            #expect(FileManager.default.fileExists(atPath: sheet))
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func aChangedKeyframeImageIsNamedByVerify() throws {
        try withCatalogFolder { footage, _ throws in
            _ = try footage.run(["register", ministry])
            let path = try #require(
                try footage.run(["keyframes", ministry, "--max", "3", "--json"]).rows.last?["path"] as? String)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            bytes[bytes.count / 2] ^= 0xff
            try bytes.write(to: URL(fileURLWithPath: path))
            let result = try footage.run(["verify"])
            #expect(result.status == 1)
            #expect(result.stdout.contains(path))
        }
    }

    @Test func aFileOutsideTheCatalogueGoesToTheFolderGiven() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("keyframes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let mov = samples.appendingPathComponent("handheld-rotated.mov").path
        let result = try FootageBinary.run(
            [],
            [
                "keyframes", mov, "--mode", "interval", "--every", "2", "--format", "png",
                "--out", out.path, "--json",
            ], in: out.deletingLastPathComponent())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.rows.map { $0["time"] as? Double } == [0, 2, 4])
        // The phone clip is stored landscape with a 90° display rotation: its stills are upright, portrait.
        #expect(result.rows.allSatisfy { ($0["height"] as? Int ?? 0) > ($0["width"] as? Int ?? 0) })
        #expect(result.rows.allSatisfy { ($0["path"] as? String)?.hasSuffix(".png") == true })
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 3)
    }

    @Test func sceneChangesAreFoundWithTheirScores() throws {
        try withCatalogFolder { footage, _ throws in
            _ = try footage.run(["register", ministry])
            let rows = try footage.run(["keyframes", ministry, "--mode", "scene", "--json"]).rows
            let times = rows.compactMap { $0["time"] as? Double }
            // The sample's scenes change every 7.5 s.
            for cut in [7.5, 15.0, 22.5] {
                #expect(times.contains { abs($0 - cut) < 0.1 }, "no scene change found near \(cut) s in \(times)")
            }
            #expect(rows.dropFirst().allSatisfy { ($0["score"] as? Double ?? 0) >= 0.3 })
        }
    }

    @Test func severalClipsAtOnceAndAtRegistration() throws {
        try withCatalogFolder { footage, _ throws in
            let webm = samples.appendingPathComponent("pentagon-release.webm").path
            let registered = try footage.run(["register", ministry, webm, "--keyframes", "--json"])
            #expect(registered.status == 0, "\(registered.stderr)")
            #expect(registered.rows.allSatisfy { ($0["keyframes"] as? Int ?? 0) > 5 })
            let both = try footage.run(["keyframes", ministry, webm, "--mode", "interval", "--every", "10", "--json"])
            #expect(Set(both.rows.compactMap { $0["clip"] as? String }).count == 2)
        }
    }

    @Test func aLinkRecordsTheKeyframesInsideItsRange() throws {
        try withCatalogFolder { footage, _ throws in
            _ = try footage.run(["register", ministry, "--keyframes"])
            _ = try footage.run(["article", "add", Repository.exampleArticle.path])
            let link = try footage.run([
                "link", "C2", ministry, "--stance", "supports", "--from", "3", "--to", "9", "--json",
            ])
            let frames = try #require(link.rows.first?["keyframes"] as? [[String: Any]])
            #expect(frames.compactMap { $0["time"] as? Double } == [4, 6, 8])
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func brokenFilesFailCleanlyAndLeaveNothing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let truncated = folder.appendingPathComponent("truncated.mp4")
        try Data(try Data(contentsOf: URL(fileURLWithPath: ministry)).prefix(20_000)).write(to: truncated)
        let text = folder.appendingPathComponent("notes.mp4")
        try Data("not a video".utf8).write(to: text)
        let audio = folder.appendingPathComponent("audio.m4a")
        try ExternalTool.runFFmpeg(["-f", "lavfi", "-i", "sine=d=1", audio.path])
        for (file, message) in [(truncated, "damaged"), (text, "not a media file"), (audio, "no video stream")] {
            let result = try FootageBinary.run([], ["keyframes", file.path, "--out", out.path])
            #expect(result.status == 1, "\(file.lastPathComponent)")
            #expect(result.stderr.contains(file.path), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    @Test func aDamagedCatalogueIsNamedNotTakenForNone() throws {
        try withCatalogFolder { footage, root throws in
            try Data("not a database".utf8).write(to: root.appendingPathComponent("Catalog/catalog.sqlite"))
            let mp4 = FootageBinary.samples.appendingPathComponent("ministry-upload.mp4").path
            let result = try footage.run(["keyframes", mp4])
            #expect(result.status == 1)
            #expect(result.stderr.contains("not a footage catalogue"), "\(result.stderr)")
            #expect(!result.stderr.contains("--out"))
        }
    }
}
