import FootageCore

/// Decides whether two video fingerprints share footage, and where.
///
/// Frames match when their PDQ hashes are within the rule's distance; the matched pairs vote on the time offset
/// between the clips (`OffsetVote`); the pairs consistent with the winning offset give the shares and segments.
/// When A's frames as they are do not match, A's rotated and mirrored variants are tried, so a flipped re-upload
/// is found and reported with its transform.
///
/// One answer however it is asked: the two fingerprints are always compared in one order, decided by their content
/// (`FingerprintOrder`), and the match asked the other way round is that match reversed — shares swapped, offset
/// negated, segments mirrored, transform undone — exactly, not by a second computation that could differ.
public enum ClipMatcher {
    /// How many further offsets to look for once the dominant one is found.
    static let maximumOtherAlignments = 3

    /// Nil when the clips don't share footage under the rule.
    public static func match(
        _ a: [FingerprintFrame], _ b: [FingerprintFrame], rule: MatchRule = .standard
    ) -> ClipMatch? {
        if FingerprintOrder.comesFirst(b, before: a) { return decide(b, a, rule: rule)?.reversed }
        return decide(a, b, rule: rule)
    }

    /// The match with A taken as the first clip.
    private static func decide(_ a: [FingerprintFrame], _ b: [FingerprintFrame], rule: MatchRule) -> ClipMatch? {
        let first = PreparedFingerprint(a, rule: rule)
        let second = PreparedFingerprint(b, rule: rule)
        guard first.count > 0, second.count > 0 else { return nil }
        // Pictures as they are also match through a clear edge strip when the other side carries a logo or caption.
        let originals = FrameComparison(
            a: first, b: second, aHashes: first.hashes, bHashes: second.hashes, rule: rule,
            strips: (first.strips, second.strips))
        // The original is preferred whenever it matches: a symmetrical scene also matches its own mirror image.
        // A crop is preferred only when it explains more frames: on footage that zooms in, a cropped copy also
        // matches the whole original a moment later, at the wrong offset and with fewer frames.
        if let match = bestOf(match(originals, transform: nil), crops(first, second, rule)) { return match }

        var candidates: [ClipMatch] = []
        if first.hasVariants {
            for transform in DihedralTransform.allCases {
                // A mirror image with a logo or caption on either side: A's mirrored strips against B's strips.
                let comparison = FrameComparison(
                    a: first, b: second, aHashes: first.variants[transform.rawValue], bHashes: second.hashes,
                    rule: rule, strips: transform == .flipY ? (first.mirroredStrips, second.strips) : nil)
                if let match = match(comparison, transform: transform.transform) { candidates.append(match) }
            }
        } else if second.hasVariants {
            // B's variant matching A's original means B is A under the inverse transform.
            for transform in DihedralTransform.allCases {
                let comparison = FrameComparison(
                    a: first, b: second, aHashes: first.hashes, bHashes: second.variants[transform.rawValue],
                    rule: rule, strips: transform == .flipY ? (first.strips, second.mirroredStrips) : nil)
                if let match = match(comparison, transform: transform.transform.inverse) { candidates.append(match) }
            }
        }
        return candidates.max { ($0.matchedFrames, -$0.meanDistance) < ($1.matchedFrames, -$1.meanDistance) }
    }

    /// B as A's middle (`cropped`: A's centre hashes against B's whole pictures), and A as B's middle (`widened`).
    private static func crops(_ first: PreparedFingerprint, _ second: PreparedFingerprint, _ rule: MatchRule)
        -> [ClipMatch]
    {
        var found: [ClipMatch] = []
        if first.hasCentres {
            let comparison = FrameComparison(
                a: first, b: second, aHashes: first.centres, bHashes: second.hashes,
                rule: rule)
            if let match = match(comparison, transform: .cropped) { found.append(match) }
        }
        if second.hasCentres {
            let comparison = FrameComparison(
                a: first, b: second, aHashes: first.hashes, bHashes: second.centres,
                rule: rule)
            if let match = match(comparison, transform: .widened) { found.append(match) }
        }
        return found
    }

    /// The original match unless a crop matches strictly more frames (then the crop with most frames).
    private static func bestOf(_ original: ClipMatch?, _ crops: [ClipMatch]) -> ClipMatch? {
        let crop = crops.max { ($0.matchedFrames, -$0.meanDistance) < ($1.matchedFrames, -$1.meanDistance) }
        guard let crop else { return original }
        guard let original else { return crop }
        return crop.matchedFrames > original.matchedFrames ? crop : original
    }

    private static func match(_ comparison: FrameComparison, transform: MatchTransform?) -> ClipMatch? {
        guard let offset = comparison.winningOffset() else { return nil }
        let alignment = FrameAlignment(comparison, offset: offset, excluding: .init())
        guard accepts(alignment, comparison) else { return nil }
        let a = comparison.a
        let b = comparison.b
        return ClipMatch(
            shareOfA: Double(alignment.matchedFramesOfA.count) / Double(a.count),
            shareOfB: Double(alignment.matchedFramesOfB.count) / Double(b.count),
            offset: offset,
            segments: alignment.segments(comparison),
            matchedFrames: alignment.matchedFramesOfA.count,
            transform: transform,
            meanDistance: alignment.meanDistance,
            otherAlignments: otherAlignments(comparison, after: alignment))
    }

    /// The rule's test on distinct images: enough of them on both sides, and a large enough share of the side
    /// with fewer (the shorter clip, counted in what it shows rather than in how long it holds each shot) — or so
    /// many (`rule.imagesAlone`) that no share is needed: fast footage sampled four times a second shows a new
    /// image at nearly every sample, and a lower-quality release of it matches a third of them or fewer.
    ///
    /// A side that shows fewer distinct images than the rule asks for — a clip of two seconds, a single static
    /// shot, a test card — can still match, when everything it shows is found, as a close copy: every one of its
    /// images, at least `rule.minimumShortShare` of its frames and at least two of them, at a mean distance of at
    /// most `rule.closeDistance`. Without this every clip under about three seconds was unmatchable.
    static func accepts(_ alignment: FrameAlignment, _ comparison: FrameComparison) -> Bool {
        let rule = comparison.rule
        let matchedImages = min(alignment.matchedImagesOfA, alignment.matchedImagesOfB)
        if matchedImages >= rule.imagesAlone { return true }
        guard shareOfShorter(alignment, comparison) >= rule.minimumShare else { return false }
        if matchedImages >= max(rule.minimumFrames, 1) { return true }
        let aIsShorter = comparison.a.imageCount <= comparison.b.imageCount
        let shorter = aIsShorter ? comparison.a : comparison.b
        guard matchedImages >= 1, shorter.imageCount < rule.minimumFrames, matchedImages >= shorter.imageCount
        else { return false }
        let matchedFrames = aIsShorter ? alignment.matchedFramesOfA.count : alignment.matchedFramesOfB.count
        return matchedFrames >= 2 && Double(matchedFrames) >= rule.minimumShortShare * Double(shorter.count)
            && alignment.meanDistance <= Double(rule.closeDistance)
    }

    /// The share of the distinct images of the side with fewer of them that match at the alignment's offset.
    static func shareOfShorter(_ alignment: FrameAlignment, _ comparison: FrameComparison) -> Double {
        comparison.a.imageCount <= comparison.b.imageCount
            ? Double(alignment.matchedImagesOfA) / Double(comparison.a.imageCount)
            : Double(alignment.matchedImagesOfB) / Double(comparison.b.imageCount)
    }

    /// Further offsets at which enough distinct images agree, once the pairs already explained are set aside.
    private static func otherAlignments(_ comparison: FrameComparison, after dominant: FrameAlignment)
        -> [MatchAlignment]
    {
        var exclusion = FrameComparison.Exclusion()
        var found: [MatchAlignment] = []
        var latest = dominant
        while found.count < maximumOtherAlignments {
            exclusion.framesOfA.formUnion(latest.matchedFramesOfA.map(\.frameOfA))
            exclusion.framesOfB.formUnion(latest.matchedFramesOfB)
            exclusion.offsets.append(latest.offset)
            guard let offset = comparison.winningOffset(excluding: exclusion) else { break }
            let alignment = FrameAlignment(comparison, offset: offset, excluding: exclusion)
            guard min(alignment.matchedImagesOfA, alignment.matchedImagesOfB) >= max(comparison.rule.minimumFrames, 1)
            else { break }
            found.append(
                MatchAlignment(
                    offset: offset, segments: alignment.segments(comparison),
                    matchedFrames: alignment.matchedFramesOfA.count))
            latest = alignment
        }
        return found
    }
}
