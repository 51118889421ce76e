import CFFmpeg

/// Decodes a JPEG or PNG still (a keyframe we wrote, or a reference image) to 8-bit RGB with FFmpeg's own
/// decoders.
///
/// This is a separate path from `FormatContext` on purpose: its whitelist refuses image demuxers, because
/// `image2` opens other files named by a pattern. Here no demuxer is involved at all: the file is opened as
/// a `MediaFile` (regular file, no link), read whole under a size limit, recognised by its signature
/// bytes only (not its name), and handed as one packet to the `mjpeg` or `png` decoder, with `max_pixels`
/// and the declared size checked before any pixel buffer is allocated. Nothing can make FFmpeg open
/// another file or the network.
///
/// EXIF orientation is not applied: the pixels are returned as stored (the reference PDQ hashes are too).
public enum ImageDecoder {
    /// The largest image file read (bytes).
    static let maxFileSize: Int64 = 256 << 20

    /// Decodes the JPEG or PNG file at `path` to packed RGB24 (row stride = width × 3).
    /// - Throws: `MediaError` (`notMedia` when the bytes are neither JPEG nor PNG, `damaged` when they do
    ///   not decode, `unsupported` for absurd sizes, and the errors of `MediaFile`).
    public static func decodeRGB24(path: String) throws -> (pixels: [UInt8], width: Int, height: Int) {
        try FFmpegLibrary.prepare(path: path)
        let file = try MediaFile(path: path)
        guard file.size <= maxFileSize else {
            throw MediaError(.unsupported, path: path, reason: "an image of \(file.size) bytes is too large")
        }
        var bytes = [UInt8](repeating: 0, count: Int(file.size))
        var filled = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while filled < buffer.count {
                let count = try file.read(
                    into: buffer.baseAddress! + filled, count: buffer.count - filled,
                    at: Int64(filled))
                if count == 0 { break }
                filled += count
            }
        }
        bytes.removeSubrange(filled...)
        let codecID: AVCodecID
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            codecID = AV_CODEC_ID_MJPEG
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            codecID = AV_CODEC_ID_PNG
            try checkPNGSize(bytes, path: path)
        } else {
            throw MediaError(.notMedia, path: path, reason: "not a JPEG or PNG image")
        }
        do {
            let image = try decode(bytes, codecID: codecID, path: path)
            return (image.pixels, image.width, image.height)
        } catch let error as MediaError {
            throw error.at(path: path)
        }
    }

    /// Refuses a PNG whose header declares an absurd size, before the decoder sees it.
    private static func checkPNGSize(_ bytes: [UInt8], path: String) throws {
        guard bytes.count >= 24 else { throw MediaError(.damaged, path: path, reason: "truncated PNG header") }
        func word(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        let (width, height) = (word(16), word(20))
        if width > VideoDecoder.maxSide || height > VideoDecoder.maxSide {
            throw MediaError(.unsupported, path: path, reason: "absurd picture size \(width)×\(height) declared")
        }
    }

    private static func decode(_ bytes: [UInt8], codecID: AVCodecID, path: String) throws -> RGBBuffer {
        let decoder = try StillDecoder(codecID: codecID, path: path)
        let packet = PacketBuffer()
        let frame = FrameBuffer()
        guard av_new_packet(packet.pointer, Int32(bytes.count)) >= 0 else {
            throw MediaError(.io, path: path, reason: "out of memory")
        }
        bytes.withUnsafeBufferPointer { packet.pointer.pointee.data.update(from: $0.baseAddress!, count: $0.count) }
        var code = avcodec_send_packet(decoder.context, packet.pointer)
        if code >= 0 { code = avcodec_receive_frame(decoder.context, frame.pointer) }
        if code == cffmpeg_averror(EAGAIN) {
            _ = avcodec_send_packet(decoder.context, nil)
            code = avcodec_receive_frame(decoder.context, frame.pointer)
        }
        guard code >= 0 else {
            let detail = FFmpegLog.lastError ?? FormatContext.describe(code)
            throw MediaError(.damaged, path: path, reason: "the image does not decode: \(detail)", ffmpegCode: code)
        }
        // Stills are full range whatever the decoder left unsaid (grey PNGs, for example).
        if frame.pointer.pointee.color_range == AVCOL_RANGE_UNSPECIFIED {
            frame.pointer.pointee.color_range = AVCOL_RANGE_JPEG
        }
        let rgb = FrameBuffer()
        let scaler = FrameScaler(flags: SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT)
        try scaler.scale(frame, into: rgb, format: AV_PIX_FMT_RGB24, width: frame.width, height: frame.height)
        return RGBBuffer(copying: rgb)
    }
}

/// Owns the decoder context of one still image.
private final class StillDecoder {
    let context: UnsafeMutablePointer<AVCodecContext>

    init(codecID: AVCodecID, path: String) throws {
        guard let codec = avcodec_find_decoder(codecID), let context = avcodec_alloc_context3(codec) else {
            throw MediaError(.unsupported, path: path, reason: "FFmpeg was built without this image decoder")
        }
        self.context = context
        context.pointee.thread_count = 1
        _ = av_opt_set_int(context, "max_pixels", VideoDecoder.maxPixels, 0)
        FFmpegLog.clear()
        let code = avcodec_open2(context, codec, nil)
        if code < 0 {
            throw MediaError(.unsupported, path: path, reason: "opening the image decoder failed", ffmpegCode: code)
        }
    }

    deinit {
        var pointer: UnsafeMutablePointer<AVCodecContext>? = context
        avcodec_free_context(&pointer)
    }
}
