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

    /// A synthetic test card: soft colour blobs of different sizes placed asymmetrically on a gentle gradient,
    /// a hard-edged block and a band of stripes, so that no rotation or mirror maps it near itself.
    static func testCard(width: Int, height: Int) -> RGBImage {
        let blobs: [(x: Double, y: Double, radius: Double, colour: (Double, Double, Double))] = [
            (0.28, 0.22, 0.16, (220, 40, 30)), (0.72, 0.35, 0.12, (30, 200, 60)),
            (0.40, 0.75, 0.20, (40, 60, 230)), (0.85, 0.85, 0.09, (250, 240, 200)),
            (0.12, 0.60, 0.07, (10, 10, 10)),
        ]
        return RGBImage(width: width, height: height) { column, row in
            let x = (Double(column) + 0.5) / Double(width)
            let y = (Double(row) + 0.5) / Double(height)
            var colour = (60 + 80 * x, 70 + 60 * y, 90 + 40 * x * y)
            for blob in blobs {
                let (dx, dy) = ((x - blob.x) / blob.radius, (y - blob.y) / blob.radius)
                let weight = exp(-(dx * dx + dy * dy))
                colour.0 += weight * (blob.colour.0 - colour.0)
                colour.1 += weight * (blob.colour.1 - colour.1)
                colour.2 += weight * (blob.colour.2 - colour.2)
            }
            if x > 0.55 && x < 0.92 && y > 0.06 && y < 0.3 {
                colour = (colour.0 * 0.25, colour.1 * 0.25 + 150, colour.2 * 0.25)
            }
            if Int(y * 12) % 2 == 0 && x < 0.2 {
                colour = (255 - colour.0, 255 - colour.1, 255 - colour.2)
            }
            func byte(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value)).rounded()) }
            return (byte(colour.0), byte(colour.1), byte(colour.2))
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
