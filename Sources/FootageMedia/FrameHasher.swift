import CFFmpeg

/// PDQ-hashes decoded pictures the way the catalogue compares them: upright (display matrix applied),
/// converted to RGB24 with swscale's area filter at most 512 pixels on the long side (`UprightScaler`, `Fit.hashing`),
/// with one `PDQHasher` and reused buffers for a whole clip: the pictures of keyframe stills as their files decode
/// (`StillHasher`), image files, and sampled video pictures (`FrameSampler`).
final class FrameHasher {
    private let scaler: UprightScaler
    private var hasher = PDQHasher()

    /// swscale's area filter, as the reference tools use, with accurate rounding: without it swscale takes
    /// a faster path whose rounding differs, and near-flat pictures then hash up to 70 bits away from the
    /// reference vPDQ output (with it, every frame of the reference clips is within 10 bits).
    static let scalingFlags = SWS_AREA | SWS_ACCURATE_RND

    /// - Parameter fit: the size hashed; `.longestSide(nil)` hashes at the decoded resolution (as the reference vPDQ
    ///   tool does).
    init(fit: UprightScaler.Fit = .hashing, honoursColorDetails: Bool = true, flags: Int32 = scalingFlags) {
        scaler = UprightScaler(
            format: AV_PIX_FMT_RGB24, fit: fit, flags: flags, honoursColorDetails: honoursColorDetails)
    }

    /// The size pictures are hashed at.
    var fit: UprightScaler.Fit { scaler.fit }

    /// Hashes `frame` turned by `orientation`; afterwards `upright` holds the RGB pixels that were hashed.
    func hash(_ frame: FrameBuffer, orientation: DisplayOrientation) throws -> PDQResult {
        let picture = try scaler.upright(frame, orientation: orientation)
        lastUpright = picture
        let (data, stride) = picture.plane(0)
        let count = (picture.height - 1) * stride + picture.width * 3
        return hasher.hash(
            rgb24: UnsafeBufferPointer(start: data, count: count),
            width: picture.width, height: picture.height, rowStride: stride)
    }

    /// The upright RGB24 picture of the last `hash` call (valid until the next one).
    private(set) var lastUpright: FrameBuffer?
}
