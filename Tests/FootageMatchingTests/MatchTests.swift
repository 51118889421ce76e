import FootageMedia
import Testing

@testable import FootageMatching

@Suite struct MatchTests {
    @Test func anExcerptMatchesItsSourceAtItsOffset() throws {
        var fixtures = MatchFixtures(seed: 1)
        let source = fixtures.source(60)
        let excerpt = fixtures.excerpt(source, 8..<38)
        let match = try #require(ClipMatcher.match(excerpt, source))
        #expect(abs(match.offset - 8) <= 0.5)
        #expect(match.transform == nil)
        #expect(match.shareOfA == 1)
        #expect(abs(match.shareOfB - 30.0 / 60) < 1e-9)
        #expect(match.matchedFrames == 30)
        #expect(match.meanDistance <= 12)
        #expect(
            match.segments.count == 1
                && match.segments[0].isClose(to: MatchSegment(aStart: 0, aEnd: 29, bStart: 8, bEnd: 37)))

        let reverse = try #require(ClipMatcher.match(source, excerpt))
        #expect(abs(reverse.offset + 8) <= 0.5)
        #expect(
            reverse.segments.count == 1
                && reverse.segments[0].isClose(to: MatchSegment(aStart: 8, aEnd: 37, bStart: 0, bEnd: 29)))
        #expect(abs(reverse.shareOfA - 0.5) < 1e-9)
    }

    @Test func clipsSampledAtDifferentPhasesStillMatch() throws {
        var fixtures = MatchFixtures(seed: 2)
        let source = fixtures.source(60)
        let excerpt = fixtures.excerpt(source, 8..<38, start: 0.5)
        let match = try #require(ClipMatcher.match(source, excerpt))
        // Each B frame sits half a second after its source frame's excerpt time: b = a − 8 + 0.5.
        #expect(abs(match.offset - -7.5) <= 0.5)
        #expect(match.matchedFrames == 30)
    }

    @Test func unrelatedClipsDoNotMatch() {
        var fixtures = MatchFixtures(seed: 3)
        for _ in 0..<20 {
            #expect(ClipMatcher.match(fixtures.source(40), fixtures.source(60)) == nil)
        }
    }

    @Test func aTitleCardHeldInBothUnrelatedClipsIsNotAMatch() {
        var fixtures = MatchFixtures(seed: 4)
        let card = fixtures.randomHash()
        func clip(_ fixtures: inout MatchFixtures, cardAt start: Int) -> [FingerprintFrame] {
            var frames = fixtures.source(30)
            for k in start..<start + 12 {
                frames[k].hash = fixtures.flipping(Int.random(in: 0...6, using: &fixtures.generator), bitsOf: card)
            }
            return frames
        }
        let a = clip(&fixtures, cardAt: 0)
        let b = clip(&fixtures, cardAt: 15)
        #expect(ClipMatcher.match(a, b) == nil)
        // Even with a rule that would take 40 % of frames, twelve seconds of one card are one image.
        #expect(ClipMatcher.match(a, b, rule: MatchRule(minimumShare: 0.05, minimumFrames: 2)) == nil)
    }

    @Test func aTitleCardDoesNotShiftTheOffsetOfRealSharedFootage() throws {
        var fixtures = MatchFixtures(seed: 5)
        let card = fixtures.randomHash()
        var source = fixtures.source(60)
        var excerpt = fixtures.excerpt(source, 20..<45)
        // Both open with the same card for ten seconds, at different places relative to the shared footage.
        for k in 0..<10 { source[k].hash = card }
        for k in 0..<10 { excerpt.append(FingerprintFrame(time: 25 + Double(k), hash: card, quality: 90)) }
        let match = try #require(ClipMatcher.match(excerpt, source))
        #expect(abs(match.offset - 20) <= 0.5)
        #expect(match.segments.first == MatchSegment(aStart: 0, aEnd: 24, bStart: 20, bEnd: 44))
    }

    @Test func aMirroredCopyIsFoundThroughTheVariantsAndNamed() throws {
        var fixtures = MatchFixtures(seed: 6)
        let a = fixtures.source(40)
        let flipX = DihedralTransform.flipX.rawValue
        let b = a[5..<35].enumerated().map { position, frame in
            FingerprintFrame(
                time: Double(position), hash: fixtures.flipping(8, bitsOf: frame.variants[flipX]), quality: 80)
        }
        let match = try #require(ClipMatcher.match(a, b))
        #expect(match.transform == .flipX)
        #expect(abs(match.offset - -5) <= 0.5)
        #expect(match.matchedFrames == 30)

        // Only B carries variants: B's rot90 matching A means B shows A turned the other way, by rot270.
        let b2 = a.map { frame in
            var variants = (0..<7).map { _ in fixtures.randomHash() }
            variants[DihedralTransform.rot90.rawValue] = fixtures.flipping(4, bitsOf: frame.hash)
            return FingerprintFrame(time: frame.time, hash: fixtures.randomHash(), quality: 80, variants: variants)
        }
        let plain = a.map { FingerprintFrame(time: $0.time, hash: $0.hash, quality: $0.quality) }
        let viaB = try #require(ClipMatcher.match(plain, b2))
        #expect(viaB.transform == .rot270)
    }

    @Test func theOriginalIsPreferredWhenAVariantAlsoMatches() throws {
        var fixtures = MatchFixtures(seed: 7)
        var a = fixtures.source(30)
        // A symmetrical scene: its mirror image hashes like itself.
        for k in a.indices { a[k].variants[DihedralTransform.flipY.rawValue] = a[k].hash }
        let b = fixtures.excerpt(a, 0..<30)
        #expect(try #require(ClipMatcher.match(a, b)).transform == nil)
    }

    @Test func lowQualityFramesAreIgnored() throws {
        var fixtures = MatchFixtures(seed: 8)
        var source = fixtures.source(40)
        var excerpt = fixtures.excerpt(source, 0..<40)
        // Fades to black: flat frames, whose hashes would otherwise be noise in both clips.
        for k in 10..<20 {
            source[k].quality = 10
            excerpt[k].quality = 10
            excerpt[k].hash = fixtures.randomHash()
        }
        let match = try #require(ClipMatcher.match(source, excerpt))
        #expect(match.shareOfA == 1)
        #expect(match.shareOfB == 1)
        #expect(match.matchedFrames == 30)
        #expect(
            match.segments == [
                MatchSegment(aStart: 0, aEnd: 9, bStart: 0, bEnd: 9),
                MatchSegment(aStart: 20, aEnd: 39, bStart: 20, bEnd: 39),
            ])
    }

    @Test func tooLittleUsableFootageGivesNoMatch() {
        var fixtures = MatchFixtures(seed: 9)
        let source = fixtures.source(30)
        #expect(ClipMatcher.match([], source) == nil)
        #expect(ClipMatcher.match(source, []) == nil)
        // One sample is too little; two of a still or short clip can be a close copy (see OneAnswerTests).
        #expect(ClipMatcher.match(Array(source.prefix(1)), source) == nil)
        let dark = source.map { FingerprintFrame(time: $0.time, hash: $0.hash, quality: 20) }
        #expect(ClipMatcher.match(dark, source) == nil)
    }

    @Test func anEditedCompilationReportsItsOtherOffsets() throws {
        var fixtures = MatchFixtures(seed: 10)
        let source = fixtures.source(80)
        // Two shots of the source cut together in reverse order: 50…69, then 10…24.
        var compilation = fixtures.excerpt(source, 50..<70)
        compilation += fixtures.excerpt(source, 10..<25, start: 20)
        let match = try #require(ClipMatcher.match(compilation, source))
        #expect(abs(match.offset - 50) <= 0.5)
        #expect(
            match.segments.count == 1
                && match.segments[0].isClose(to: MatchSegment(aStart: 0, aEnd: 19, bStart: 50, bEnd: 69)))
        let other = try #require(match.otherAlignments.first)
        #expect(abs(other.offset - -10) <= 0.5)
        #expect(
            other.segments.count == 1
                && other.segments[0].isClose(to: MatchSegment(aStart: 20, aEnd: 34, bStart: 10, bEnd: 24)))
        #expect(match.otherAlignments.count == 1)
    }
}

extension MatchSegment {
    /// Within 0.05 s at each end: offsets are refined between samples, so the ends move by a fraction of a second.
    func isClose(to other: MatchSegment) -> Bool {
        abs(aStart - other.aStart) <= 0.05 && abs(aEnd - other.aEnd) <= 0.05 && abs(bStart - other.bStart) <= 0.05
            && abs(bEnd - other.bEnd) <= 0.05
    }
}
