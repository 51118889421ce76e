import ArgumentParser
import FootageKit
import FootageMedia
import Foundation

/// Hidden: PDQ throughput on one core, for Benchmarks/keyframes.sh.
struct BenchPDQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-pdq", abstract: "Time PDQ hashing of synthetic frames on one core.", shouldDisplay: false)

    @Option(help: "Frame side in pixels.") var size = 512
    @Option(help: "Frames to hash.") var iterations = 2000

    func run() throws {
        // Wall time suffers when other processes share the cores; the thread's CPU time is the cost of hashing.
        let cpuBefore = ThreadCPUClock.seconds()
        let perSecond = PDQBenchmark.hashesPerSecond(width: size, height: size, iterations: iterations)
        let cpu = (ThreadCPUClock.seconds() - cpuBefore) / Double(iterations + 1)
        Output.line(String(format: "%dx%d: %.3f ms CPU per frame (%.3f ms wall, %.0f hashes/s)", size, size,
                           cpu * 1000, 1000 / perSecond, perSecond))
    }
}
