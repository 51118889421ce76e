import CFFmpeg

/// Turns a decoded picture into an upright image file: scaled to the asked width (aspect kept), converted
/// straight to the encoder's pixel format (full-range YUV 4:2:0 for JPEG, RGB24 for PNG) so that no RGB
/// round trip is paid for JPEG, turned by the display matrix, then encoded.
final class FrameRenderer {
    let width: Int?
    private let encoder: ImageEncoder
    private let scaler = FrameScaler(flags: SWS_BICUBIC)
    private let scaled = FrameBuffer()
    private let rotated = FrameBuffer()

    init(format: ImageFormat, width: Int?) {
        self.width = width
        self.encoder = ImageEncoder(format: format)
    }

    /// The upright output size of a `width`×`height` source picture.
    func outputSize(width sourceWidth: Int, height sourceHeight: Int, orientation: DisplayOrientation)
        -> (width: Int, height: Int)
    {
        let upright = orientation.outputSize(width: sourceWidth, height: sourceHeight)
        guard let width, width != upright.width, upright.width > 0 else { return upright }
        let height = Double(upright.height) * Double(width) / Double(upright.width)
        return (width, max(1, Int(height.rounded())))
    }

    /// Encodes `frame` upright; returns the file's bytes and the image size.
    func render(_ frame: FrameBuffer, orientation: DisplayOrientation) throws
        -> (bytes: [UInt8], width: Int, height: Int)
    {
        let out = outputSize(width: frame.width, height: frame.height, orientation: orientation)
        let beforeTurning = orientation.swapsSides ? (out.height, out.width) : (out.width, out.height)
        try scaler.scale(frame, into: scaled, format: encoder.pixelFormat,
                         width: beforeTurning.0, height: beforeTurning.1)
        let picture: FrameBuffer
        if orientation.isIdentity {
            picture = scaled
        } else {
            try orientation.apply(scaled, into: rotated)
            picture = rotated
        }
        return (try encoder.encode(picture), picture.width, picture.height)
    }
}
