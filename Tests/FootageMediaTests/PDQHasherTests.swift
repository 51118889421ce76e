import Foundation
import Testing
@testable import FootageMedia

@Suite struct PDQHasherTests {
    static let card = RGBImage.testCard(width: 320, height: 240)

    @Test func aSyntheticImageHashesTheSameEveryTime() {
        var hasher = PDQHasher()
        let first = Self.card.hash(with: &hasher)
        let second = Self.card.hash(with: &hasher)
        let fresh = Self.card.hash()
        #expect(first == second)
        #expect(first == fresh)
        #expect(first.quality == 100)
        #expect(first.hash.nonzeroBitCount == 128)
    }

    @Test func oneHasherServesFramesOfChangingSizes() {
        var hasher = PDQHasher()
        let small = RGBImage.testCard(width: 97, height: 61)
        let large = RGBImage.testCard(width: 701, height: 433)
        let smallAlone = small.hash()
        let largeAlone = large.hash()
        #expect(small.hash(with: &hasher) == smallAlone)
        #expect(large.hash(with: &hasher) == largeAlone)
        #expect(small.hash(with: &hasher) == smallAlone)
    }

    @Test func copiesOfAHasherDoNotShareWorkingMemory() {
        var first = PDQHasher()
        _ = Self.card.hash(with: &first)
        var second = first
        let other = RGBImage.testCard(width: 200, height: 300)
        #expect(other.hash(with: &second) == other.hash())
        #expect(Self.card.hash(with: &first) == Self.card.hash())
    }

    @Test func paddedRowsHashLikeTightOnes() {
        let image = RGBImage.testCard(width: 123, height: 77)
        let stride = 123 * 3 + 13
        var padded = [UInt8](repeating: 0xAB, count: stride * 77)
        for row in 0..<77 {
            padded[row * stride..<row * stride + 123 * 3] = image.pixels[row * 123 * 3..<(row + 1) * 123 * 3]
        }
        var hasher = PDQHasher()
        let result = padded.withUnsafeBufferPointer {
            hasher.hash(rgb24: $0, width: 123, height: 77, rowStride: stride)
        }
        #expect(result == image.hash())
    }

    @Test func theDihedralOriginalIsThePlainHash() {
        let (hashes, quality) = Self.card.hashWithDihedrals()
        let plain = Self.card.hash()
        #expect(hashes.original == plain.hash)
        #expect(quality == plain.quality)
        #expect(hashes.all.count == 8)
        #expect(Set(hashes.all).count == 8)
    }

    /// Hashing a turned or mirrored copy gives (within a few bits, since the filter's edges are not exactly
    /// symmetric) the variant the original's DCT predicts.
    @Test func transformedCopiesMatchTheirDihedralVariants() {
        let image = RGBImage.testCard(width: 300, height: 200)
        let hashes = image.hashWithDihedrals().hashes
        let cases: [(String, RGBImage, PDQHash)] = [
            ("upside down", image.upsideDown, hashes.flipX),
            ("mirrored", image.mirrored, hashes.flipY),
            ("turned half", image.turnedHalf, hashes.rot180),
            ("transposed", image.transposed, hashes.flipPlus1),
            ("transposed, turned half", image.transposed.turnedHalf, hashes.flipMinus1),
        ]
        for (name, copy, predicted) in cases {
            let direct = copy.hash().hash
            #expect(direct.distance(to: predicted) <= 6, "\(name): \(direct) vs \(predicted)")
            #expect(direct.distance(to: hashes.original) > 32, "\(name) should not match the original")
            #expect(hashes.distance(to: direct) <= 6)
        }
    }

    @Test func turnedCopiesMatchTheRotations() {
        let image = RGBImage.testCard(width: 240, height: 240)
        let hashes = image.hashWithDihedrals().hashes
        let quarter = image.transposed.mirrored  // a quarter turn one way
        let threeQuarters = image.transposed.upsideDown  // and the other
        let turned = [quarter.hash().hash, threeQuarters.hash().hash]
        let predicted = [hashes.rot90, hashes.rot270]
        // Which way round the reference calls rot90 is its convention; both turns must be covered.
        let straight = turned[0].distance(to: predicted[0]) + turned[1].distance(to: predicted[1])
        let crossed = turned[0].distance(to: predicted[1]) + turned[1].distance(to: predicted[0])
        #expect(min(straight, crossed) <= 12, "straight \(straight), crossed \(crossed)")
    }

    @Test func aFlatImageHasQualityZero() {
        for value: UInt8 in [0, 128, 255] {
            let flat = RGBImage(width: 100, height: 80) { _, _ in (value, value, value) }
            #expect(flat.hash().quality == 0)
        }
    }

    @Test func faintGradientsScoreLowQuality() {
        let faint = RGBImage(width: 256, height: 256) { column, _ in
            let value = UInt8(100 + column / 64)
            return (value, value, value)
        }
        #expect(faint.hash().quality < 50)
    }

    @Test(arguments: [(1, 1), (3, 7), (1000, 3), (4, 4), (0, 0), (5, 5), (7, 1000), (64, 64), (65, 63)])
    func oddSizesHashWithoutCrashing(_ width: Int, _ height: Int) {
        let image = RGBImage.testCard(width: width, height: height)
        let result = image.hash()
        let dihedral = image.hashWithDihedrals()
        if width < PDQHasher.minimumSide || height < PDQHasher.minimumSide {
            #expect(result == PDQResult(hash: .zero, quality: 0))
            #expect(dihedral.hashes.all.allSatisfy { $0 == .zero })
        } else {
            #expect(result.hash.nonzeroBitCount > 0)
            #expect(dihedral.hashes.original.distance(to: result.hash) <= 16)
        }
    }

    /// A grey image given as RGB and as a Y plane: the reference's float luminance of (v, v, v) is v within
    /// rounding, so the hashes agree to within a few bits.
    @Test func greyPixelsHashLikeTheSameRGB() {
        let grey = RGBImage.testCard(width: 211, height: 157)
        let plane = stride(from: 0, to: grey.pixels.count, by: 3).map { grey.pixels[$0 + 1] }
        let asRGB = RGBImage(width: 211, height: 157, pixels: plane.flatMap { [$0, $0, $0] }).hash()
        var hasher = PDQHasher()
        let asLuma = plane.withUnsafeBufferPointer { hasher.hash(luma: $0, width: 211, height: 157, rowStride: 211) }
        #expect(asLuma.hash.distance(to: asRGB.hash) <= 4)
        #expect(abs(asLuma.quality - asRGB.quality) <= 1)
        let dihedral = plane.withUnsafeBufferPointer {
            hasher.hashWithDihedrals(luma: $0, width: 211, height: 157, rowStride: 211)
        }
        #expect(dihedral.hashes.original == asLuma.hash)
    }

    @Test func theBenchmarkEntryPointMeasures() {
        #expect(PDQBenchmark.hashesPerSecond(width: 64, height: 48, iterations: 3) > 0)
    }
}
