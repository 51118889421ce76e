import CFFmpeg

/// 8-bit RGB pixels held in Swift memory, rows packed (stride = width × 3): thumbnails, contact sheets and
/// decoded still images.
struct RGBBuffer: Sendable, Equatable {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3, "\(pixels.count) bytes for \(width)×\(height) RGB")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// A `width`×`height` image filled with one colour.
    init(width: Int, height: Int, fill: (UInt8, UInt8, UInt8)) {
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for index in stride(from: 0, to: pixels.count, by: 3) {
            (pixels[index], pixels[index + 1], pixels[index + 2]) = fill
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// Copies an `AV_PIX_FMT_RGB24` frame.
    init(copying frame: FrameBuffer) {
        precondition(frame.format == AV_PIX_FMT_RGB24, "not an RGB24 frame")
        let (width, height) = (frame.width, frame.height)
        let (data, stride) = frame.plane(0)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        pixels.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                (out.baseAddress! + row * width * 3).update(from: data + row * stride, count: width * 3)
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// Copies these pixels into a writable RGB24 `frame` (allocated here), for the encoders.
    func copy(into frame: FrameBuffer) throws {
        try frame.allocate(format: AV_PIX_FMT_RGB24, width: width, height: height)
        let (data, stride) = frame.plane(0)
        pixels.withUnsafeBufferPointer { source in
            for row in 0..<height {
                (data + row * stride).update(from: source.baseAddress! + row * width * 3, count: width * 3)
            }
        }
    }

    /// Copies `image` with its top-left corner at (`x`, `y`), clipped to this image.
    mutating func draw(_ image: RGBBuffer, x: Int, y: Int) {
        let columns = max(0, min(image.width, width - x) - max(0, -x))
        guard columns > 0 else { return }
        let firstColumn = max(0, -x)
        for row in max(0, -y)..<min(image.height, height - y) {
            let from = (row * image.width + firstColumn) * 3
            let to = ((y + row) * width + x + firstColumn) * 3
            pixels.replaceSubrange(to..<to + columns * 3, with: image.pixels[from..<from + columns * 3])
        }
    }

    /// Fills a rectangle, clipped to the image, blending `alpha` (0–255) of `colour` over what is there.
    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, colour: (UInt8, UInt8, UInt8), alpha: Int = 255) {
        let columns = max(0, x)..<min(width, x + w)
        let rows = max(0, y)..<min(height, y + h)
        let keep = 255 - alpha
        for row in rows {
            for column in columns {
                let index = (row * width + column) * 3
                pixels[index] = UInt8((Int(pixels[index]) * keep + Int(colour.0) * alpha) / 255)
                pixels[index + 1] = UInt8((Int(pixels[index + 1]) * keep + Int(colour.1) * alpha) / 255)
                pixels[index + 2] = UInt8((Int(pixels[index + 2]) * keep + Int(colour.2) * alpha) / 255)
            }
        }
    }
}
