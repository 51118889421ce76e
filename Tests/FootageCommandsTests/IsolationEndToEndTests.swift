import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// Media work runs in worker processes (`footage media-worker`) with limits: a decoder that crashes, loops, hangs
/// or exhausts memory fails its own file with a clear reason, and the rest of the batch is registered. The faults
/// are simulated by the worker's test hook (`FOOTAGE_WORKER_FAULT=KIND:TEXT`, for files whose path contains TEXT),
/// since no file is known today that crashes FFmpeg 5.1.
@Suite(.serialized) struct IsolationEndToEndTests {
    let samples = FootageBinary.samples

    /// A folder with two good clips and one copy of a sample whose name marks it for the simulated fault.
    private func batch(in root: URL) throws -> URL {
        let folder = root.appendingPathComponent("batch", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["ministry-upload.mp4", "checkpoint-cctv.ts"] {
            try FileManager.default.copyItem(
                at: samples.appendingPathComponent(name),
                to: folder.appendingPathComponent(name))
        }
        // Distinct bytes, so the marked file is a clip of its own.
        var marked = try Data(contentsOf: samples.appendingPathComponent("handheld-rotated.mov"))
        marked.append(contentsOf: Array("faulty".utf8))
        try marked.write(to: folder.appendingPathComponent("faulty-decoder.mov"))
        return folder
    }

    /// Registers the batch under `environment` and checks the outcome every fault must have.
    private func registerFailsOnlyTheMarkedFile(_ environment: [String: String], reason: String) throws {
        try withCatalogFolder { footage, root throws in
            let folder = try batch(in: root)
            let result = try footage.run(["register", folder.path, "--json"], environment: environment)
            #expect(result.status == 1)
            let failures = result.rows.compactMap { $0["message"] as? String }.filter {
                $0.contains("faulty-decoder.mov")
            }
            #expect(failures.count == 1, "\(result.stdout)")
            #expect(failures.first?.contains(reason) == true, "\(result.stdout)")
            let statuses = Dictionary(
                uniqueKeysWithValues: result.rows.compactMap { row -> (String, String)? in
                    guard let path = row["path"] as? String, let status = row["status"] as? String else { return nil }
                    return (URL(fileURLWithPath: path).lastPathComponent, status)
                })
            #expect(statuses["ministry-upload.mp4"] == "registered")
            #expect(statuses["checkpoint-cctv.ts"] == "registered")
            #expect(statuses["faulty-decoder.mov"] == "error")
            let clips = try footage.run(["list", "clips", "--json"])
            #expect(clips.rows.count == 2)
            let verify = try footage.run(["verify"])
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        }
    }

    @Test func aCrashingDecoderFailsItsFileAndTheBatchGoesOn() throws {
        try registerFailsOnlyTheMarkedFile(
            ["FOOTAGE_WORKER_FAULT": "crash:faulty-decoder"],
            reason: "the media worker crashed (SIGSEGV)")
    }

    @Test func aLoopingDecoderIsStoppedAtItsCPUTimeLimit() throws {
        try registerFailsOnlyTheMarkedFile(
            ["FOOTAGE_WORKER_FAULT": "spin:faulty-decoder", "FOOTAGE_WORKER_CPU_SECONDS": "1"],
            reason: "exceeded its CPU-time limit of 1 s")
    }

    @Test func aHangingDecoderIsStoppedAtItsWallTimeLimit() throws {
        try registerFailsOnlyTheMarkedFile(
            ["FOOTAGE_WORKER_FAULT": "hang:faulty-decoder", "FOOTAGE_WORKER_WALL_SECONDS": "2"],
            reason: "no answer from its media worker within 2 s")
    }

    @Test func aDecoderThatExhaustsMemoryHitsTheAddressSpaceLimit() throws {
        try registerFailsOnlyTheMarkedFile(
            ["FOOTAGE_WORKER_FAULT": "memory:faulty-decoder", "FOOTAGE_WORKER_MEMORY_MB": "1024"],
            reason: "1024 MiB memory limit")
    }

    @Test func aWorkerStartedWithoutTheForkServerFailsTheSameWay() throws {
        try registerFailsOnlyTheMarkedFile(
            ["FOOTAGE_WORKER_FAULT": "crash:faulty-decoder", "FOOTAGE_FORK_SERVER": "off"],
            reason: "the media worker crashed (SIGSEGV)")
    }

    @Test func whenTheForkServerFailsWorkersStartDirectly() throws {
        try withCatalogFolder { footage, root throws in
            let result = try footage.run(
                ["register", try batch(in: root).path, "--json"],
                environment: ["FOOTAGE_WORKER_FAULT": "crash:(fork server)"])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.rows.filter { $0["status"] as? String == "registered" }.count == 3, "\(result.stdout)")
        }
    }

    /// Killing footage ends its workers, even ones busy in a task (here: all hanging), and its fork server.
    @Test(arguments: [true, false]) func workersEndWithTheFootageProcess(forkServer: Bool) throws {
        try withCatalogFolder { _, root throws in
            let folder = try batch(in: root)
            // Every process of this run has it in its environment, and no other process has.
            let marker = "hang:\(root.lastPathComponent)"
            let process = try FootageBinary.start(
                ["register", folder.path, "--jobs", "2", "--no-fingerprint"], catalog: root, fault: marker,
                environment: ["FOOTAGE_FORK_SERVER": forkServer ? nil : "off"])
            // footage, two workers hanging in a task, and the fork server (once the workers' intermediates are gone).
            let expected = forkServer ? 4 : 3
            let started = Date().addingTimeInterval(30)
            while ProcessTable.processes(withEnvironment: marker).count != expected && Date() < started {
                usleep(10_000)
            }
            #expect(ProcessTable.processes(withEnvironment: marker).count == expected)
            usleep(300_000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let ended = Date().addingTimeInterval(5)
            while !ProcessTable.processes(withEnvironment: marker).isEmpty && Date() < ended { usleep(50_000) }
            #expect(ProcessTable.processes(withEnvironment: marker).isEmpty)
        }
    }

    /// A worker decodes hostile files: it must hold no descriptor of the catalogue, whether it was forked from the
    /// footage process (the first worker or the fork server, while footage has a single thread: `keyframes` forks its
    /// worker after it has opened the catalogue), from the fork server, or started anew.
    @Test(arguments: ["register", "register without fork server", "keyframes"])
    func workersHoldNoDescriptorOfTheCatalogue(_ command: String) throws {
        try withCatalogFolder { footage, root throws in
            let folder = try batch(in: root)
            let faulty = folder.appendingPathComponent("faulty-decoder.mov").path
            var arguments = ["register", folder.path, "--jobs", "2", "--no-fingerprint"]
            if command == "keyframes" {
                #expect(try footage.run(arguments).status == 0)
                arguments = ["keyframes", faulty]
            }
            let marker = "hang:\(root.lastPathComponent)"
            let process = try FootageBinary.start(
                arguments, catalog: root, fault: marker,
                environment: ["FOOTAGE_FORK_SERVER": command == "register without fork server" ? "off" : nil])
            defer {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            // Two hanging workers and the fork server, two workers, or the one worker of `keyframes`.
            let expected = ["register": 3, "register without fork server": 2, "keyframes": 1][command]!
            // Workers start while footage opens the catalogue: wait for both.
            let catalogue = root.path + "/Catalog/"
            let started = Date().addingTimeInterval(30)
            var helpers: [Int32] = []
            var footageHoldsIt = false
            while Date() < started {
                helpers = ProcessTable.processes(withEnvironment: marker).filter { $0 != process.processIdentifier }
                footageHoldsIt = ProcessTable.openFiles(of: process.processIdentifier).contains {
                    $0.hasPrefix(catalogue)
                }
                if helpers.count == expected && footageHoldsIt { break }
                usleep(10_000)
            }
            #expect(helpers.count == expected)
            // footage itself holds the catalogue open (the check would find nothing if it looked in the wrong place).
            #expect(footageHoldsIt)
            for pid in helpers {
                let files = ProcessTable.openFiles(of: pid)
                #expect(!files.contains { $0.hasPrefix(catalogue) }, "process \(pid) holds \(files)")
            }
        }
    }

    @Test func aKeyframeWorkerCrashLeavesNoImagesAndNoRecord() throws {
        try withCatalogFolder { footage, root throws in
            let folder = try batch(in: root)
            let marked = folder.appendingPathComponent("faulty-decoder.mov").path
            #expect(try footage.run(["register", marked, "--no-fingerprint"]).status == 0)
            let result = try footage.run(
                ["keyframes", marked], environment: ["FOOTAGE_WORKER_FAULT": "crash:faulty-decoder"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("the media worker crashed"), "\(result.stderr)")
            let keyframes = root.appendingPathComponent("Catalog/keyframes")
            let left = FileManager.default.enumerator(atPath: keyframes.path)?.allObjects as? [String] ?? []
            #expect(left.filter { $0.hasSuffix(".jpg") || $0.contains(TemporaryName.prefix) }.isEmpty, "\(left)")
            let log = try footage.run(["log", "--json"])
            #expect(!log.rows.contains { $0["action"] as? String == "keyframes.extract" })
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func withIsolationOffTheSameWorkGivesTheSameRecords() throws {
        do {
            let mp4 = samples.appendingPathComponent("ministry-upload.mp4").path
            let isolated = try FootageBinary.run([], ["probe", mp4, "--json"])
            let inProcess = try FootageBinary.run(
                [], ["probe", mp4, "--json"], environment: ["FOOTAGE_ISOLATION": "off"])
            #expect(isolated.status == 0 && inProcess.status == 0)
            #expect(isolated.stdout == inProcess.stdout)
        }
    }
}
