import Foundation
import Testing

/// `register` and `keyframes` killed with SIGKILL at seeded moments spread over the run: afterwards the catalogue is
/// consistent, the next run removes whatever temporary files the killed one left (and says so), and completing the
/// work records nothing twice. A few trials here; `make stress` (Tests/Stress/kill.py) runs many more.
@Suite(.serialized) struct KilledMidWorkEndToEndTests {
    let samples = FootageBinary.samples

    @Test func registeringWithCopiesAndKeyframesSurvivesKills() throws {
        try trials(["register", samples.path, "--copy", "--keyframes"], seed: 11, count: 4) { root throws in
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 4)
            #expect(
                try CatalogueInvariants.count(root, "SELECT count(DISTINCT clip_id) FROM location WHERE kind = 'copy'")
                    == 4)
            #expect(try CatalogueInvariants.count(root, "SELECT count(DISTINCT clip_id) FROM extraction") == 4)
        }
    }

    @Test func extractingKeyframesSurvivesKills() throws {
        let setup = ["register", samples.path, "--no-fingerprint"]
        try trials(
            ["keyframes", "--mode", "interval", "--every", "1", "--sheet"], setup: setup, withClips: true,
            seed: 12, count: 3
        ) { root throws in
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM extraction") == 4)
        }
    }

    /// Runs `command` to its end once to learn how long it takes, then `count` times in new catalogues: killed at a
    /// moment drawn from that span, checked, run again to completion, checked again, then `complete` is asked.
    private func trials(
        _ command: [String], setup: [String]? = nil, withClips: Bool = false, seed: Int, count: Int,
        complete: (URL) throws -> Void
    ) throws {
        let span = try withCatalogFolder { footage, root throws -> Double in
            let arguments = try prepare(footage, root, command, setup: setup, withClips: withClips)
            let start = Date()
            #expect(try footage.run(arguments).status == 0)
            return Date().timeIntervalSince(start)
        }
        for trial in 0..<count {
            // Moments spread over the run by the golden ratio from the seed: the same every time, never bunched.
            let delay = span * (Double(seed) * 0.1 + Double(trial) * 0.618_033_988_7).truncatingRemainder(dividingBy: 1)
            try withCatalogFolder { footage, root throws in
                let arguments = try prepare(footage, root, command, setup: setup, withClips: withClips)
                try runKilled(arguments + ["--catalog", root.path], after: delay)
                let after = try CatalogueInvariants.problems(footage, root)
                #expect(after.isEmpty, "killed after \(delay) s: \(after)")
                let left = try CatalogueInvariants.leftovers(root)
                let again = try footage.run(arguments)
                #expect(again.status == 0, "the run after a kill at \(delay) s failed: \(again.stderr)")
                for path in left {
                    #expect(
                        again.stderr.contains("removed \(path), left by an interrupted run"), "\(path) not reported")
                }
                #expect(try CatalogueInvariants.leftovers(root).isEmpty)
                let completed = try CatalogueInvariants.problems(footage, root)
                #expect(completed.isEmpty, "after completing a run killed at \(delay) s: \(completed)")
                try complete(root)
            }
        }
    }

    /// The command's arguments once the set-up has run; with `withClips`, the registered clips are appended.
    private func prepare(
        _ footage: FootageBinary, _ root: URL, _ command: [String], setup: [String]?,
        withClips: Bool
    ) throws -> [String] {
        if let setup { #expect(try footage.run(setup).status == 0) }
        guard withClips else { return command }
        return command + (try footage.run(["list", "clips", "--json"]).rows.compactMap { $0["sha256"] as? String })
    }

    /// Starts the binary and kills it with SIGKILL after `delay` seconds, unless it has finished by then.
    private func runKilled(_ arguments: [String], after delay: Double) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: FootageBinary.path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["FOOTAGE_HOME"] = nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(delay)
        while process.isRunning && Date() < deadline { usleep(1000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }
}
