import FootageCore
import FootageMatching
import FootageMedia

/// A measurement entry point for `Benchmarks/`: how long an exact search of one clip's fingerprint takes in a
/// large index, for each search strategy.
///
/// Timings belong in benchmarks, never in unit tests.
enum FrameHashIndexBenchmark {
    struct Result: Sendable, Equatable {
        public var indexedHashes: Int
        public var queries: Int
        public var buildSeconds: Double
        /// The best of the repetitions, per strategy.
        public var flatScanSeconds: Double
        public var multiIndexSeconds: Double
        public var automaticSeconds: Double
        /// Hits found (the same for every strategy, or the run stops).
        public var hits: Int
    }

    /// Indexes `indexSize` random hashes, then searches `queries` hashes — half of them planted near indexed ones
    /// at distances up to 31, as a matching clip's would be — `repetitions` times with each strategy.
    static func run(indexSize: Int, queries queryCount: Int, repetitions: Int = 3, seed: UInt64 = 1) -> Result {
        precondition(indexSize > 0 && queryCount > 0 && repetitions > 0, "nothing to measure")
        var generator = SplitMix64(seed: seed)
        let indexed = (0..<indexSize).map { _ in generator.nextHash() }
        let queries = (0..<queryCount).map { position -> PDQHash in
            guard position % 2 == 0 else { return PDQHash(words: generator.nextHash()) }
            var words = indexed[Int.random(in: 0..<indexSize, using: &generator)]
            for _ in 0..<Int.random(in: 0...31, using: &generator) {
                let bit = Int.random(in: 0..<256, using: &generator)
                words[bit / 64] ^= 1 << UInt64(bit % 64)
            }
            return PDQHash(words: words)
        }
        let clock = ContinuousClock()
        var index: FrameHashIndex?
        let build = clock.measure {
            index = FrameHashIndex(
                entries: indexed.enumerated().map { position, words in
                    (
                        clipID: Int64(position / 300),
                        frame: FingerprintFrame(
                            time: Double(position % 300), hash: PDQHash(words: words), quality: 100)
                    )
                })
        }
        guard let index else { preconditionFailure("the index was built above") }
        var hits: Int?
        func best(_ strategy: FrameHashIndex.Strategy) -> Double {
            var fastest = Double.infinity
            for _ in 0..<repetitions {
                var found = 0
                let elapsed = clock.measure {
                    found = index.search(queries, maximumDistance: 31, strategy: strategy).count
                }
                precondition(hits == nil || hits == found, "the strategies disagree")
                hits = found
                fastest = min(fastest, elapsed.seconds)
            }
            return fastest
        }
        return Result(
            indexedHashes: indexSize, queries: queryCount, buildSeconds: build.seconds,
            flatScanSeconds: best(.flatScan), multiIndexSeconds: best(.multiIndex), automaticSeconds: best(.automatic),
            hits: hits ?? 0)
    }
}
