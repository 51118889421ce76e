import FootageTestSupport
import Foundation
import Testing

/// Fingerprints and matches through the built binary.
@Suite(.serialized) struct MatchEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }
    var pentagon: String { samples.appendingPathComponent("pentagon-release.webm").path }
    var handheld: String { samples.appendingPathComponent("handheld-rotated.mov").path }
    var cctv: String { samples.appendingPathComponent("checkpoint-cctv.ts").path }

    @Test func theTwoReleasesShareTwentyTwoSecondsAtAnEightSecondOffset() throws {
        try withCatalogFolder { footage, _ throws in
            let registered = try footage.run(["register", ministry, pentagon, handheld, cctv, "--json"])
            #expect(registered.status == 0, "\(registered.stderr)")
            #expect(registered.rows.allSatisfy { ($0["fingerprint_frames"] as? Int ?? 0) >= 5 })
            let log = try footage.run(["log", "--json"]).rows
            #expect(log.filter { ($0["action"] as? String) == "clip.fingerprint" }.count == 4)

            let result = try footage.run(["match", ministry, "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let row = try #require(result.rows.first)
            #expect(result.rows.count == 1, "only the Pentagon release shares footage: \(result.stdout)")
            #expect((row["b_path"] as? String)?.hasSuffix("pentagon-release.webm") == true)
            // B ≈ A + offset: ministry 0:08–0:30 is Pentagon 0:00–0:22.
            let offset = try #require(row["offset"] as? Double)
            #expect(abs(offset + 8) <= 0.5, "offset \(offset)")
            let segment = try #require((row["segments"] as? [[String: Double]])?.first)
            #expect(abs(segment["a_start"]! - 8) <= 0.5 && segment["b_start"]! <= 0.5)
            let overlap = try #require(row["overlap"] as? [String: Double])
            #expect(abs(overlap["a_start"]! - 8) <= 0.5 && abs(overlap["a_end"]! - 30) <= 0.5)
            #expect(abs(overlap["b_start"]!) <= 0.5 && abs(overlap["b_end"]! - 22) <= 0.5)
            #expect(row["changed"] as? Bool == true)

            let text = try footage.run(["match", ministry])
            #expect(text.stdout.contains("A 0:08–0:30 ≈ B 0:00–0:22"), "\(text.stdout)")
            #expect(text.stdout.contains("offset −8.0 s"), "\(text.stdout)")

            // The same finding again adds no event; the whole catalogue finds the same one pair.
            let events = try footage.run(["log", "--json"]).rows.count
            let all = try footage.run(["match", "--json"])
            #expect(all.rows.count == 1)
            #expect(all.rows.first?["changed"] as? Bool == false)
            #expect(try footage.run(["log", "--json"]).rows.count == events)
            #expect(
                try footage.run(["log", "--json"]).rows.filter { ($0["action"] as? String) == "clips.match" }.count == 1
            )

            let show = try #require(try footage.run(["show", pentagon, "--json"]).rows.first)
            let shared = try #require((show["shares_footage_with"] as? [[String: Any]])?.first)
            #expect(abs((shared["offset"] as? Double ?? 0) - 8) <= 0.5)
            #expect(try footage.run(["show", pentagon]).stdout.contains("shares footage with"))
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func evidenceOnOneReleasePointsToTheSameSecondsInTheOther() throws {
        try withCatalogFolder { footage, root throws in
            _ = try footage.run(["register", ministry, pentagon])
            _ = try footage.run(["match"])
            let article = root.appendingPathComponent("a.md")
            try "---\ntitle: Strike\n---\nThe Pentagon released footage of the strike on Friday.\n"
                .write(to: article, atomically: true, encoding: .utf8)
            let imported = try footage.run(["article", "add", article.path, "--json"])
            #expect(imported.status == 0, "\(imported.stderr)")
            let claim = try #require(try footage.run(["claims", "A1", "--json"]).rows.first?["id"] as? String)
            #expect(
                try footage.run(["link", claim, pentagon, "--stance", "supports", "--from", "2", "--to", "10"]).status
                    == 0)
            let rows = try footage.run(["xref", pentagon, "--json"]).rows
            let same = try #require((rows.first?["same_footage"] as? [[String: Any]])?.first)
            // Pentagon 0:02–0:10 is ministry 0:10–0:18.
            #expect(abs((same["from"] as? Double ?? 0) - 10) <= 1 && abs((same["to"] as? Double ?? 0) - 18) <= 1.5)
            let text = try footage.run(["xref", ministry]).stdout
            #expect(text.contains("via clip") && text.contains("same footage here: 0:10"), "\(text)")
        }
    }

    @Test func recomputingAFingerprintReplacesItWithItsOwnEvent() throws {
        try withCatalogFolder { footage, _ throws in
            _ = try footage.run(["register", ministry, "--no-fingerprint"])
            #expect(
                try footage.run(["log", "--json"]).rows.allSatisfy { ($0["action"] as? String) != "clip.fingerprint" })
            let unmatched = try footage.run(["match", ministry])
            #expect(unmatched.status == 1)
            #expect(unmatched.stderr.contains("has no fingerprint; run `footage fingerprint "), "\(unmatched.stderr)")
            let first = try footage.run(["fingerprint", ministry, "--json"])
            #expect(first.status == 0, "\(first.stderr)")
            // Four samples a second over 30 s, and the content anchors between them.
            let firstFrames = try #require(first.rows.first?["frames"] as? Int)
            #expect(firstFrames >= 120)
            let second = try footage.run(["fingerprint", ministry, "--rate", "2", "--json"])
            let secondFrames = try #require(second.rows.first?["frames"] as? Int)
            #expect(secondFrames >= 60 && secondFrames < firstFrames)
            #expect(second.rows.first?["replaced"] as? Bool == true)
            let log = try footage.run(["log", "--json"])
            let events = log.lines.filter { $0.contains("\"action\":\"clip.fingerprint\"") }
            #expect(events.count == 2, "\(log.stdout)")
            let last = try #require(
                events.last.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) } as? [String: Any])
            let payload = try #require(last["payload"] as? [String: Any])
            #expect(payload["rate"] as? Double == 2)
            #expect((payload["data_sha256"] as? String)?.count == 64)
            #expect((payload["libav"] as? String)?.isEmpty == false)
            #expect(payload["footage_version"] is String)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func twoFilesAreComparedWithoutACatalogue() throws {
        let result = try FootageBinary.run([], ["match", pentagon, ministry, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let offset = try #require(result.rows.first?["offset"] as? Double)
        #expect(abs(offset - 8) <= 0.5)
        let none = try FootageBinary.run([], ["match", handheld, ministry])
        #expect(none.stdout.contains("no shared footage"))
    }

    @Test(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg command-line tool"))
    func darkClipsSayTheyCannotMatchAndClipsWithoutVideoAreSkipped() throws {
        try withCatalogFolder { footage, root throws in
            let dark = root.appendingPathComponent("dark.mp4").path
            let audio = root.appendingPathComponent("tone.m4a").path
            try ExternalTool.runFFmpeg(["-f", "lavfi", "-i", "color=c=black:s=160x120:d=4", "-c:v", "libx264", dark])
            try ExternalTool.runFFmpeg(["-f", "lavfi", "-i", "sine=d=2", "-c:a", "aac", audio])
            let result = try footage.run(["register", dark, audio])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                result.stderr.contains("fingerprint: every sampled frame is too dark or flat to compare (quality < 50)")
            )
            #expect(result.stderr.contains("fingerprint: skipped, no video stream"))
            let match = try footage.run(["match", dark])
            #expect(match.stderr.contains("too dark or flat"))
        }
    }

    @Test func aFileWhosePicturesDoNotDecodeStoresNoFingerprint() throws {
        try withCatalogFolder { footage, root throws in
            // The container is intact (it probes and registers), every coded picture is zeroed: the decode fails.
            var bytes = try Data(contentsOf: URL(fileURLWithPath: ministry))
            let mdat = try #require(bytes.range(of: Data("mdat".utf8)))
            bytes.replaceSubrange(
                mdat.upperBound..<bytes.count,
                with: Data(count: bytes.count - mdat.upperBound))
            let broken = root.appendingPathComponent("zeroed-pictures.mp4")
            try bytes.write(to: broken)
            let result = try footage.run(["register", broken.path, "--json"])
            #expect(result.status == 1)
            let message = result.rows.first?["message"] as? String ?? ""
            #expect(message.contains("registered, but fingerprint failed"), "\(result.stdout)")
            let actions = try footage.run(["log", "--json"]).rows.compactMap { $0["action"] as? String }
            #expect(actions.contains("clip.register"))
            #expect(!actions.contains("clip.fingerprint"))
            let fingerprint = try footage.run(["fingerprint", broken.path])
            #expect(fingerprint.status == 1)
            #expect(fingerprint.stderr.contains("zeroed-pictures.mp4"), "\(fingerprint.stderr)")
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func verifyNamesAnEditedOrDeletedMatchAndRecomputingRechecksIt() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, pentagon]).status == 0)
            #expect(try footage.run(["match", ministry]).status == 0)
            // Recomputing a fingerprint finds the stored match again: still there, still consistent.
            #expect(try footage.run(["fingerprint", pentagon, "--rate", "2"]).status == 0)
            #expect(try footage.run(["list", "clips"]).status == 0)
            #expect(try footage.run(["verify"]).status == 0)
            let shown = try footage.run(["show", ministry, "--json"])
            #expect(
                ((shown.rows.first?["shares_footage_with"] as? [[String: Any]]) ?? []).count == 1, "\(shown.stdout)")
            _ = try CatalogueInvariants.sqlite(root, "UPDATE match SET offset = offset + 3")
            let edited = try footage.run(["verify"])
            #expect(edited.status == 1)
            #expect(edited.stdout.contains("match 1: differs from ledger event"), "\(edited.stdout)")
            _ = try CatalogueInvariants.sqlite(root, "DELETE FROM match")
            let deleted = try footage.run(["verify"])
            #expect(deleted.status == 1)
            #expect(deleted.stdout.contains("(deleted outside footage)"), "\(deleted.stdout)")
            #expect(deleted.stdout.contains("match 1: recorded by ledger event"), "\(deleted.stdout)")
        }
    }
}
