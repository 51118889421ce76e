import Foundation
@testable import FootageMedia

/// An 8-bit RGB image held in memory, tightly packed (row stride = width * 3).
struct RGBImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * 3)
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// An image whose every pixel is `pixel(column, row)`.
    init(width: Int, height: Int, pixel: (Int, Int) -> (UInt8, UInt8, UInt8)) {
        var pixels = [UInt8]()
        pixels.reserveCapacity(width * height * 3)
        for row in 0..<height {
            for column in 0..<width {
                let (red, green, blue) = pixel(column, row)
                pixels += [red, green, blue]
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    func pixel(_ column: Int, _ row: Int) -> (UInt8, UInt8, UInt8) {
        let offset = (row * width + column) * 3
        return (pixels[offset], pixels[offset + 1], pixels[offset + 2])
    }

    /// The image with its pixels moved: output pixel (column, row) of a `width`×`height` result comes from
    /// source pixel `source(column, row)`.
    func remapped(width: Int, height: Int, source: (Int, Int) -> (Int, Int)) -> RGBImage {
        RGBImage(width: width, height: height) { column, row in
            let (sourceColumn, sourceRow) = source(column, row)
            return pixel(sourceColumn, sourceRow)
        }
    }

    var upsideDown: RGBImage { remapped(width: width, height: height) { ($0, height - 1 - $1) } }
    var mirrored: RGBImage { remapped(width: width, height: height) { (width - 1 - $0, $1) } }
    var transposed: RGBImage { remapped(width: height, height: width) { ($1, $0) } }
    var turnedHalf: RGBImage { remapped(width: width, height: height) { (width - 1 - $0, height - 1 - $1) } }

    func hash(with hasher: inout PDQHasher) -> PDQResult {
        pixels.withUnsafeBufferPointer { hasher.hash(rgb24: $0, width: width, height: height, rowStride: width * 3) }
    }

    func hash() -> PDQResult {
        var hasher = PDQHasher()
        return hash(with: &hasher)
    }

    func hashWithDihedrals() -> (hashes: PDQDihedralHashes, quality: Int) {
        var hasher = PDQHasher()
        return pixels.withUnsafeBufferPointer {
            hasher.hashWithDihedrals(rgb24: $0, width: width, height: height, rowStride: width * 3)
        }
    }

    /// A synthetic test card: diagonal colour gradients, a checkerboard in one quadrant and a bright disc,
    /// asymmetric under every rotation and mirror.
    static func testCard(width: Int, height: Int) -> RGBImage {
        RGBImage(width: width, height: height) { column, row in
            let x = Double(column) / Double(width)
            let y = Double(row) / Double(height)
            var red = 255 * x * (1 - 0.5 * y)
            var green = 255 * y * y
            var blue = 128 + 100 * sin(6 * x + 2 * y)
            if x > 0.55 && y < 0.45 && (column / 16 + row / 16) % 2 == 0 {
                red *= 0.2
                green = 255 - green
            }
            if (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7) < 0.02 {
                (red, green, blue) = (250, 245, 235)
            }
            return (UInt8(red.rounded()), UInt8(green.rounded()), UInt8(max(0, min(255, blue)).rounded()))
        }
    }
}

enum PPMError: Error, CustomStringConvertible {
    case malformed(String)

    var description: String {
        switch self {
        case .malformed(let reason): "not a binary PPM: \(reason)"
        }
    }
}

extension RGBImage {
    /// Reads a binary PPM (P6) with a maximum value of 255, the format of the reference data's test images.
    init(ppm data: Data) throws {
        let bytes = [UInt8](data)
        var index = 0

        func skipSpaceAndComments() {
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "#") {
                    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                } else if [9, 10, 13, 32].contains(bytes[index]) {
                    index += 1
                } else {
                    return
                }
            }
        }
        func number() throws -> Int {
            skipSpaceAndComments()
            var value = 0
            var digits = 0
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), digits < 9 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
                digits += 1
            }
            guard digits > 0 else { throw PPMError.malformed("expected a number at byte \(index)") }
            return value
        }

        guard bytes.starts(with: Array("P6".utf8)) else { throw PPMError.malformed("no P6 magic") }
        index = 2
        let width = try number()
        let height = try number()
        let maximum = try number()
        guard maximum == 255 else { throw PPMError.malformed("maximum value \(maximum), expected 255") }
        guard index < bytes.count, [9, 10, 13, 32].contains(bytes[index]) else {
            throw PPMError.malformed("no whitespace after the header")
        }
        index += 1
        let count = width * height * 3
        guard width > 0, height > 0, bytes.count - index >= count else {
            throw PPMError.malformed("\(bytes.count - index) bytes of pixels for \(width)×\(height)")
        }
        self.init(width: width, height: height, pixels: Array(bytes[index..<index + count]))
    }
}

/// The reference data folder named by `FOOTAGE_REFERENCE_DIR`, when the environment names one.
enum ReferenceData {
    static var directory: URL? {
        ProcessInfo.processInfo.environment["FOOTAGE_REFERENCE_DIR"].map { URL(fileURLWithPath: $0) }
    }

    static var isConfigured: Bool { directory != nil }
}
