import CFFmpeg

/// Owns an encoder context of libavcodec's own still-image encoders (`mjpeg`, `png`) and turns pictures
/// into the bytes of an image file. The context stays open between pictures of one size, as both encoders
/// are intra-only.
///
/// See https://ffmpeg.org/ffmpeg-codecs.html#mjpeg and https://ffmpeg.org/doxygen/5.1/group__lavc__encoding.html
final class ImageEncoder {
    let format: ImageFormat
    private var context: UnsafeMutablePointer<AVCodecContext>?
    private let packet = PacketBuffer()
    private var framesSent: Int64 = 0

    /// The JPEG quantiser, as `ffmpeg -q:v`: 2–31, lower is better; 3 is visually lossless for stills.
    static let jpegQuantiser: Int32 = 3

    init(format: ImageFormat) {
        self.format = format
    }

    deinit {
        avcodec_free_context(&context)
    }

    /// The pixel format pictures must be in for this encoder.
    var pixelFormat: AVPixelFormat {
        switch format {
        case .jpeg: AV_PIX_FMT_YUVJ420P  // full-range 4:2:0, what JPEG decoders expect
        case .png: AV_PIX_FMT_RGB24
        }
    }

    /// Encodes `picture` (in `pixelFormat`) and returns the complete image file.
    func encode(_ picture: FrameBuffer) throws -> [UInt8] {
        let context = try openContext(width: picture.width, height: picture.height)
        picture.pointer.pointee.pts = framesSent
        framesSent += 1
        var code = avcodec_send_frame(context, picture.pointer)
        guard code >= 0 else { throw failure(code, "encoding") }
        var bytes: [UInt8] = []
        while true {
            code = avcodec_receive_packet(context, packet.pointer)
            if code == cffmpeg_averror(EAGAIN) || code == cffmpeg_averror_eof() { break }
            guard code >= 0 else { throw failure(code, "encoding") }
            let encoded = packet.pointer.pointee
            bytes.append(contentsOf: UnsafeBufferPointer(start: encoded.data, count: Int(encoded.size)))
            packet.unref()
        }
        guard !bytes.isEmpty else { throw failure(cffmpeg_averror_invaliddata(), "encoding (no output)") }
        return bytes
    }

    private func openContext(width: Int, height: Int) throws -> UnsafeMutablePointer<AVCodecContext> {
        if let context, Int(context.pointee.width) == width, Int(context.pointee.height) == height {
            return context
        }
        avcodec_free_context(&context)
        let id = format == .jpeg ? AV_CODEC_ID_MJPEG : AV_CODEC_ID_PNG
        guard let codec = avcodec_find_encoder(id) else {
            throw MediaError(.unsupported, path: "", reason: "FFmpeg was built without the \(format.rawValue) encoder")
        }
        guard let opened = avcodec_alloc_context3(codec) else {
            throw MediaError(.io, path: "", reason: "out of memory")
        }
        context = opened
        opened.pointee.width = Int32(width)
        opened.pointee.height = Int32(height)
        opened.pointee.pix_fmt = pixelFormat
        opened.pointee.time_base = AVRational(num: 1, den: 25)
        opened.pointee.thread_count = 1
        if format == .jpeg {
            opened.pointee.color_range = AVCOL_RANGE_JPEG
            opened.pointee.flags |= AV_CODEC_FLAG_QSCALE
            opened.pointee.global_quality = FF_QP2LAMBDA * Self.jpegQuantiser
        }
        let code = avcodec_open2(opened, codec, nil)
        guard code >= 0 else { throw failure(code, "opening the \(format.rawValue) encoder for \(width)×\(height)") }
        return opened
    }

    private func failure(_ code: Int32, _ operation: String) -> MediaError {
        MediaError(.unsupported, path: "", reason: "\(operation): \(FormatContext.describe(code))", ffmpegCode: code)
    }
}
