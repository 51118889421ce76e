/// The still-image formats keyframes are written in; the raw value is the file extension.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    /// Baseline JPEG from FFmpeg's `mjpeg` encoder, full-range 4:2:0, fixed quantiser 3 (as `ffmpeg -q:v 3`).
    case jpeg = "jpg"
    /// Lossless 8-bit RGB PNG from FFmpeg's `png` encoder.
    case png
}
