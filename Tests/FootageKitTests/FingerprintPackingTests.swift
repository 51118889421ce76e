import Foundation
import Testing
@testable import FootageKit
import FootageMedia

@Suite struct FingerprintPackingTests {
    func frames(_ count: Int, variants: Bool) -> [FingerprintFrame] {
        var generator = SplitMix64(seed: 7)
        return (0..<count).map { index in
            FingerprintFrame(
                time: Double(index) * 0.25 + 0.04, hash: PDQHash(words: generator.nextHash()), quality: index % 101,
                variants: variants ? (0..<7).map { _ in PDQHash(words: generator.nextHash()) } : [])
        }
    }

    @Test func framesAndVariantsComeBackAsTheyWerePacked() throws {
        let original = frames(300, variants: true)
        let packed = FingerprintPacking.pack(original)
        #expect(packed.frames.count == 300 * 41 && packed.variants.count == 300 * 224)
        #expect(try FingerprintPacking.unpack(frames: packed.frames, variants: packed.variants) == original)
        // The index loads frames alone.
        let alone = try FingerprintPacking.unpack(frames: packed.frames)
        #expect(alone.map(\.hash) == original.map(\.hash) && alone.allSatisfy(\.variants.isEmpty))
    }

    @Test func eachHashIsStoredInItsTextOrder() {
        let frame = frames(1, variants: false)[0]
        let bytes = FingerprintPacking.pack([frame]).frames.prefix(32)
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == frame.hash.hex)
    }

    @Test func blobsOfTheWrongSizeAreRefused() {
        #expect(throws: (any Error).self) { try FingerprintPacking.unpack(frames: Data(count: 40)) }
        #expect(throws: (any Error).self) { try FingerprintPacking.unpack(frames: Data(count: 41), variants: Data(count: 5)) }
    }
}
