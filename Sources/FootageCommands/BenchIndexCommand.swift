import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

/// `footage bench-index`: a hidden entry point for `Benchmarks/match.sh`, timing exact searches of one clip's
/// fingerprint in a large random index with each search strategy.
struct BenchIndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-index", abstract: "Time fingerprint searches in a large index (for Benchmarks/).",
        shouldDisplay: false)

    @Option(help: "Hashes in the index.") var size = 1_000_000
    @Option(help: "Query hashes (one clip's frames, with variants: 8 per frame).") var queries = 480
    @Option(help: "Repetitions; the best is kept.") var repetitions = 5
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if size < 1 || queries < 1 || repetitions < 1 { throw ValidationError("every count must be at least 1") }
    }

    func run() throws {
        let result = FrameHashIndexBenchmark.run(indexSize: size, queries: queries, repetitions: repetitions)
        if output.json {
            Output.json(["indexed": .int(Int64(result.indexedHashes)), "queries": .int(Int64(result.queries)),
                         "build_seconds": .double(result.buildSeconds), "flat_scan_seconds": .double(result.flatScanSeconds),
                         "multi_index_seconds": .double(result.multiIndexSeconds),
                         "automatic_seconds": .double(result.automaticSeconds), "hits": .int(Int64(result.hits))])
            return
        }
        Output.line(String(format: "%d hashes indexed in %.2f s; %d queries, %d hits", result.indexedHashes,
                           result.buildSeconds, result.queries, result.hits))
        Output.line(String(format: "search: flat scan %.1f ms, multi-index %.1f ms, automatic %.1f ms",
                           result.flatScanSeconds * 1000, result.multiIndexSeconds * 1000, result.automaticSeconds * 1000))
    }
}
