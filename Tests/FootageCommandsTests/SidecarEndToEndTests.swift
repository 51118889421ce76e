import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// yt-dlp sidecars are read like media files: never through a link, their size checked on the open file, kept byte
/// for byte, with fields stored alike in the row and the ledger so that `verify` passes on an untouched catalogue;
/// and one that is refused can be skipped with `--no-sidecar`.
@Suite(.serialized) struct SidecarEndToEndTests {
    /// Runs `body` with a catalogue and a copy of the ministry sample in a folder of its own, `clip.mp4`, whose
    /// sidecar is `clip.info.json` in that folder.
    private func withClip(_ body: (FootageBinary, URL, URL) throws -> Void) throws {
        try withCatalogFolder { footage, root throws in
            let folder = root.appendingPathComponent("download", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            let clip = folder.appendingPathComponent("clip.mp4")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: Samples.ministryUpload), to: clip)
            try body(footage, root, clip)
        }
    }

    private func sidecar(of clip: URL) -> URL {
        clip.deletingPathExtension().appendingPathExtension("info.json")
    }

    /// Everything the catalogue holds, as the `sqlite3` shell dumps it.
    private func dump(_ root: URL) throws -> String {
        try CatalogueInvariants.sqlite(root, ".dump").stdout
    }

    @Test func aLinkedSidecarIsRefusedAndWhatItPointsAtIsNeverStored() throws {
        try withClip { footage, root, clip throws in
            let secret = root.appendingPathComponent("secret.json")
            try Data(#"{"id":"x","webpage_url":"https://example.org/","title":"SECRET-7f3a"}"#.utf8).write(to: secret)
            try FileManager.default.createSymbolicLink(at: sidecar(of: clip), withDestinationURL: secret)
            let refused = try footage.run(["register", clip.path, "--no-fingerprint"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(sidecar(of: clip).path): sidecar refused: a symbolic link"))
            #expect(refused.stderr.contains("--no-sidecar"))
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 0)

            let skipped = try footage.run(["register", clip.path, "--no-fingerprint", "--no-sidecar"])
            #expect(skipped.status == 0, "\(skipped.stderr)")
            let export = try footage.run(["export", "--format", "json"])
            #expect(export.status == 0)
            for text in [try dump(root), export.stdout] { #expect(!text.contains("SECRET-7f3a")) }
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM acquisition") == 0)
        }
    }

    @Test func aLargeSidecarIsRefusedOnItsOwnSizeThroughALinkOrNot() throws {
        try withClip { footage, root, clip throws in
            // 300 MB of holes: nothing is written to the disk, but reading it whole would take 300 MB of memory.
            let large = root.appendingPathComponent("large.json")
            #expect(FileManager.default.createFile(atPath: large.path, contents: nil))
            #expect(truncate(large.path, 300 << 20) == 0)
            try FileManager.default.createSymbolicLink(at: sidecar(of: clip), withDestinationURL: large)
            let linked = try footage.run(["register", clip.path, "--no-fingerprint"])
            #expect(linked.status == 1)
            #expect(linked.stderr.contains("sidecar refused: a symbolic link"), "\(linked.stderr)")

            try FileManager.default.removeItem(at: sidecar(of: clip))
            try FileManager.default.moveItem(at: large, to: sidecar(of: clip))
            let direct = try footage.run(["register", clip.path, "--no-fingerprint"])
            #expect(direct.status == 1)
            #expect(direct.stderr.contains("sidecar refused: too large (314572800 bytes"), "\(direct.stderr)")
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 0)
        }
    }

    @Test func aSidecarWithAByteOrderMarkIsKeptByteForByteAndVerifies() throws {
        try withClip { footage, root, clip throws in
            let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(#"{"id":"bom1","title":"with a mark"}"#.utf8)
            try bytes.write(to: sidecar(of: clip))
            #expect(try footage.run(["register", clip.path, "--no-fingerprint"]).status == 0)
            let stored = try CatalogueInvariants.sqlite(
                root, "SELECT hex(sidecar_json), sidecar_sha256 FROM acquisition")
            let expected = bytes.map { String(format: "%02X", $0) }.joined() + "|" + Hashing.sha256Hex(bytes)
            #expect(stored.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
            let show = try #require(try footage.run(["show", clip.path, "--json"]).rows.first)
            let acquisition = try #require((show["acquisitions"] as? [[String: Any]])?.first)
            #expect(acquisition["platform_title"] as? String == "with a mark")
            #expect((acquisition["sidecar"] as? [String: Any])?["id"] as? String == "bom1")
            let verify = try footage.run(["verify"])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }

    @Test func aNulInAFieldIsStoredAlikeInTheRowAndTheLedger() throws {
        try withClip { footage, root, clip throws in
            try Data(#"{"id":"nul1","title":"before\u0000after","uploader":"\u0000"}"#.utf8).write(
                to: sidecar(of: clip))
            #expect(try footage.run(["register", clip.path, "--no-fingerprint"]).status == 0)
            let show = try #require(try footage.run(["show", clip.path, "--json"]).rows.first)
            let acquisition = try #require((show["acquisitions"] as? [[String: Any]])?.first)
            #expect(acquisition["platform_title"] as? String == "before\u{FFFD}after")
            #expect(acquisition["platform_uploader"] as? String == "\u{FFFD}")
            let verify = try footage.run(["verify"])
            #expect(verify.status == 0, "\(verify.stdout)")
        }
    }

    @Test func aMalformedSidecarNamesTheFlagThatSkipsIt() throws {
        try withClip { footage, root, clip throws in
            for text in ["{not json", #"{"id":"x","title":"\ud800"}"#, "[1, 2]"] {
                try Data(text.utf8).write(to: sidecar(of: clip))
                let refused = try footage.run(["register", clip.path, "--no-fingerprint"])
                #expect(refused.status == 1)
                #expect(refused.stderr.contains("\(sidecar(of: clip).path): sidecar refused: not a yt-dlp .info.json"))
                #expect(refused.stderr.contains("--no-sidecar registers it without its sidecar"))
                #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 0)
            }
            let named = try footage.run(["register", clip.path, "--info-json", sidecar(of: clip).path, "--no-sidecar"])
            #expect(named.status == 64)
            let skipped = try footage.run(["register", clip.path, "--no-fingerprint", "--no-sidecar"])
            #expect(skipped.status == 0, "\(skipped.stderr)")
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 1)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM acquisition") == 0)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }
}
