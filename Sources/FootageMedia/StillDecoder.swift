import CFFmpeg

/// Owns the decoder context of one still-image codec (`mjpeg` or `png`) and turns the whole bytes of an image file,
/// handed over as one packet, into the picture a reader of that file sees. Reused from image to image.
///
/// `max_pixels` bounds the picture before any pixel buffer is allocated; see `ImageDecoder` for why no demuxer is
/// involved.
final class StillDecoder {
    let codecID: AVCodecID
    private let context: UnsafeMutablePointer<AVCodecContext>
    private let packet = PacketBuffer()
    private let frame = FrameBuffer()

    /// The decoder of the image file whose first bytes are `bytes`: JPEG or PNG, recognised by signature (never by
    /// a file name); nil for anything else.
    static func codecID(of bytes: [UInt8]) -> AVCodecID? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return AV_CODEC_ID_MJPEG }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return AV_CODEC_ID_PNG }
        return nil
    }

    /// The decoder of `format`, the formats footage writes stills in.
    convenience init(format: ImageFormat) throws {
        try self.init(codecID: format == .jpeg ? AV_CODEC_ID_MJPEG : AV_CODEC_ID_PNG, path: "")
    }

    init(codecID: AVCodecID, path: String) throws {
        guard let codec = avcodec_find_decoder(codecID), let context = avcodec_alloc_context3(codec) else {
            throw MediaError(.unsupported, path: path, reason: "FFmpeg was built without this image decoder")
        }
        self.codecID = codecID
        self.context = context
        context.pointee.thread_count = 1
        _ = av_opt_set_int(context, "max_pixels", VideoDecoder.maxPixels, 0)
        FFmpegLog.clear()
        let code = avcodec_open2(context, codec, nil)
        if code < 0 {
            var pointer: UnsafeMutablePointer<AVCodecContext>? = context
            avcodec_free_context(&pointer)
            throw MediaError(.unsupported, path: path, reason: "opening the image decoder failed", ffmpegCode: code)
        }
    }

    deinit {
        var pointer: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&pointer)
    }

    /// Decodes the image file `bytes`; the picture is valid until the next call. A picture that leaves its colour
    /// range unsaid (grey PNGs, for example) is marked full range, as every still is.
    /// - Throws: `MediaError` (`damaged` when the bytes do not decode).
    func decode(_ bytes: [UInt8], path: String) throws -> FrameBuffer {
        // The decoder may have been drained by the previous image: start it afresh.
        avcodec_flush_buffers(context)
        frame.unref()
        FFmpegLog.clear()
        guard av_new_packet(packet.pointer, Int32(bytes.count)) >= 0 else {
            throw MediaError(.io, path: path, reason: "out of memory")
        }
        defer { packet.unref() }
        bytes.withUnsafeBufferPointer { packet.pointer.pointee.data.update(from: $0.baseAddress!, count: $0.count) }
        var code = avcodec_send_packet(context, packet.pointer)
        if code >= 0 { code = avcodec_receive_frame(context, frame.pointer) }
        if code == cffmpeg_averror(EAGAIN) {
            _ = avcodec_send_packet(context, nil)
            code = avcodec_receive_frame(context, frame.pointer)
        }
        guard code >= 0 else {
            let detail = FFmpegLog.lastError ?? FormatContext.describe(code)
            throw MediaError(.damaged, path: path, reason: "the image does not decode: \(detail)", ffmpegCode: code)
        }
        if frame.pointer.pointee.color_range == AVCOL_RANGE_UNSPECIFIED {
            frame.pointer.pointee.color_range = AVCOL_RANGE_JPEG
        }
        return frame
    }
}
