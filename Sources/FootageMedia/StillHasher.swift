import CFFmpeg

/// PDQ-hashes still images as anyone who opens their files sees them: the pixels FFmpeg's own decoder gives for the
/// file, hashed as footage hashes every picture (`FrameHasher`: at most 512 px on the long side, swscale's area
/// filter). The hash footage records for a still it wrote is this hash of that still's file, so that a hash another
/// system computes from a shared still lands where footage's does.
///
/// Why the written file and not the decoded video picture it came from: the file is what is shared. A JPEG's pixels
/// differ from the picture's (quantisation, 4:2:0 chroma, and for HD footage the colour matrix: the picture's BT.709
/// YUV is stored as is and every JPEG reader converts it as BT.601), and the still may be scaled with another filter
/// to another width. Hashing the picture instead put the recorded hash up to 32 bits from the file's hash on
/// high-detail portrait and square clips at quality 100 (README, "Keyframes"); hashing the file puts it at 0.
public final class StillHasher {
    private let hasher = FrameHasher()
    private var jpegDecoder: StillDecoder?

    init() {}

    /// The PDQ hash and quality of the JPEG or PNG file at `path`, as footage records it for a still it wrote
    /// (and as the reference project's published hashes of its JPEG and PNG test images are reproduced).
    /// - Throws: `MediaError` as `ImageDecoder.decodeRGB24` does.
    public static func hash(path: String) throws -> PDQResult {
        try ImageDecoder.decode(path: path) { try FrameHasher().hash($0, orientation: .upright) }
    }

    /// The PDQ hash of a still about to be written: `bytes` is its file, encoded in `format` from `picture` (the
    /// encoder's input, upright). The same hash as `hash(path:)` of the file once written.
    func hash(_ bytes: [UInt8], format: ImageFormat, encodedFrom picture: FrameBuffer) throws -> PDQResult {
        switch format {
        case .png:
            // Lossless: the decoder gives back exactly the RGB24 pixels encoded, described as it describes them
            // (full range, no colour matrix), so the picture is hashed without decoding the file again.
            picture.pointer.pointee.color_range = AVCOL_RANGE_JPEG
            picture.pointer.pointee.colorspace = AVCOL_SPC_UNSPECIFIED
            return try hasher.hash(picture, orientation: .upright)
        case .jpeg:
            let decoder = try jpegDecoder ?? StillDecoder(format: .jpeg)
            jpegDecoder = decoder
            return try hasher.hash(try decoder.decode(bytes, path: ""), orientation: .upright)
        }
    }

    /// The upright RGB24 picture of the last `hash(_:format:encodedFrom:)` call, at most 512 px on the long side
    /// (valid until the next one): what contact-sheet thumbnails are made from.
    var lastUpright: FrameBuffer? { hasher.lastUpright }
}
