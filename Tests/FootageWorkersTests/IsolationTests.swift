import FootageMedia
import Foundation
import Testing

@testable import FootageWorkers

/// The parts of worker isolation that need no worker: limits from the environment, and errors crossing the pipe.
struct IsolationTests {
    @Test func limitsComeFromTheEnvironmentAndIgnoreNonsense() {
        let set = WorkerLimits.fromEnvironment([
            "FOOTAGE_WORKER_MEMORY_MB": "512", "FOOTAGE_WORKER_CPU_SECONDS": "3",
            "FOOTAGE_WORKER_WALL_SECONDS": "7",
        ])
        #expect(set.addressSpace == 512 << 20)
        #expect(set.cpuSecondsPerTask == 3)
        #expect(set.wallSecondsPerTask == 7)
        let nonsense = WorkerLimits.fromEnvironment([
            "FOOTAGE_WORKER_MEMORY_MB": "-1", "FOOTAGE_WORKER_CPU_SECONDS": "x",
        ])
        #expect(nonsense == WorkerLimits())
        #expect(WorkerLimits().cpuSeconds(forWallLimit: 10) >= 10)
    }

    @Test func aMediaErrorCrossesThePipeUnchanged() throws {
        let error = MediaError(
            .refused, path: "/cases/x.mp4", reason: "a playlist (hls) that would open other files",
            ffmpegCode: -1094995529, errno: nil)
        let wire = try WireEncoder.encode(MediaTaskResult(error: error))
        let back = try WireDecoder.decode(MediaTaskResult.self, from: wire)
        #expect(back.error as? MediaError == error)
    }

    @Test func theWallLimitGrowsWithTheFileAndTheTasksOwnDeadline() {
        let probe = MediaTask.probe(path: "x")
        #expect(probe.wallLimit(fileSize: 10_000_000_000) > probe.wallLimit(fileSize: 1_000))
        var request = KeyframeRequest(mode: .key, folder: URL(fileURLWithPath: "/tmp"))
        request.timeout = 900
        #expect(MediaTask.keyframes(path: "x", request: request).wallLimit(fileSize: 0) > 900)
    }
}
