import CFFmpeg

/// Scales a decoded picture and turns it upright (the stream's display matrix): the one way footage makes the pixels
/// it writes as stills, hashes as keyframes and samples for fingerprints.
///
/// Why one: the keyframe hash and the fingerprint of the same picture are compared with each other and with the
/// reference tools, so the size they are taken at, the rounding of that size and the turning must not differ by
/// path. What may differ is named where each path makes its scaler: the pixel format, the swscale filter and flags,
/// and whether the frame's colour details are honoured.
///
/// The picture is scaled before it is turned (fewer pixels to move), to the size that is `fit` once upright. Buffers
/// are reused from picture to picture.
final class UprightScaler {
    /// The upright size asked for.
    enum Fit: Sendable, Equatable {
        /// At most this many pixels on the long side, aspect kept; a smaller picture keeps its size, nil keeps every
        /// picture's size.
        case longestSide(Int?)
        /// This width, aspect kept; nil keeps the picture's size.
        case width(Int?)

        /// The fit of every picture footage PDQ-hashes (keyframe stills and fingerprint samples): the one value both
        /// paths name, so that their sizes cannot drift apart.
        static let hashing = Fit.longestSide(UprightScaler.hashingLongestSide)
    }

    /// The long side pictures are hashed at (PDQ for keyframes and fingerprints): the size the reference project
    /// hashes its images at.
    static let hashingLongestSide = 512

    let format: AVPixelFormat
    let fit: Fit
    private let scaler: FrameScaler
    private let scaled = FrameBuffer()
    private let rotated = FrameBuffer()

    init(format: AVPixelFormat, fit: Fit, flags: Int32, honoursColorDetails: Bool = true) {
        self.format = format
        self.fit = fit
        scaler = FrameScaler(flags: flags, honoursColorDetails: honoursColorDetails)
    }

    /// The upright size a `width`×`height` source picture comes out at.
    func outputSize(width: Int, height: Int, orientation: DisplayOrientation) -> (width: Int, height: Int) {
        let upright = orientation.outputSize(width: width, height: height)
        switch fit {
        case .longestSide(let longest):
            guard let longest, max(upright.width, upright.height) > longest else { return upright }
            let scale = Double(longest) / Double(max(upright.width, upright.height))
            return (
                max(1, Int((Double(upright.width) * scale).rounded())),
                max(1, Int((Double(upright.height) * scale).rounded()))
            )
        case .width(let asked):
            guard let asked, asked != upright.width, upright.width > 0 else { return upright }
            let height = Double(upright.height) * Double(asked) / Double(upright.width)
            return (asked, max(1, Int(height.rounded())))
        }
    }

    /// `frame` in `format`, scaled to fit and turned by `orientation`; valid until the next call.
    func upright(_ frame: FrameBuffer, orientation: DisplayOrientation) throws -> FrameBuffer {
        let out = outputSize(width: frame.width, height: frame.height, orientation: orientation)
        let beforeTurning = orientation.swapsSides ? (out.height, out.width) : (out.width, out.height)
        try scaler.scale(frame, into: scaled, format: format, width: beforeTurning.0, height: beforeTurning.1)
        if orientation.isIdentity { return scaled }
        try turn(scaled, by: orientation, into: rotated)
        return rotated
    }

    /// Writes `source` (RGB24, GRAY8 or an 8-bit planar YUV format) turned upright into `destination`.
    private func turn(_ source: FrameBuffer, by orientation: DisplayOrientation, into destination: FrameBuffer) throws {
        let format = source.format
        let size = orientation.outputSize(width: source.width, height: source.height)
        try destination.allocate(format: format, width: size.width, height: size.height)
        guard let descriptor = av_pix_fmt_desc_get(format) else { return }
        let packed = format == AV_PIX_FMT_RGB24 || format == AV_PIX_FMT_BGR24
        let planes = packed ? 1 : Int(av_pix_fmt_count_planes(format))
        for plane in 0..<planes {
            let isChroma = plane == 1 || plane == 2
            let shiftX = isChroma ? Int(descriptor.pointee.log2_chroma_w) : 0
            let shiftY = isChroma ? Int(descriptor.pointee.log2_chroma_h) : 0
            // Quarter turns of subsampled chroma keep 4:2:0 and 4:4:4 valid; the callers use only those.
            let width = -((-source.width) >> shiftX)
            let height = -((-source.height) >> shiftY)
            let from = source.plane(plane)
            let to = destination.plane(plane)
            orientation.apply(
                source: from.data, sourceStride: from.stride, width: width, height: height,
                bytesPerPixel: packed ? 3 : 1, destination: to.data, destinationStride: to.stride)
        }
    }
}
