import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// Nothing outside the catalogue: a symbolic link inside a catalogue (received in an archive, or shared between two
/// catalogues) never makes footage write or remove anything elsewhere, and folders footage did not make — a report's
/// images folder, a `--out` folder's files, a file planted in `Media/` — are never removed or taken as its own.
@Suite(.serialized) struct OutsideTheCatalogueEndToEndTests {
    let ministry = Samples.ministryUpload
    let pentagon = Samples.pentagonRelease

    /// Runs `body` with a folder of someone else's files, and checks afterwards that none of them changed.
    private func withVictim(_ body: (URL) throws -> Void) throws {
        try withTemporaryFolder { victim in
            try fillWithSomeoneElsesFiles(victim)
            let before = try folderContents(victim)
            try body(victim)
            #expect(try folderContents(victim) == before, "files outside the catalogue changed")
        }
    }

    private func link(_ path: URL, to target: URL) throws {
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: target.path)
    }

    @Test func aLinkedKeyframeFolderIsRefusedAndWhatItPointsAtIsLeftAlone() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            try withVictim { victim in
                let linked = root.appendingPathComponent("Catalog/keyframes/" + String(repeating: "a", count: 64))
                try link(linked, to: victim)
                for command in [["register", pentagon], ["keyframes", ministry]] {
                    let result = try footage.run(command)
                    #expect(result.status == 1, "\(command[0]): \(result.stderr)")
                    #expect(result.stderr.contains("\(linked.path): refused: a symbolic link"), "\(result.stderr)")
                    #expect(!result.stderr.contains("removed"))
                }
            }
            // Neither command did anything: no second clip, no extraction.
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 1)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM extraction") == 0)

            // What footage did not make is left alone, whatever its name: a file named like a clip's folder, and a
            // folder of another name inside a clip's folder.
            let keyframes = root.appendingPathComponent("Catalog/keyframes")
            try FileManager.default.removeItem(at: keyframes.appendingPathComponent(String(repeating: "a", count: 64)))
            try Data("mine\n".utf8).write(to: keyframes.appendingPathComponent(String(repeating: "b", count: 64)))
            let still = try footage.run(["keyframes", ministry, "--max", "2", "--json"]).rows.first?["path"] as? String
            let extraction = URL(fileURLWithPath: try #require(still)).deletingLastPathComponent()
            try fillWithSomeoneElsesFiles(extraction.deletingLastPathComponent().appendingPathComponent("notes"))
            let before = try folderContents(keyframes)
            let result = try footage.run(["register", pentagon, "--no-fingerprint"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try folderContents(keyframes) == before)
        }
    }

    @Test func aLinkedKeyframesOrMediaFolderIsRefusedBeforeAnythingIsWritten() throws {
        try withCatalogFolder { footage, root throws in
            for (folder, flag) in [("Catalog/keyframes", "--keyframes"), ("Media", "--copy")] {
                let url = root.appendingPathComponent(folder)
                try withVictim { victim in
                    try FileManager.default.removeItem(at: url)
                    try link(url, to: victim)
                    let result = try footage.run(["register", ministry, flag, "--no-fingerprint"])
                    #expect(result.status == 1, "\(result.stderr)")
                    #expect(result.stderr.contains("\(url.path): refused: a symbolic link"), "\(result.stderr)")
                    try FileManager.default.removeItem(at: url)
                    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
                }
            }
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 0)
        }
    }

    @Test func anImagesFolderFootageDidNotWriteIsLeftAndTheReportRefused() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, "--keyframes", "--no-fingerprint"]).status == 0)
            let page = root.appendingPathComponent("r.html")
            let images = root.appendingPathComponent("r_files")
            try fillWithSomeoneElsesFiles(images)
            let before = try folderContents(images)
            let refused = try footage.run(["report", ministry, "-o", page.path, "--images-folder"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("\(images.path): exists and is not a folder of report pictures"))
            #expect(try folderContents(images) == before)
            #expect(!FileManager.default.fileExists(atPath: page.path))

            // A folder footage wrote for an earlier report is replaced by the next one.
            try FileManager.default.removeItem(at: images)
            for _ in 0..<2 {
                let result = try footage.run(["report", ministry, "-o", page.path, "--images-folder"])
                #expect(result.status == 0, "\(result.stderr)")
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: images.path)
            #expect(!names.isEmpty)
            #expect(names.allSatisfy { $0.count == 64 + 4 && $0.hasSuffix(".jpg") })
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).allSatisfy { !$0.hasPrefix(".") })
        }
    }

    @Test func outIntoARecordedExtractionsFolderIsRefusedAndVerifyStaysClean() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            let rows = try footage.run(["keyframes", ministry, "--max", "3", "--json"]).rows
            let stills = rows.compactMap { $0["path"] as? String }
            #expect(stills.count == 3)
            let folder = URL(fileURLWithPath: try #require(stills.first)).deletingLastPathComponent()
            let before = try folderContents(folder)
            for out in [folder, folder.appendingPathComponent("more"), root.appendingPathComponent("Media")] {
                let result = try footage.run(["keyframes", ministry, "--max", "3", "--out", out.path])
                #expect(result.status == 1)
                #expect(result.stderr.contains("inside the catalogue's own folders"), "\(result.stderr)")
                #expect(result.stderr.contains("--out"))
            }
            #expect(try folderContents(folder) == before)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func outNeverReplacesAFileFootageDidNotWrite() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            let rows = try footage.run(["keyframes", ministry, "--max", "3", "--json"]).rows
            let name = try #require((rows.first?["path"] as? String).map { ($0 as NSString).lastPathComponent })
            for target in [ministry, Samples.handheldRotated] {
                let out = root.appendingPathComponent("out-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
                try Data("mine\n".utf8).write(to: out.appendingPathComponent(name))
                let before = try folderContents(out)
                // The clip through the catalogue; the other file as a file outside any catalogue.
                let result = try FootageBinary.run(
                    target == ministry ? ["--catalog", root.path] : [],
                    ["keyframes", target, "--max", "3", "--out", out.path], in: FileManager.default.temporaryDirectory)
                #expect(result.status == 1, "\(result.stderr)")
                #expect(result.stderr.contains("\(out.appendingPathComponent(name).path): exists"), "\(result.stderr)")
                #expect(try folderContents(out) == before)
            }
            // The same stills written again are found there and left as they are.
            let out = root.appendingPathComponent("out")
            for _ in 0..<2 {
                #expect(try footage.run(["keyframes", ministry, "--max", "3", "--out", out.path]).status == 0)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 3)
        }
    }

    @Test func aFileOrLinkPlantedInMediaIsNeverTakenAsTheCopy() throws {
        try withCatalogFolder { footage, root throws in
            let bytes = try Data(contentsOf: URL(fileURLWithPath: ministry))
            let planted = root.appendingPathComponent("Media/\(Hashing.sha256Hex(bytes)).mp4")
            let elsewhere = root.appendingPathComponent("elsewhere.mp4")
            try bytes.write(to: elsewhere)
            let plants: [(String, () throws -> Void)] = [
                ("its bytes are not the clip's", { try Data("planted\n".utf8).write(to: planted) }),
                // A link to the very bytes of the clip is still not a copy: it can change with its target.
                ("is a symbolic link", { try self.link(planted, to: elsewhere) }),
                ("a hard link", { try FileManager.default.linkItem(at: elsewhere, to: planted) }),
            ]
            for (reason, plant) in plants {
                try plant()
                let before = try folderContents(root.appendingPathComponent("Media"))
                let result = try footage.run(["register", ministry, "--copy", "--no-fingerprint"])
                #expect(result.status == 1)
                #expect(result.stderr.contains("\(planted.path): has the name of this clip's evidentiary copy"))
                #expect(result.stderr.contains(reason), "\(result.stderr)")
                #expect(try folderContents(root.appendingPathComponent("Media")) == before)
                #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM location WHERE kind = 'copy'") == 0)
                try FileManager.default.removeItem(at: planted)
            }
            // A copy of the clip's bytes, as a kill between placing a copy and recording it leaves, is taken up.
            try bytes.write(to: planted)
            let result = try footage.run(["register", ministry, "--copy", "--no-fingerprint", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.rows.first?["copy"] as? String == planted.path)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }
}
