import CFFmpeg

/// Owns an `AVCodecContext` that decodes one video stream, opened with the module's limits.
///
/// See https://ffmpeg.org/doxygen/5.1/group__lavc__decoding.html (`avcodec_send_packet`,
/// `avcodec_receive_frame`) and https://ffmpeg.org/ffmpeg-codecs.html#Codec-Options (`max_pixels`,
/// `skip_frame`).
final class VideoDecoder {
    private(set) var context: UnsafeMutablePointer<AVCodecContext>
    let path: String

    /// The largest picture a decoder may allocate; larger declared sizes are refused before decoding.
    static let maxPixels: Int64 = 16384 * 16384
    /// The longest side accepted; FFmpeg's own limit for most codecs is of this order too.
    static let maxSide = 16384

    /// Opens a decoder for `stream`.
    /// - Parameters:
    ///   - threads: decoder threads, 0 for FFmpeg's automatic choice. Keyframe-only decoding gains nothing
    ///     from frame threads (each frame waits for the next packet) and they only add latency.
    ///   - keyframesOnly: `skip_frame = AVDISCARD_NONKEY`, as `ffmpeg -skip_frame nokey`.
    init(stream: UnsafeMutablePointer<AVStream>, path: String, threads: Int32, keyframesOnly: Bool) throws {
        self.path = path
        let parameters = stream.pointee.codecpar!
        let width = Int(parameters.pointee.width)
        let height = Int(parameters.pointee.height)
        if width < 0 || height < 0 || width > Self.maxSide || height > Self.maxSide
            || Int64(width) * Int64(height) > Self.maxPixels
        {
            throw MediaError(
                .unsupported, path: path,
                reason: "absurd picture size \(width)×\(height) declared (limit \(Self.maxSide) per side)")
        }
        let codecID = parameters.pointee.codec_id
        guard let codec = avcodec_find_decoder(codecID) else {
            throw MediaError(
                .unsupported, path: path, reason: Self.noDecoder(codecID, tag: parameters.pointee.codec_tag))
        }
        guard let context = avcodec_alloc_context3(codec) else {
            throw MediaError(.io, path: path, reason: "out of memory")
        }
        self.context = context
        // From here on `deinit` frees the context, also when a check below throws.
        try check(avcodec_parameters_to_context(context, parameters), "reading the video codec parameters")
        context.pointee.pkt_timebase = stream.pointee.time_base
        context.pointee.thread_count = threads
        if keyframesOnly { context.pointee.skip_frame = AVDISCARD_NONKEY }
        try check(av_opt_set_int(context, "max_pixels", Self.maxPixels, 0), "limiting the picture size")
        try check(avcodec_open2(context, codec, nil), "opening the video decoder")
    }

    /// "no decoder for video codec hevc" or, when FFmpeg does not know the codec at all, the container's four
    /// characters: "no decoder for this video: FFmpeg 5.1 does not know its codec (tag vvc1)".
    static func noDecoder(_ codecID: AVCodecID, tag: UInt32) -> String {
        let fourcc = withUnsafeBytes(of: tag.littleEndian) { bytes in
            String(decoding: bytes.map { (0x20...0x7e).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
        }
        guard codecID != AV_CODEC_ID_NONE else {
            return tag == 0
                ? "no decoder for this video: FFmpeg does not know its codec"
                : "no decoder for this video: FFmpeg does not know its codec (tag \(fourcc))"
        }
        let name = avcodec_get_name(codecID).map { String(cString: $0) } ?? "unknown"
        return "no decoder for video codec \(name)" + (tag == 0 ? "" : " (tag \(fourcc))")
    }

    deinit {
        var pointer: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&pointer)
    }

    /// `avcodec_send_packet`; nil drains the decoder. Returns FFmpeg's code (EAGAIN: receive first).
    func send(_ packet: UnsafeMutablePointer<AVPacket>?) -> Int32 {
        avcodec_send_packet(context, packet)
    }

    /// `avcodec_receive_frame` into `frame`. Returns FFmpeg's code (EAGAIN: needs input; EOF: drained).
    func receive(into frame: FrameBuffer) -> Int32 {
        avcodec_receive_frame(context, frame.pointer)
    }

    /// Whether the decoder may skip pictures no other picture refers to (`skip_frame = AVDISCARD_NONREF`: B-frames
    /// in most H.264 and MPEG streams). Read by FFmpeg for each packet sent, also with frame threads.
    func skipNonReference(_ skip: Bool) {
        context.pointee.skip_frame = skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT
    }

    /// Forgets buffered pictures and reference frames, after a seek.
    func flush() {
        avcodec_flush_buffers(context)
    }

    private func check(_ code: Int32, _ operation: String) throws {
        if code < 0 {
            throw MediaError(
                .unsupported, path: path, reason: "\(operation): \(FormatContext.describe(code))",
                ffmpegCode: code)
        }
    }
}
