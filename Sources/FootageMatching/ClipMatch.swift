import FootageCore

/// Two clips that share footage: how much of each, at which time offset, and where.
public struct ClipMatch: Sendable, Equatable {
    /// The share of A's usable frames (quality at least the rule's minimum) that have a match in B at the offset.
    public var shareOfA: Double
    /// The share of B's usable frames that have a match in A at the offset.
    public var shareOfB: Double
    /// Seconds to add to a time in A to find the same footage in B: `b.time ≈ a.time + offset`.
    public var offset: Double
    /// The runs of matching footage at that offset, in A's time order.
    public var segments: [MatchSegment]
    /// The number of A's frames with a match at the offset.
    public var matchedFrames: Int
    /// Nil when the frames match as they are; otherwise the rotation or mirroring of A that B shows, or the crop.
    public var transform: MatchTransform?
    /// The mean Hamming distance between each matched A frame and its closest match in B.
    public var meanDistance: Double
    /// Footage that B shows at other offsets once the dominant one is taken out, as in an edited compilation that
    /// reorders or repeats shots; strongest first, empty when there is none.
    public var otherAlignments: [MatchAlignment]

    public init(
        shareOfA: Double, shareOfB: Double, offset: Double, segments: [MatchSegment], matchedFrames: Int,
        transform: MatchTransform?, meanDistance: Double, otherAlignments: [MatchAlignment] = []
    ) {
        self.shareOfA = shareOfA
        self.shareOfB = shareOfB
        self.offset = offset
        self.segments = segments
        self.matchedFrames = matchedFrames
        self.transform = transform
        self.meanDistance = meanDistance
        self.otherAlignments = otherAlignments
    }
}

/// Footage shared at one time offset besides the dominant one of a `ClipMatch`.
public struct MatchAlignment: Sendable, Equatable {
    /// `b.time ≈ a.time + offset` for these segments.
    public var offset: Double
    public var segments: [MatchSegment]
    /// The number of A's frames with a match at this offset.
    public var matchedFrames: Int

    public init(offset: Double, segments: [MatchSegment], matchedFrames: Int) {
        self.offset = offset
        self.segments = segments
        self.matchedFrames = matchedFrames
    }
}

extension ClipMatch {
    /// The same match seen from B: shares swapped, offset negated, segments mirrored, the transform undone.
    public var reversed: ClipMatch {
        ClipMatch(
            shareOfA: shareOfB, shareOfB: shareOfA, offset: -offset, segments: segments.map(\.reversed),
            matchedFrames: matchedFrames, transform: transform?.inverse, meanDistance: meanDistance,
            otherAlignments: otherAlignments.map {
                MatchAlignment(
                    offset: -$0.offset, segments: $0.segments.map(\.reversed), matchedFrames: $0.matchedFrames)
            })
    }
}
