import FootageCore
import FootageMatching
import Foundation

/// Two clips that share footage: how much of each, at what offset (B's time ≈ A's time + offset), the matched
/// segments and the overlap at the offset. The rows of `match` and `show`'s `shares_footage_with` are this with
/// the clips named.
public struct MatchRow: Encodable, Sendable {
    /// A stretch of A and the same footage in B.
    public struct Segment: Encodable, Sendable {
        public var aStart: Double
        public var aEnd: Double
        public var bStart: Double
        public var bEnd: Double

        public init(_ segment: MatchSegment) {
            aStart = segment.aStart
            aEnd = segment.aEnd
            bStart = segment.bStart
            bEnd = segment.bEnd
        }

        enum CodingKeys: String, CodingKey {
            case aStart = "a_start"
            case aEnd = "a_end"
            case bStart = "b_start"
            case bEnd = "b_end"
        }
    }

    /// Footage shared at another offset too (a scene the release repeats).
    public struct Alignment: Encodable, Sendable {
        public var offset: Double
        public var segments: [Segment]
    }

    public var matched = true
    public var shareA: Double
    public var shareB: Double
    public var offset: Double
    /// How B was turned or cropped from A (`flipY`, `rot90`, `cropped`, …); absent when B is A as it is.
    public var transform: MatchTransform?
    public var segments: [Segment]
    public var matchedFrames: Int
    public var meanDistance: Double
    public var otherAlignments: [Alignment]
    /// Where the clips overlap at the offset; absent when a duration is unknown.
    public var overlap: Segment?

    public init(_ match: ClipMatch, overlap: MatchSegment?) {
        shareA = match.shareOfA
        shareB = match.shareOfB
        offset = match.offset
        transform = match.transform
        segments = match.segments.map(Segment.init)
        matchedFrames = match.matchedFrames
        meanDistance = match.meanDistance
        otherAlignments = match.otherAlignments.map {
            Alignment(offset: $0.offset, segments: $0.segments.map(Segment.init))
        }
        self.overlap = overlap.map(Segment.init)
    }

    enum CodingKeys: String, CodingKey {
        case matched, offset, transform, segments, overlap
        case shareA = "share_a"
        case shareB = "share_b"
        case matchedFrames = "matched_frames"
        case meanDistance = "mean_distance"
        case otherAlignments = "other_alignments"
    }
}
