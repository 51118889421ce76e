import FootageTestSupport
import Foundation
import Synchronization
import Testing

/// The foundation as a user meets it: the built `footage` binary on the sample clips, in a temporary catalogue.
@Suite(.serialized) struct RegisterEndToEndTests {
    let samples = FootageBinary.samples

    @Test func registeringTheSamplesThenAgainKeepsOneClipEach() throws {
        try withCatalogFolder { footage, _ throws in
            let first = try footage.run(["register", samples.path, "--json"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.rows.count == 4)
            #expect(first.rows.allSatisfy { $0["status"] as? String == "registered" })
            #expect(first.rows.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
            let again = try footage.run(["register", samples.path, "--json"])
            #expect(again.status == 0)
            #expect(again.rows.allSatisfy { $0["status"] as? String == "known" })
            let list = try footage.run(["list", "clips", "--json"])
            #expect(list.rows.count == 4)
        }
    }

    /// `--jobs` far beyond the work is bounded by it (and by four per core): it once started 3,146 processes for a
    /// folder of two files, ran for minutes and registered neither. The stall guard only keeps such a run from holding
    /// up the suite; nothing is timed.
    @Test func anAbsurdJobCountRegistersAFolderOfTwoFiles() throws {
        try withCatalogFolder { footage, root throws in
            let folder = root.appendingPathComponent("two", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["ministry-upload.mp4", "checkpoint-cctv.ts"] {
                try FileManager.default.copyItem(
                    at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            let result = try footage.run(
                ["register", folder.path, "--jobs", "100000", "--no-fingerprint", "--json"], stallLimit: 60)
            #expect(result.status == 0 && !result.stalled, "\(result.stderr)")
            #expect(result.rows.filter { $0["status"] as? String == "registered" }.count == 2)
            #expect(try footage.run(["list", "clips", "--json"]).rows.count == 2)
        }
    }

    @Test func theSidecarAndTheAnalystsFlagsBecomeTheAcquisitionRecord() throws {
        try withCatalogFolder { footage, _ throws in
            let mp4 = samples.appendingPathComponent("ministry-upload.mp4").path
            let result = try footage.run([
                "register", mp4, "--source", "Iraqi Ministry of Defence", "--platform", "YouTube",
                "--retrieved", "2016-07-02", "--by", "analyst-1", "--note", "from the channel",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            let show = try footage.run(["show", mp4, "--json"])
            let clip = try #require(show.rows.first)
            let acquisition = try #require((clip["acquisitions"] as? [[String: Any]])?.first)
            #expect(acquisition["publisher"] as? String == "Iraqi Ministry of Defence")
            #expect(acquisition["retrieved_by"] as? String == "analyst-1")
            #expect(acquisition["platform_url"] as? String == "https://www.youtube.com/watch?v=q7Zr3mK2vXc")
            #expect(acquisition["platform_video_id"] as? String == "q7Zr3mK2vXc")
            #expect((acquisition["sidecar_sha256"] as? String)?.count == 64)
            #expect((acquisition["sidecar"] as? [String: Any])?["uploader"] as? String == "Iraqi Ministry of Defence")
            #expect(clip["latitude"] as? Double == 33.3486)
            #expect((clip["warnings"] as? [String])?.contains { $0.contains("Lavf") } == true)
            let log = try footage.run(["log", "--json"])
            #expect(
                log.rows.map { $0["action"] as? String } == [
                    "clip.register", "clip.credentials", "location.add", "acquisition.add", "clip.fingerprint",
                ])
            #expect(log.rows.allSatisfy { $0["actor"] as? String == "analyst-1" })
            let payload = try #require(log.rows.first?["payload"] as? [String: Any])
            #expect((payload["libav"] as? String)?.isEmpty == false)
            #expect(payload["footage_version"] as? String != nil)
        }
    }

    @Test func badFilesEachGetOneLineAndTheRestOfTheBatchIsRegistered() throws {
        try withCatalogFolder { footage, root throws in
            let bad = root.appendingPathComponent("bad", isDirectory: true)
            try FileManager.default.createDirectory(at: bad, withIntermediateDirectories: true)
            let mp4 = samples.appendingPathComponent("ministry-upload.mp4")
            try Data().write(to: bad.appendingPathComponent("empty.mp4"))
            try Data("just some text\n".utf8).write(to: bad.appendingPathComponent("text.mp4"))
            try Data(try Data(contentsOf: mp4).prefix(10_000)).write(to: bad.appendingPathComponent("truncated.mp4"))
            try Data("ffconcat version 1.0\nfile \(mp4.path)\n".utf8).write(
                to: bad.appendingPathComponent("concat.mp4"))
            try Data("#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10,\nhttp://127.0.0.1:9/x.ts\n#EXT-X-ENDLIST\n".utf8)
                .write(to: bad.appendingPathComponent("playlist.mp4"))
            try FileManager.default.createSymbolicLink(
                atPath: bad.appendingPathComponent("link.mp4").path,
                withDestinationPath: mp4.path)
            #expect(mkfifo(bad.appendingPathComponent("fifo.mp4").path, 0o600) == 0)
            let names = [
                "empty.mp4", "text.mp4", "truncated.mp4", "concat.mp4", "playlist.mp4", "link.mp4", "fifo.mp4",
                "missing.mp4",
            ]
            let arguments =
                ["register"] + names.map { bad.appendingPathComponent($0).path }
                + [bad.path, samples.appendingPathComponent("pentagon-release.webm").path]
            let result = try footage.run(arguments)
            #expect(result.status == 1)
            let errors = result.stderr.split(separator: "\n").map(String.init)
            for name in names {
                #expect(
                    errors.contains { $0.hasPrefix(bad.appendingPathComponent(name).path + ": ") },
                    "no line for \(name)")
            }
            #expect(errors.contains { $0.contains("concat.mp4: refused") })
            #expect(errors.contains { $0.contains("link.mp4: refused: a symbolic link") })
            #expect(errors.contains { $0.contains("fifo.mp4: not a regular file") })
            #expect(errors.contains { $0.contains("missing.mp4: not found") })
            #expect(result.stdout.contains("registered") && result.stdout.contains("pentagon-release.webm"))
            let clips = try footage.run(["list", "clips", "--json"]).rows
            #expect(clips.count == 1)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func theSameBytesElsewhereAddALocationAndCopiesAreReadOnly() throws {
        try withCatalogFolder { footage, root throws in
            let copy = root.appendingPathComponent("renamed.mp4")
            try FileManager.default.copyItem(at: samples.appendingPathComponent("ministry-upload.mp4"), to: copy)
            _ = try footage.run(["register", samples.appendingPathComponent("ministry-upload.mp4").path])
            let result = try footage.run(["register", copy.path, "--copy", "--json"])
            let row = try #require(result.rows.first)
            #expect(row["status"] as? String == "known")
            let evidence = try #require(row["copy"] as? String)
            #expect(evidence.hasPrefix(root.appendingPathComponent("Media").path))
            let mode = try FileManager.default.attributesOfItem(atPath: evidence)[.posixPermissions] as? Int
            #expect(mode == 0o444)
            let show = try footage.run(["show", String((row["sha256"] as! String).prefix(8)), "--json"]).rows.first
            let kinds = (show?["locations"] as? [[String: Any]])?.compactMap { $0["kind"] as? String }
            #expect(kinds == ["original", "original", "copy"])
            let leftovers = try FileManager.default.contentsOfDirectory(
                atPath: root.appendingPathComponent("Media").path
            )
            .filter { $0.hasPrefix(".") }
            #expect(leftovers.isEmpty)
        }
    }

    @Test func verifyNamesAChangedFileAndAnEditedLedgerRow() throws {
        try withCatalogFolder { footage, root throws in
            let copy = root.appendingPathComponent("clip.webm")
            try FileManager.default.copyItem(at: samples.appendingPathComponent("pentagon-release.webm"), to: copy)
            _ = try footage.run(["register", copy.path, samples.appendingPathComponent("checkpoint-cctv.ts").path])
            #expect(try footage.run(["verify"]).status == 0)

            let handle = try FileHandle(forUpdating: copy)
            try handle.seek(toOffset: 5000)
            try handle.write(contentsOf: Data([0x42]))
            try handle.close()
            let changed = try footage.run(["verify"])
            #expect(changed.status == 1)
            #expect(changed.stdout.contains("\(copy.path): changed"))

            try FileManager.default.removeItem(at: copy)
            let missing = try footage.run(["verify", "--json"])
            #expect(missing.status == 1)
            #expect(
                missing.rows.contains { $0["path"] as? String == copy.path && $0["status"] as? String == "missing" })
        }
    }

    @Test func verifyNamesTheFirstTamperedLedgerEvent() throws {
        try withCatalogFolder { footage, root throws in
            _ = try footage.run(["register", samples.path])
            let sqlite = try CatalogueInvariants.sqlite(root, "UPDATE ledger SET actor = 'someone else' WHERE seq = 4")
            #expect(sqlite.status == 0)
            let result = try footage.run(["verify"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("ledger event 4"))
        }
    }

    @Test func aSQLiteFileThatIsNotACatalogIsRefused() throws {
        try withTemporaryFolder { root in
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("Catalog"),
                withIntermediateDirectories: true)
            #expect(try CatalogueInvariants.sqlite(root, "CREATE TABLE accounts(id, secret)").status == 0)
            let result = try FootageBinary(catalog: root).run(["list", "clips"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("not a footage catalogue"))
        }
    }

    @Test func twoRegisterProcessesAtOnceBothSucceed() throws {
        try withCatalogFolder { footage, _ throws in
            let results = ResultBox()
            let folder = samples.path
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                results.append((try? footage.run(["register", folder, "--json"]))?.status ?? -1)
            }
            #expect(results.values == [0, 0])
            #expect(try footage.run(["list", "clips", "--json"]).rows.count == 4)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func probeSpeaksFfprobesFieldNamesWithTypedValues() throws {
        let mov = samples.appendingPathComponent("handheld-rotated.mov").path
        let result = try FootageBinary.run([], ["probe", mov, "--json"])
        #expect(result.status == 0)
        let probe = try #require(result.rows.first)
        let format = try #require(probe["format"] as? [String: Any])
        #expect(format["format_name"] as? String == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(format["duration"] is Double)
        let streams = try #require(probe["streams"] as? [[String: Any]])
        #expect(streams.first?["codec_type"] as? String == "video")
        #expect(streams.first?["width"] as? Int == 320)
        let footage = try #require(probe["footage"] as? [String: Any])
        #expect(footage["display_rotation"] as? Double != nil)
        #expect(footage["make"] as? String == "Apple")
    }

    @Test func usageErrorsExitWith64() throws {
        try withCatalogFolder { footage, _ throws in
            #expect(try footage.run(["register", samples.path, "--jobs", "0"]).status == 64)
            #expect(try footage.run(["register", samples.path, "--published", "last Friday"]).status == 64)
            #expect(try footage.run(["show", "nothing-like-this"]).status == 1)
        }
    }

    @Test func withoutACatalogTheMessageSaysHowToMakeOne() throws {
        try withTemporaryFolder { empty in
            let result = try FootageBinary.run([], ["list", "clips"], in: empty)
            #expect(result.status == 1)
            #expect(result.stderr.contains("footage init"))
        }
    }
}

/// Collects values from concurrent closures.
final class ResultBox: Sendable {
    private let collected = Mutex<[Int32]>([])
    var values: [Int32] { collected.withLock { $0 } }
    func append(_ value: Int32) { collected.withLock { $0.append(value) } }
}
