import FootageCore
import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// The reference project's original JPEG/PNG files, decoded with FFmpeg and hashed as keyframe stills are
/// (`StillHasher.hash(path:)`: scaled with swscale's area filter to at most 512 px on the long side), against the
/// hashes the reference project published for them.
///
/// Scaling matters: the published hashes were made from pictures at most 512 px on a side. Hashing the full
/// decoded buffer instead puts the bridge images 4–12 bits away; scaled, they are at 0–2 bits.
@Suite(.enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
struct PDQPublishedImageTests {
    static let tolerance = 10

    static func expectations() throws -> [(file: String, hash: PDQHash)] {
        let directory = try #require(ReferenceData.directory)
        let table = try String(contentsOf: directory.appending(path: "pdq/expected-published.tsv"), encoding: .utf8)
        return try table.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
            let fields = line.split(separator: "\t").map(String.init)
            try #require(fields.count >= 2, "malformed line: \(line)")
            // The reference project calls the original bridge picture b.jpg.
            let file = fields[0] == "b.jpg" ? "bridge-1-original.jpg" : fields[0]
            return (file, try #require(PDQHash(hex: fields[1]), "bad hash \(fields[1])"))
        }
    }

    @Test func publishedHashesAreReproducedFromTheOriginalFiles() throws {
        let directory = try #require(ReferenceData.directory)
        let expectations = try Self.expectations()
        #expect(expectations.count >= 18)
        var worst = 0
        for (file, expected) in expectations {
            let result = try StillHasher.hash(path: directory.appending(path: "pdq/images/\(file)").path)
            let distance = result.hash.distance(to: expected)
            guard result.quality >= 80 else { continue }  // the reference data's README: compare at quality ≥ 80
            worst = max(worst, distance)
            #expect(distance <= Self.tolerance, "\(file): \(result.hash) is \(distance) bits from \(expected)")
        }
        print("PDQ published images: largest distance \(worst) bits")
    }

    @Test func imageDecoderRefusesWhatIsNotAnImage() throws {
        try withTemporaryDirectory { directory in
            try write("P6\n1 1\n255\n", to: directory + "/fake.png")
            #expect(mediaError { try ImageDecoder.decodeRGB24(path: directory + "/fake.png") }?.kind == .notMedia)
            #expect(mediaError { try ImageDecoder.decodeRGB24(path: Samples.ministryUpload) }?.kind == .notMedia)
            var png = [UInt8]([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Array("IHDR".utf8)
            png += [0x7F, 0xFF, 0xFF, 0xFF, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0, 0, 0, 0]
            try Data(png).write(to: URL(fileURLWithPath: directory + "/huge.png"))
            #expect(mediaError { try ImageDecoder.decodeRGB24(path: directory + "/huge.png") }?.kind == .unsupported)
            try Data([0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0]).write(to: URL(fileURLWithPath: directory + "/cut.jpg"))
            #expect(mediaError { try ImageDecoder.decodeRGB24(path: directory + "/cut.jpg") }?.kind == .damaged)
        }
    }
}
