import FootageTestSupport
import Foundation
import Testing

/// Writes that fail for want of room, as on a full disk: footage runs under a file size limit (`ulimit -f`, which
/// needs no root), so a write past it fails with EFBIG (footage ignores SIGXFSZ, which would otherwise kill it).
/// Whether an evidentiary copy, a keyframe image or a database commit fails, the error is clear, no partial file is
/// left, and the catalogue is as it was. `make stress` also fills a small tmpfs (Tests/Stress/full_disk.py).
@Suite(.serialized) struct FileSizeLimitEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }
    let noRoom = "File too large: the disk is full or a file size limit was reached"

    /// Runs the binary with a file size limit of `kilobytes` (the shell counts 1024-byte blocks).
    private func runLimited(_ root: URL, kilobytes: Int, _ arguments: [String]) throws -> FootageBinary.Result {
        let script = "ulimit -f \(kilobytes); exec \"$0\" \"$@\""
        return try runProcess(
            "/bin/bash", ["-c", script, FootageBinary.path] + arguments + ["--catalog", root.path],
            environment: ["FOOTAGE_HOME": ""])
    }

    /// The catalogue after a failed write: consistent, nothing temporary left, nothing half recorded.
    private func expectUnharmed(_ footage: FootageBinary, _ root: URL) throws {
        #expect(try CatalogueInvariants.problems(footage, root).isEmpty)
        #expect(try CatalogueInvariants.leftovers(root).isEmpty)
    }

    @Test func aCopyThatDoesNotFitFailsClearlyAndLeavesNoPartialFile() throws {
        try withCatalogFolder { footage, root throws in
            let result = try runLimited(root, kilobytes: 600, ["register", ministry, "--copy", "--no-fingerprint"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("write failed (\(noRoom)); nothing was kept"), "\(result.stderr)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Media").path).isEmpty)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 0)
            try expectUnharmed(footage, root)
            #expect(try footage.run(["register", ministry, "--copy", "--no-fingerprint"]).status == 0)
            try expectUnharmed(footage, root)
        }
    }

    @Test func keyframeImagesThatDoNotFitLeaveNoImageAndNoRecord() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            let arguments = ["keyframes", ministry, "--mode", "interval", "--every", "1", "--sheet"]
            let result = try runLimited(root, kilobytes: 48, arguments)
            #expect(result.status == 1)
            #expect(result.stderr.contains("could not be written (\(noRoom)); nothing was kept"), "\(result.stderr)")
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM extraction") == 0)
            try expectUnharmed(footage, root)
            #expect(try footage.run(arguments).status == 0)
            try expectUnharmed(footage, root)
        }
    }

    @Test func aCommitThatDoesNotFitChangesNothing() throws {
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            // Tiny stills, many of them: the images fit, the transaction recording them does not.
            let stills = ["keyframes", ministry, "--mode", "interval", "--every", "0.5", "--width", "32"]
            let article = Repository.exampleArticle.path
            for arguments in [stills, ["article", "add", article]] {
                // Counted before each attempt: the verify after one records its run in the ledger.
                let events = try CatalogueInvariants.count(root, "SELECT count(*) FROM ledger")
                let result = try runLimited(root, kilobytes: 48, arguments)
                #expect(result.status == 1)
                #expect(result.stderr.contains("a file size limit was reached"), "\(result.stderr)")
                #expect(result.stderr.contains("the catalogue was not changed"))
                #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM ledger") == events)
                try expectUnharmed(footage, root)
            }
            #expect(try footage.run(stills).status == 0)
            try expectUnharmed(footage, root)
        }
    }
}
