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
        try decode(path: path) { picture in
            let rgb = FrameBuffer()
            let scaler = FrameScaler(flags: SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT)
            try scaler.scale(picture, into: rgb, format: AV_PIX_FMT_RGB24, width: picture.width, height: picture.height)
            let image = RGBBuffer(copying: rgb)
            return (image.pixels, image.width, image.height)
        }
    }

    /// Reads and decodes the JPEG or PNG file at `path` and hands `body` the picture as its decoder left it (valid
    /// inside `body` only). Throws as `decodeRGB24`.
    static func decode<Result>(path: String, _ body: (FrameBuffer) throws -> Result) throws -> Result {
        try FFmpegLibrary.prepare(path: path)
        let bytes = try read(path: path)
        guard let codecID = StillDecoder.codecID(of: bytes) else {
            throw MediaError(.notMedia, path: path, reason: "not a JPEG or PNG image")
        }
        if codecID == AV_CODEC_ID_PNG { try checkPNGSize(bytes, path: path) }
        do {
            return try body(try StillDecoder(codecID: codecID, path: path).decode(bytes, path: path))
        } catch let error as MediaError {
            throw error.at(path: path)
        }
    }

    /// The whole file at `path`, opened as a `MediaFile` and read under `maxFileSize`.
    private static func read(path: String) throws -> [UInt8] {
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
        return bytes
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
}
