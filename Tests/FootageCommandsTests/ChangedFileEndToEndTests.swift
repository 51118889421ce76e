import FootageCore
import FootageTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What footage records under a clip's SHA-256 comes from exactly those bytes, whatever happens to the file while it
/// is read (README, "One descriptor from hash to pixels"): a path swapped between two files, a file rewritten in place
/// with its times put back.
@Suite(.serialized) struct ChangedFileEndToEndTests {
    let samples = FootageBinary.samples

    /// Two files renamed in and out of a clip's path in a loop, while `keyframes` and `fingerprint` run on the clip
    /// 200 times each (every other run in one process): every still and fingerprint recorded is the clip's own; a run
    /// that opened the other file, or whose file was renamed while it read it, fails and records nothing.
    @Test func aPathSwappedBetweenTwoFilesNeverLendsTheOtherFilesPicturesToTheClip() throws {
        try withCatalogFolder { footage, root throws in
            let folder = root.appendingPathComponent("swap", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let clip = folder.appendingPathComponent("a.ts").path
            let other = folder.appendingPathComponent("b.mov").path
            let path = folder.appendingPathComponent("clip.ts").path
            try FileManager.default.copyItem(
                atPath: samples.appendingPathComponent("checkpoint-cctv.ts").path, toPath: clip)
            try FileManager.default.copyItem(
                atPath: samples.appendingPathComponent("handheld-rotated.mov").path, toPath: other)
            #expect(link(clip, path) == 0)
            let registered = try footage.run(["register", path, "--json"])
            let sha = try #require(registered.rows.first?["sha256"] as? String, "\(registered.stderr)")

            // The clip's stills and fingerprint, and the other file's stills, before any swapping.
            let clipStills = try footage.run(["keyframes", sha, "--json"]).rows.compactMap { $0["pdq"] as? String }
            let otherStills = try FootageBinary.run(
                [], ["keyframes", other, "--out", folder.appendingPathComponent("other").path, "--json"]
            ).rows.compactMap { $0["pdq"] as? String }
            #expect(!clipStills.isEmpty && !otherStills.isEmpty)
            #expect(Set(clipStills).isDisjoint(with: otherStills))
            let fingerprint = try #require(fingerprintEvents(footage).first?["data_sha256"] as? String)

            let swapping = Swapper(path: path, files: [clip, other])
            var (succeeded, refused) = (0, 0)
            for run in 0..<200 {
                let environment = run % 2 == 0 ? [:] : ["FOOTAGE_ISOLATION": "off"]
                // A new extraction each run (the same parameters again would add nothing and read nothing).
                let keyframes = try footage.run(
                    ["keyframes", sha, "--max", "\(run + 1)", "--json"], environment: environment, stallLimit: 60)
                let fingerprinted = try footage.run(
                    ["fingerprint", sha, "--json"], environment: environment, stallLimit: 60)
                for outcome in [keyframes, fingerprinted] {
                    if outcome.status == 0 {
                        succeeded += 1
                    } else {
                        refused += 1
                        #expect(outcome.status == 1 && outcome.stderr.contains("changed"), "\(outcome.stderr)")
                    }
                }
                for still in keyframes.rows.compactMap({ $0["pdq"] as? String }) {
                    #expect(clipStills.contains(still), "run \(run): a still of another file (\(still))")
                }
            }
            swapping.stop()
            print("note: swapped path: \(succeeded) runs recorded the clip's pictures, \(refused) failed as changed")
            // Both outcomes happened: the path did point at the other file at times.
            #expect(succeeded > 0 && refused > 0, "\(succeeded) runs succeeded, \(refused) refused")

            // Everything recorded, as the ledger has it.
            let log = try footage.run(["log", "--json"]).rows
            for event in log where event["action"] as? String == "keyframes.extract" {
                let stills = ((event["payload"] as? [String: Any])?["keyframes"] as? [[String: Any]]) ?? []
                #expect(stills.allSatisfy { clipStills.contains($0["pdq"] as? String ?? "") }, "\(event)")
            }
            // Fingerprinting decodes every picture (for its content anchors), often longer than the swapper leaves the
            // path alone, so every such run may fail as changed; what matters is that none records other bytes.
            let fingerprints = try fingerprintEvents(footage)
            print("note: swapped path: \(fingerprints.count - 1) fingerprint runs recorded")
            #expect(fingerprints.allSatisfy { $0["data_sha256"] as? String == fingerprint }, "\(fingerprints)")
            try FileManager.default.removeItem(atPath: path)
            #expect(link(clip, path) == 0)
            let verified = try footage.run(["verify"])
            #expect(verified.status == 0, "\(verified.stdout)")
        }
    }

    /// A file rewritten in place with other bytes of the same size, its times then put back (`touch -d`), while the
    /// worker holds it: size and modification time are as they were, yet the work fails as changed and nothing of it
    /// is recorded. (The worker's test fault `pause` holds the task for three seconds, for the rewrite to happen in.)
    @Test(arguments: ["register", "keyframes", "fingerprint"])
    func aSameSizeRewriteWithItsTimesPutBackFailsTheWorkAndRecordsNothing(_ command: String) throws {
        try withCatalogFolder { footage, root throws in
            let folder = root.appendingPathComponent("rewrite", isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("paused-clip.ts").path
            let original = try Data(contentsOf: samples.appendingPathComponent("checkpoint-cctv.ts"))
            try original.write(to: URL(fileURLWithPath: path))
            var arguments = ["register", path, "--json"]
            if command != "register" {
                let registered = try footage.run(arguments + ["--no-fingerprint"])
                let sha = try #require(registered.rows.first?["sha256"] as? String, "\(registered.stderr)")
                arguments = [command, sha, "--json"]
            }
            let events = try footage.run(["log", "--json"]).rows.count

            let marker = "pause:paused-clip"
            // Errors are rows on stdout with --json for `register`, lines on stderr for the others: both are read.
            let output = Pipe()
            let process = try FootageBinary.start(arguments, catalog: root, fault: marker, output: output)
            // footage has opened the file (and, but for `register`, hashed it) once its worker holds it too.
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            var held = false
            let deadline = Date().addingTimeInterval(30)
            while !held && process.isRunning && Date() < deadline {
                held = ProcessTable.processes(withEnvironment: marker).contains { pid in
                    pid != process.processIdentifier && ProcessTable.openFiles(of: pid).contains(resolved)
                }
                if !held { usleep(5_000) }
            }
            #expect(held, "no worker held the file")
            try rewriteKeepingTimes(path)
            process.waitUntilExit()
            let message = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 1)
            #expect(message.contains("the file changed while it was being read"), "\(message)")
            #expect(try footage.run(["log", "--json"]).rows.count == events, "something was recorded")
            if command == "register" { #expect(try footage.run(["list", "clips", "--json"]).rows.isEmpty) }
            let keyframes = root.appendingPathComponent("Catalog/keyframes")
            let images = FileManager.default.enumerator(atPath: keyframes.path)?.allObjects as? [String] ?? []
            #expect(!images.contains { $0.hasSuffix(".jpg") }, "\(images)")
            try original.write(to: URL(fileURLWithPath: path))
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    /// Writes other bytes of the same size over the middle of the file, in place, then sets its access and
    /// modification times back to what they were.
    private func rewriteKeepingTimes(_ path: String) throws {
        var before = stat()
        #expect(stat(path, &before) == 0)
        let descriptor = open(path, O_WRONLY)
        #expect(descriptor >= 0)
        let other = [UInt8](repeating: 0x5A, count: 8192)
        #expect(pwrite(descriptor, other, other.count, off_t(before.st_size / 2)) == other.count)
        close(descriptor)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
    }

    /// The payloads of the catalogue's `clip.fingerprint` events, oldest first.
    private func fingerprintEvents(_ footage: FootageBinary) throws -> [[String: Any]] {
        try footage.run(["log", "--json"]).rows.filter { $0["action"] as? String == "clip.fingerprint" }
            .compactMap { $0["payload"] as? [String: Any] }
    }
}

/// Renames each of `files` in turn over `path` on a thread of its own, until stopped: the path always names one of
/// them, and which one changes under any process that opens it twice. The pauses between swaps (1–120 ms, from a
/// seeded generator) are sometimes shorter than a run's reading of the file and sometimes longer: a file renamed,
/// linked or unlinked while it is read has a new status-change time and fails as changed, so only runs that read
/// between two swaps can succeed.
private final class Swapper: Sendable {
    private let stopped = Atomic(false)
    private let done = DispatchSemaphore(value: 0)

    init(path: String, files: [String]) {
        let thread = Thread { [self] in
            let temporary = path + ".next"
            var random = SplitMix64(seed: 20_261_207)
            var turn = 0
            while !stopped.load(ordering: .relaxed) {
                unlink(temporary)
                if link(files[turn % files.count], temporary) == 0 { rename(temporary, path) }
                turn += 1
                usleep(UInt32(1_000 + random.next() % 119_000))
            }
            unlink(temporary)
            done.signal()
        }
        thread.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        done.wait()
    }
}
