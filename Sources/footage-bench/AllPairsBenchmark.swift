import FootageCore
import FootageMatching
import FootageMedia
import Foundation

/// A measurement entry point for `Benchmarks/`: every pair of many clips' fingerprints searched at once, as
/// `footage match` with no clip does over a catalogue, on generated fingerprints.
///
/// The fingerprints are shaped like real ones at four samples a second: shots of two to six seconds whose samples
/// differ from the shot's first picture by a few bits, every sample with seven variants, a centre and four strips
/// (unrelated to anything, the worst case for the index: nothing to share a bucket with but chance). Some clips are
/// planted as damaged copies of others at a random offset, so the run also says whether it found them.
enum AllPairsBenchmark {
    struct Result: Sendable {
        var clips: Int
        var frames: Int
        var indexedHashes: Int
        var buildSeconds: Double
        var candidateSeconds: Double
        var confirmSeconds: Double
        var candidatePairs: Int
        var foundPairs: Int
        var plantedPairs: Int
        var plantedFound: Int
    }

    static func run(clips clipCount: Int, seconds: Double, copies: Double, seed: UInt64 = 3) -> Result {
        var generator = SplitMix64(seed: seed)
        let rate = 4.0
        var clips: [[FingerprintFrame]] = []
        var planted: [(Int, Int)] = []
        for index in 0..<clipCount {
            if index > 0, Double.random(in: 0..<1, using: &generator) < copies {
                let source = Int.random(in: 0..<index, using: &generator)
                clips.append(copy(of: clips[source], using: &generator))
                planted.append((source, index))
            } else {
                clips.append(fresh(seconds: seconds, rate: rate, using: &generator))
            }
        }
        let clock = ContinuousClock()
        var index: FrameHashIndex?
        let build = clock.measure {
            index = FrameHashIndex(clips: clips.enumerated().map { (clipID: Int64($0.offset), frames: $0.element) })
        }
        guard let index else { preconditionFailure("the index was built above") }
        var rule = MatchRule.standard
        rule.samplingInterval = 1 / rate
        var pairs: [(Int, Int)] = []
        let search = clock.measure {
            let indexed = clips.enumerated().map { (clipID: Int64($0.offset), frames: $0.element) }
            pairs = index.candidatePairs(clips: indexed, rule: rule).map { (Int($0.a), Int($0.b)) }
        }
        var found: [Bool] = []
        let confirm = clock.measure {
            let clips = clips
            let pairs = pairs
            let rule = rule
            found = Parallel.map(pairs.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { position in
                ClipMatcher.match(clips[pairs[position].0], clips[pairs[position].1], rule: rule) != nil
            }
        }
        let foundPairs = Set(zip(pairs, found).filter(\.1).map { "\($0.0.0)-\($0.0.1)" })
        return Result(
            clips: clipCount, frames: clips.map(\.count).reduce(0, +), indexedHashes: index.count,
            buildSeconds: build.seconds, candidateSeconds: search.seconds, confirmSeconds: confirm.seconds,
            candidatePairs: pairs.count, foundPairs: foundPairs.count, plantedPairs: planted.count,
            plantedFound: planted.filter { foundPairs.contains("\(min($0.0, $0.1))-\(max($0.0, $0.1))") }.count)
    }

    private static func fresh(seconds: Double, rate: Double, using generator: inout SplitMix64) -> [FingerprintFrame] {
        var frames: [FingerprintFrame] = []
        var shot = generator.nextHash()
        var shotLeft = 0
        for sample in 0..<Int(seconds * rate) {
            if shotLeft == 0 {
                shot = generator.nextHash()
                shotLeft = Int.random(in: 8...24, using: &generator)
            }
            shotLeft -= 1
            frames.append(
                FingerprintFrame(
                    time: Double(sample) / rate, hash: PDQHash(words: damaged(shot, bits: 6, using: &generator)),
                    quality: 90, variants: (0..<7).map { _ in PDQHash(words: generator.nextHash()) },
                    centre: PDQHash(words: damaged(shot, bits: 20, using: &generator)),
                    strips: (0..<4).map { _ in StripHash(hash: PDQHash(words: generator.nextHash()), quality: 70) }))
        }
        return frames
    }

    /// A re-encoded excerpt: a random stretch of the source, every hash up to 16 bits off, re-timed from zero.
    private static func copy(of source: [FingerprintFrame], using generator: inout SplitMix64) -> [FingerprintFrame] {
        let start = Int.random(in: 0..<max(1, source.count / 3), using: &generator)
        let first = source[start].time
        return source[start...].map { frame in
            var copy = frame
            copy.time -= first
            copy.hash = PDQHash(words: damaged(frame.hash.words, bits: 16, using: &generator))
            return copy
        }
    }

    private static func damaged(_ words: SIMD4<UInt64>, bits: Int, using generator: inout SplitMix64)
        -> SIMD4<UInt64>
    {
        var words = words
        for _ in 0..<Int.random(in: 0...bits, using: &generator) {
            let bit = Int.random(in: 0..<256, using: &generator)
            words[bit / 64] ^= 1 << UInt64(bit % 64)
        }
        return words
    }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
