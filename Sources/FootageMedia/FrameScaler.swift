import CFFmpeg

/// Owns one `SwsContext` and converts decoded pictures to the pixel format and size asked for, with the
/// source's colour range and matrix honoured (full-range "yuvj" and range-flagged frames stay full range,
/// HD frames use BT.709), as FFmpeg's `scale` filter does.
///
/// The context is rebuilt only when the source or target changes (`sws_getCachedContext`).
/// See https://ffmpeg.org/doxygen/5.1/group__libsws.html
final class FrameScaler {
    private var context: OpaquePointer?
    private let flags: Int32
    /// Whether to pass the frame's colour matrix and range to swscale. The reference vPDQ tool does not
    /// (swscale's defaults: BT.601, limited range unless the pixel format is a "yuvj" one).
    private let honoursColorDetails: Bool

    init(flags: Int32, honoursColorDetails: Bool = true) {
        self.flags = flags
        self.honoursColorDetails = honoursColorDetails
    }

    deinit {
        sws_freeContext(context)
    }

    /// Scales and converts `source` into `destination` (allocated here as `format`, `width`×`height`).
    func scale(_ source: FrameBuffer, into destination: FrameBuffer, format: AVPixelFormat, width: Int, height: Int)
        throws
    {
        let input = source.pointer
        let sourceFormat = source.format
        guard
            let updated = sws_getCachedContext(
                context, input.pointee.width, input.pointee.height, sourceFormat,
                Int32(width), Int32(height), format, flags, nil, nil, nil)
        else {
            let name = av_get_pix_fmt_name(sourceFormat).map { String(cString: $0) } ?? "unknown"
            throw MediaError(.unsupported, path: "", reason: "cannot convert pixel format \(name)")
        }
        context = updated
        if honoursColorDetails {
            let fullRange: Int32 = Self.isFullRange(input) ? 1 : 0
            let coefficients = sws_getCoefficients(Self.swsColorspace(input.pointee.colorspace, height: source.height))
            // Targets here are RGB, grey or full-range ("yuvj") YUV for JPEG, so the output is full range.
            sws_setColorspaceDetails(updated, coefficients, fullRange, coefficients, 1, 0, 1 << 16, 1 << 16)
        }
        try destination.allocate(format: format, width: width, height: height)
        let code = sws_scale_frame(updated, destination.pointer, input)
        if code < 0 {
            throw MediaError(
                .damaged, path: "", reason: "converting a \(source.width)×\(source.height) picture failed",
                ffmpegCode: code)
        }
    }

    static func isFullRange(_ frame: UnsafeMutablePointer<AVFrame>) -> Bool {
        if frame.pointee.color_range == AVCOL_RANGE_JPEG { return true }
        switch AVPixelFormat(rawValue: frame.pointee.format) {
        case AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUVJ411P:
            return true
        default:
            return false
        }
    }

    /// The swscale matrix for a frame's declared colour space; unspecified follows the usual convention
    /// (BT.709 from 720 lines up, BT.601 below).
    static func swsColorspace(_ space: AVColorSpace, height: Int) -> Int32 {
        switch space {
        case AVCOL_SPC_BT709: return SWS_CS_ITU709
        case AVCOL_SPC_FCC: return SWS_CS_FCC
        case AVCOL_SPC_SMPTE240M: return SWS_CS_SMPTE240M
        case AVCOL_SPC_BT2020_NCL, AVCOL_SPC_BT2020_CL: return SWS_CS_BT2020
        case AVCOL_SPC_BT470BG, AVCOL_SPC_SMPTE170M: return SWS_CS_ITU601
        default: return height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601
        }
    }
}
