import FootageCore
import FootageMedia

@testable import FootageMatching

/// Synthetic fingerprints: random hashes stand in for frames of unrelated content (about 128 bits apart, as
/// unrelated PDQ hashes are), and bit flips stand in for re-encoding.
struct MatchFixtures {
    var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func randomHash() -> PDQHash { PDQHash(words: generator.nextHash()) }

    /// `hash` with `count` distinct bits flipped.
    mutating func flipping(_ count: Int, bitsOf hash: PDQHash) -> PDQHash {
        var words = hash.words
        var bits = Array(0..<256)
        for k in 0..<count {
            let pick = Int.random(in: k..<256, using: &generator)
            bits.swapAt(k, pick)
            words[bits[k] / 64] ^= 1 << UInt64(bits[k] % 64)
        }
        return PDQHash(words: words)
    }

    /// `count` unrelated frames at one per second from `start`, each with random variants.
    mutating func source(_ count: Int, start: Double = 0, quality: Int = 90) -> [FingerprintFrame] {
        (0..<count).map { k in
            FingerprintFrame(
                time: start + Double(k), hash: randomHash(), quality: quality,
                variants: (0..<7).map { _ in randomHash() })
        }
    }

    /// The frames of `source` in `range`, re-timed from `start`, each hash re-encoded with up to `noise` bit flips.
    mutating func excerpt(
        _ source: [FingerprintFrame], _ range: Range<Int>, start: Double = 0, noise: ClosedRange<Int> = 0...12
    ) -> [FingerprintFrame] {
        range.enumerated().map { position, k in
            FingerprintFrame(
                time: start + Double(position),
                hash: flipping(Int.random(in: noise, using: &generator), bitsOf: source[k].hash),
                quality: source[k].quality, variants: [])
        }
    }
}
