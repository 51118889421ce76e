import CFFmpeg

/// Turns a decoded picture into an upright image file: scaled to the asked width (aspect kept), converted
/// straight to the encoder's pixel format (full-range YUV 4:2:0 for JPEG, RGB24 for PNG) so that no RGB
/// round trip is paid for JPEG, turned by the display matrix (`UprightScaler`), then encoded.
final class FrameRenderer {
    private let encoder: ImageEncoder
    private let scaler: UprightScaler

    init(format: ImageFormat, width: Int?) {
        encoder = ImageEncoder(format: format)
        scaler = UprightScaler(format: encoder.pixelFormat, fit: .width(width), flags: SWS_BICUBIC)
    }

    var format: ImageFormat { encoder.format }

    /// Encodes `frame` upright; returns the file's bytes and the picture encoded (valid until the next call).
    func render(_ frame: FrameBuffer, orientation: DisplayOrientation) throws
        -> (bytes: [UInt8], picture: FrameBuffer)
    {
        let picture = try scaler.upright(frame, orientation: orientation)
        return (try encoder.encode(picture), picture)
    }
}
