import ArgumentParser
import FootageWorkers
import Foundation

/// `footage-bench`: the measurements `Benchmarks/` runs beside the tools people use instead. Not shipped with the
/// libraries; built by `make bench` next to `footage`.
@main
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "footage-bench",
        abstract: "Measurements for Benchmarks/: the hash index, PDQ alone, worker message coding, large catalogues.",
        subcommands: [
            IndexCommand.self, AllPairsCommand.self, PDQCommand.self, MessagesCommand.self, CatalogueCommand.self,
        ])
}

/// Exact searches of one clip's fingerprint in a large random index with each search strategy
/// (`Benchmarks/match.sh`).
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Time fingerprint searches in a large index.")

    @Option(help: "Hashes in the index.") var size = 1_000_000
    @Option(help: "Query hashes (one clip's frames, with variants: 8 per frame).") var queries = 480
    @Option(help: "Repetitions; the best is kept.") var repetitions = 5

    func validate() throws {
        if size < 1 || queries < 1 || repetitions < 1 { throw ValidationError("every count must be at least 1") }
    }

    func run() throws {
        let result = FrameHashIndexBenchmark.run(indexSize: size, queries: queries, repetitions: repetitions)
        print(
            String(
                format: "%d hashes indexed in %.2f s; %d queries, %d hits", result.indexedHashes,
                result.buildSeconds, result.queries, result.hits))
        print(
            String(
                format: "search: flat scan %.1f ms, multi-index %.1f ms, automatic %.1f ms",
                result.flatScanSeconds * 1000, result.multiIndexSeconds * 1000, result.automaticSeconds * 1000))
    }
}

/// Every pair of many generated fingerprints searched at once, as `footage match` does over a catalogue
/// (`Benchmarks/match.sh`).
struct AllPairsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "all-pairs", abstract: "Time the search for every matching pair of many generated fingerprints.")

    @Option(help: "Clips.") var clips = 10_000
    @Option(help: "Seconds of each clip (sampled four times a second).") var seconds = 30.0
    @Option(help: "The share of clips that are damaged copies of an earlier one.") var copies = 0.02

    func validate() throws {
        if clips < 2 || seconds < 1 || !(0...1).contains(copies) { throw ValidationError("nothing to measure") }
    }

    func run() throws {
        let result = AllPairsBenchmark.run(clips: clips, seconds: seconds, copies: copies)
        print(
            String(
                format: "%d clips, %d frames, %d hashes indexed in %.2f s", result.clips, result.frames,
                result.indexedHashes, result.buildSeconds))
        print(
            String(
                format: "candidates: %d pairs in %.2f s; confirmed: %d pairs in %.2f s; planted copies found: %d of %d",
                result.candidatePairs, result.candidateSeconds, result.foundPairs, result.confirmSeconds,
                result.plantedFound, result.plantedPairs))
    }
}

/// PDQ throughput on one core (`Benchmarks/keyframes.sh`).
struct PDQCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdq", abstract: "Time PDQ hashing of synthetic frames on one core.")

    @Option(help: "Frame side in pixels.") var size = 512
    @Option(help: "Frames to hash.") var iterations = 2000

    func run() throws {
        // Wall time suffers when other processes share the cores; the thread's CPU time is the cost of hashing.
        let cpuBefore = ThreadCPUClock.seconds()
        let perSecond = PDQBenchmark.hashesPerSecond(width: size, height: size, iterations: iterations)
        let cpu = (ThreadCPUClock.seconds() - cpuBefore) / Double(iterations + 1)
        print(
            String(
                format: "%dx%d: %.3f ms CPU per frame (%.3f ms wall, %.0f hashes/s)", size, size,
                cpu * 1000, 1000 / perSecond, perSecond))
    }
}

/// What coding a media worker's answer costs, JSON against the wire form (`Benchmarks/register.sh`).
struct MessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "messages", abstract: "Time coding a media worker's answer for one file.")

    @Argument(help: "A media file to probe once.") var file: String
    @Option(help: "Answers to write and read.") var iterations = 2000
    @Option(
        help: """
            Also write the answer and an error answer in the binary form into this folder (the fuzzer's seeds, \
            Fuzz/seeds/worker-answer).
            """)
    var saveSeeds: String?

    func run() throws {
        if let folder = saveSeeds {
            for (index, seed) in try WorkerAnswerCheck.seeds(probing: file).enumerated() {
                try Data(seed).write(to: URL(fileURLWithPath: folder).appendingPathComponent("answer-\(index).bin"))
            }
        }
        let result = try MessageCodingBenchmark.run(path: file, iterations: iterations)
        print(
            String(
                format: "JSON: %d bytes, write %.1f µs, read %.1f µs", result.jsonBytes,
                result.json.encode, result.json.decode))
        print(
            String(
                format: "wire: %d bytes, write %.1f µs, read %.1f µs", result.wireBytes,
                result.wire.encode, result.wire.decode))
    }
}
