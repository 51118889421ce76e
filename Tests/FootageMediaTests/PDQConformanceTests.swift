import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Conformance with Meta's reference PDQ implementation, on the reference project's own images decoded to PPM
/// (so no decoder differences) and the hashes the reference C++ code computed from exactly those pixels.
///
/// Needs `FOOTAGE_REFERENCE_DIR`; when it is set, missing or unreadable data is a failure, not a skip.
/// (Conformance on the original JPEG/PNG files against `expected-published.tsv` needs decoding through
/// FFmpeg and belongs with the decoder's tests.)
@Suite(.enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
struct PDQConformanceTests {
    /// One line of `pdq/expected-ppm.tsv`.
    struct Expectation: CustomTestStringConvertible {
        var file: String
        var quality: Int
        /// original, rot90, rot180, rot270, flipx, flipy, flip_plus1, flip_minus1
        var hashes: [PDQHash]

        var testDescription: String { file }
    }

    /// The largest distance the reference data's README allows; this implementation aims for 0.
    static let tolerance = 2

    /// The table, or nothing when no reference folder is configured (the suite is disabled then anyway).
    static func arguments() throws -> [Expectation] {
        ReferenceData.isConfigured ? try expectations() : []
    }

    static func expectations() throws -> [Expectation] {
        let directory = try #require(ReferenceData.directory)
        let table = try String(
            contentsOf: directory.appending(path: "pdq/expected-ppm.tsv"), encoding: .utf8)
        return try table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            try #require(fields.count == 10, "malformed line: \(line)")
            return Expectation(
                file: fields[0], quality: try #require(Int(fields[1])),
                hashes: try fields[2...].map { try #require(PDQHash(hex: $0), "bad hash \($0)") })
        }
    }

    static func image(_ file: String) throws -> RGBImage {
        let directory = try #require(ReferenceData.directory)
        return try RGBImage(ppm: Data(contentsOf: directory.appending(path: "pdq/ppm/\(file)")))
    }

    @Test func theReferenceDataIsPresent() throws {
        let expectations = try Self.expectations()
        #expect(expectations.count >= 18)
        for expectation in expectations {
            _ = try Self.image(expectation.file)
        }
    }

    @Test(arguments: try arguments())
    func hashMatchesTheReference(_ expected: Expectation) throws {
        let image = try Self.image(expected.file)
        let result = image.hash()
        let distance = result.hash.distance(to: expected.hashes[0])
        #expect(distance <= Self.tolerance, "\(expected.file): \(result.hash) is \(distance) bits from the reference")
        #expect(result.quality == expected.quality)
        print("PDQ conformance \(expected.file): hash distance \(distance), quality \(result.quality)")
    }

    @Test(arguments: try arguments())
    func dihedralHashesMatchTheReference(_ expected: Expectation) throws {
        let image = try Self.image(expected.file)
        let (hashes, quality) = image.hashWithDihedrals()
        let names = ["original", "rot90", "rot180", "rot270", "flipx", "flipy", "flip_plus1", "flip_minus1"]
        var distances: [Int] = []
        for (index, hash) in hashes.all.enumerated() {
            let distance = hash.distance(to: expected.hashes[index])
            distances.append(distance)
            #expect(
                distance <= Self.tolerance,
                "\(expected.file) \(names[index]): \(hash) is \(distance) bits from the reference")
        }
        #expect(quality == expected.quality)
        print("PDQ conformance \(expected.file): dihedral distances \(distances), quality \(quality)")
    }

    /// The reference images include turned and mirrored copies of one photograph; hashing each copy directly
    /// lands nearest the variant the original's DCT predicts for it. Not exactly on it: the photograph is
    /// 512 pixels wide, an even box window, where the reference's filter is off-centre (its own hashes of
    /// these copies differ from its predictions by up to 18 bits).
    @Test func transformedCopiesHashNearestTheOriginalsVariants() throws {
        let original = try Self.image("bridge-1-original.ppm").hashWithDihedrals().hashes
        let copies: [(String, PDQHash)] = [
            ("bridge-2-rotate-90.ppm", original.rot90), ("bridge-3-rotate-180.ppm", original.rot180),
            ("bridge-4-rotate-270.ppm", original.rot270), ("bridge-5-flipx.ppm", original.flipX),
            ("bridge-6-flipy.ppm", original.flipY), ("bridge-7-flip-plus-1.ppm", original.flipPlus1),
            ("bridge-8-flip-minus-1.ppm", original.flipMinus1),
        ]
        for (file, predicted) in copies {
            let direct = try Self.image(file).hash().hash
            let distance = direct.distance(to: predicted)
            #expect(distance <= 24, "\(file): \(direct) vs predicted \(predicted)")
            #expect(original.all.filter { $0 != predicted }.allSatisfy { $0.distance(to: direct) > distance + 32 })
        }
    }
}
