/// When two fingerprints count as the same footage.
///
/// The frame-level thresholds are the PDQ/vPDQ conventions; the clip-level ones decide how much of the shorter
/// clip must be found in the other, at one consistent time offset.
public struct MatchRule: Sendable, Equatable {
    /// Frames below this PDQ quality are ignored: flat or nearly flat images (black frames, fades, sky) have
    /// hashes that are mostly noise. 50 is the reference's advice.
    public var minimumQuality = 50
    /// The largest Hamming distance at which two frame hashes show the same image. 31 is the PDQ standard.
    public var maximumDistance = 31
    /// Clips match when at least this share of the shorter side's distinct images has a match in the other clip
    /// at the winning offset.
    public var minimumShare: Double
    /// And when at least this many distinct images match on both sides, so that a single coincidence, or one
    /// title card shown for many seconds, is never enough.
    public var minimumFrames: Int
    /// Seconds between samples: the width of the offset bins (half of it) and the largest gap (twice it)
    /// inside one matching segment.
    public var samplingInterval: Double
    /// For a side with fewer distinct images than `minimumFrames` (a short or static clip): the share of its frames
    /// that must match, and the largest mean distance of a match, for it to count as a close copy.
    public var minimumShortShare = 0.8
    public var closeDistance = 20
    /// How close every edge strip of two pictures must be for their whole pictures' distance to count
    /// (`FrameComparison.distance`): looser than the match distance, since a low-bitrate copy's strips drift as far as
    /// its whole pictures, and far from the 100 bits or more of unrelated strips.
    public var corroborationDistance = 50
    /// Distinct images matched on both sides at one offset that make a match whatever share of the clips they are.
    public var imagesAlone = 8
    /// The largest distance at which one edge strip alone makes two pictures match (`FrameComparison.distance`).
    public var stripDistance = 24

    /// The fewest frames matched on each side with which a match can be accepted (`ClipMatcher.accepts`): what the
    /// search index asks of a candidate, so that it never leaves out a pair the matcher would accept.
    public var candidateFrames: Int { max(1, min(minimumFrames, 2)) }

    public init(
        minimumQuality: Int = 50, maximumDistance: Int = 31, minimumShare: Double, minimumFrames: Int = 3,
        samplingInterval: Double = 1
    ) {
        precondition(samplingInterval > 0, "the sampling interval must be positive")
        self.minimumQuality = minimumQuality
        self.maximumDistance = maximumDistance
        self.minimumShare = minimumShare
        self.minimumFrames = minimumFrames
        self.samplingInterval = samplingInterval
    }

    /// One sample a second, PDQ's distance 31 and quality 50, at least three distinct images, and 30 % of the
    /// shorter clip's distinct images at one offset.
    ///
    /// The share was chosen by measurement on synthetic fingerprints (`MatchRuleCalibrationTests`): excerpts of
    /// 20–60 s from 60–180 s sources, each frame damaged by a mixture of re-encoding (5–25 bits), harder damage
    /// (26–45 bits) and lost frames (60–128 bits), sampled half a second out of phase. Lowest shares over 200
    /// trials: 0.79 for a plain re-encode, 0.35 with a logo and a crop; with fast motion sampled out of phase,
    /// 8 % fall below 0.3 (the lowest 0.18). Unrelated clips that both show a few generic images (a title card,
    /// sky) plus the odd similar-looking frame reached at most 0.11 over 500 trials and 0.19 over 1,000, once
    /// three distinct images are required. 0.3 keeps every re-encode and every logo-and-crop copy, with a margin
    /// of 0.1 over the worst unrelated pair. The reference vPDQ example's 80 % would have missed every copy with a
    /// logo and a crop: it counts frames that the damage removes. Retune on real clips; it is a plain value.
    public static let standard = MatchRule(minimumShare: 0.3)
}
