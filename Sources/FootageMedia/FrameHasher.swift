import CFFmpeg

/// PDQ-hashes decoded pictures the way the catalogue compares them: upright (display matrix applied),
/// converted to RGB24 with swscale's area filter at most 512 pixels on the long side (the size the
/// reference project hashes its images at), with one `PDQHasher` and reused buffers for a whole clip.
final class FrameHasher {
    /// The longest side hashed; nil hashes at the decoded resolution (as the reference vPDQ tool does).
    let longestSide: Int?
    private let scaler: FrameScaler
    private let scaled = FrameBuffer()
    private let rotated = FrameBuffer()
    private var hasher = PDQHasher()

    static let defaultLongestSide = 512

    /// swscale's area filter, as the reference tools use, with accurate rounding: without it swscale takes
    /// a faster path whose rounding differs, and near-flat pictures then hash up to 70 bits away from the
    /// reference vPDQ output (with it, every frame of the reference clips is within 10 bits).
    static let scalingFlags = SWS_AREA | SWS_ACCURATE_RND

    init(longestSide: Int? = defaultLongestSide, honoursColorDetails: Bool = true, flags: Int32 = scalingFlags) {
        self.longestSide = longestSide
        self.scaler = FrameScaler(flags: flags, honoursColorDetails: honoursColorDetails)
    }

    /// The size a `width`×`height` picture is hashed at (before turning it upright).
    func hashedSize(width: Int, height: Int) -> (width: Int, height: Int) {
        guard let longestSide, max(width, height) > longestSide else { return (width, height) }
        let scale = Double(longestSide) / Double(max(width, height))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }

    /// Hashes `frame` turned by `orientation`; afterwards `upright` holds the RGB pixels that were hashed.
    func hash(_ frame: FrameBuffer, orientation: DisplayOrientation) throws -> PDQResult {
        let size = hashedSize(width: frame.width, height: frame.height)
        try scaler.scale(frame, into: scaled, format: AV_PIX_FMT_RGB24, width: size.width, height: size.height)
        let picture: FrameBuffer
        if orientation.isIdentity {
            picture = scaled
        } else {
            try orientation.apply(scaled, into: rotated)
            picture = rotated
        }
        lastUpright = picture
        let (data, stride) = picture.plane(0)
        let count = (picture.height - 1) * stride + picture.width * 3
        return hasher.hash(rgb24: UnsafeBufferPointer(start: data, count: count),
                           width: picture.width, height: picture.height, rowStride: stride)
    }

    /// The upright RGB24 picture of the last `hash` call (valid until the next one).
    private(set) var lastUpright: FrameBuffer?
}
