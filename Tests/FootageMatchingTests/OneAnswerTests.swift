import FootageCore
import FootageMedia
import Testing

@testable import FootageMatching

/// The matcher gives one answer for a pair whichever clip is asked about, overlays are seen through a clear edge strip,
/// a logo two unrelated clips share is not a match, and short or still clips can match.
struct OneAnswerTests {
    /// Frames with edge strips: each strip a hash of its own (about 128 bits from any other), as real strips are.
    static func withStrips(_ frames: [FingerprintFrame], fixtures: inout MatchFixtures) -> [FingerprintFrame] {
        frames.map { frame in
            var frame = frame
            frame.strips = (0..<4).map { _ in StripHash(hash: fixtures.randomHash(), quality: 90) }
            return frame
        }
    }

    /// A copy of `source[range]` re-encoded, with each strip carried over with a little noise, unless `covered`
    /// (an overlay over the whole picture and those strips: their hashes are unrelated, as is the whole's).
    static func copy(
        _ source: [FingerprintFrame], _ range: Range<Int>, start: Double, covered: Set<Int> = [],
        fixtures: inout MatchFixtures
    ) -> [FingerprintFrame] {
        range.enumerated().map { position, k in
            let frame = source[k]
            let overlaid = !covered.isEmpty
            return FingerprintFrame(
                time: start + Double(position),
                hash: overlaid ? fixtures.randomHash() : fixtures.flipping(6, bitsOf: frame.hash),
                quality: frame.quality, variants: (0..<7).map { _ in fixtures.randomHash() },
                strips: frame.strips.enumerated().map { strip, hash in
                    StripHash(
                        hash: covered.contains(strip) ? fixtures.randomHash() : fixtures.flipping(4, bitsOf: hash.hash),
                        quality: hash.quality)
                })
        }
    }

    @Test func everyPairGivesTheSameAnswerEitherWayRound() throws {
        var fixtures = MatchFixtures(seed: 31)
        let first = Self.withStrips(fixtures.source(60), fixtures: &fixtures)
        let second = Self.withStrips(fixtures.source(40), fixtures: &fixtures)
        let clips = [
            first, second,
            Self.copy(first, 7..<37, start: 0, fixtures: &fixtures),
            Self.copy(first, 20..<60, start: 3, fixtures: &fixtures),
            Self.copy(first, 10..<30, start: 0, covered: [1, 2], fixtures: &fixtures),
            Self.copy(second, 5..<25, start: 0, fixtures: &fixtures),
            Self.copy(second, 0..<3, start: 0, fixtures: &fixtures),
        ]
        var matched = 0
        for (i, a) in clips.enumerated() {
            for (j, b) in clips.enumerated() where i < j {
                let forward = ClipMatcher.match(a, b)
                let backward = ClipMatcher.match(b, a)
                #expect((forward == nil) == (backward == nil), "clips \(i) and \(j)")
                guard let forward, let backward else { continue }
                matched += 1
                // Exactly: the same numbers, not numbers within a tolerance.
                #expect(forward == backward.reversed, "clips \(i) and \(j)")
                #expect(forward.offset == -backward.offset)
                #expect(forward.shareOfA == backward.shareOfB && forward.shareOfB == backward.shareOfA)
            }
        }
        #expect(matched >= 8, "the copies of one source match it and each other")
    }

    @Test func aCopyWithAnOverlayIsFoundThroughAClearStrip() throws {
        var fixtures = MatchFixtures(seed: 32)
        let source = Self.withStrips(fixtures.source(40), fixtures: &fixtures)
        // A logo in the top right: the whole picture, the top and the right strips are unlike the original's.
        let overlaid = Self.copy(source, 5..<35, start: 0, covered: [1, 2], fixtures: &fixtures)
        let match = try #require(ClipMatcher.match(source, overlaid))
        #expect(abs(match.offset + 5) < 0.01)
        #expect(match.transform == nil)
        // Without strips the same copy is not found.
        let bare = overlaid.map { frame in
            var frame = frame
            frame.strips = []
            return frame
        }
        #expect(ClipMatcher.match(source, bare) == nil)
    }

    @Test func twoUnrelatedClipsCarryingTheSameLogoDoNotMatch() {
        var fixtures = MatchFixtures(seed: 33)
        let logo = fixtures.randomHash()
        // Unrelated footage; the same logo fills the top strip of both, so those strips are a few bits apart at
        // every offset, and the whole pictures, dominated by it too, come within the match distance.
        func carryingLogo(_ count: Int) -> [FingerprintFrame] {
            let whole = fixtures.randomHash()
            return (0..<count).map { k in
                FingerprintFrame(
                    time: Double(k), hash: fixtures.flipping(20, bitsOf: whole), quality: 90,
                    variants: (0..<7).map { _ in fixtures.randomHash() },
                    strips: [
                        StripHash(hash: fixtures.randomHash(), quality: 90),
                        StripHash(hash: fixtures.randomHash(), quality: 90),
                        StripHash(hash: fixtures.flipping(26, bitsOf: logo), quality: 90),
                        StripHash(hash: fixtures.randomHash(), quality: 90),
                    ])
            }
        }
        #expect(ClipMatcher.match(carryingLogo(30), carryingLogo(25)) == nil)
    }

    @Test func aShortExcerptOfTwoSamplesIsFound() throws {
        var fixtures = MatchFixtures(seed: 34)
        let source = Self.withStrips(fixtures.source(30), fixtures: &fixtures)
        let excerpt = Self.copy(source, 12..<14, start: 0, fixtures: &fixtures)
        let match = try #require(ClipMatcher.match(source, excerpt))
        #expect(abs(match.offset + 12) < 0.01)
        // One sample is never enough.
        #expect(ClipMatcher.match(source, Array(excerpt.prefix(1))) == nil)
    }
}
