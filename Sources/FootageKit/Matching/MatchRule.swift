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

    /// One sample a second, PDQ's distance 31 and quality 50, three distinct images, and 40 % of the shorter clip.
    ///
    /// The share was chosen by measurement on synthetic fingerprints (`MatchRuleCalibrationTests`) — see there.
    public static let standard = MatchRule(minimumShare: 0.4)
}
