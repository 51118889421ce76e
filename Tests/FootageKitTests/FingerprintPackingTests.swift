import FootageCatalog
import FootageCore
import FootageMatching
import FootageMedia
import Foundation
import Testing

@testable import FootageKit

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

    @Test func centreHashesHaveABlobOfTheirOwnAndOlderFingerprintsHaveNone() throws {
        var generator = SplitMix64(seed: 11)
        var original = frames(50, variants: true)
        for index in original.indices { original[index].centre = PDQHash(words: generator.nextHash()) }
        let packed = FingerprintPacking.pack(original)
        #expect(packed.variants.count == 50 * 224 && packed.centres.count == 50 * 32)
        #expect(
            try FingerprintPacking.unpack(
                frames: packed.frames, variants: packed.variants,
                centres: packed.centres) == original)
        // What the index reads: frames and centres, no variants.
        let stored = StoredFingerprintFrames(
            clipId: 1, sha256: "", rate: 1, frames: packed.frames,
            centres: packed.centres)
        let indexed = try FingerprintPacking.unpack(stored)
        #expect(indexed.map(\.centre) == original.map(\.centre) && indexed.allSatisfy(\.variants.isEmpty))
        // A fingerprint stored before centre hashes existed has none.
        #expect(
            try FingerprintPacking.unpack(frames: packed.frames, variants: packed.variants)
                .allSatisfy { $0.centre == nil })
        // Centres are kept only when every frame has one; a blob of the wrong size is refused.
        original[3].centre = nil
        #expect(FingerprintPacking.pack(original).centres.isEmpty)
        #expect(throws: (any Error).self) {
            try FingerprintPacking.unpack(frames: packed.frames, centres: packed.centres.dropLast())
        }
    }

    @Test func mirroredStripsFollowTheStripsAndFingerprintsWithoutThemStillRead() throws {
        var generator = SplitMix64(seed: 12)
        func strips() -> [StripHash] {
            (0..<4).map { StripHash(hash: PDQHash(words: generator.nextHash()), quality: 40 + $0 * 20) }
        }
        var original = frames(20, variants: true)
        for index in original.indices { original[index].strips = strips() }
        // Fingerprints made before mirrored strips: four strips a frame.
        let older = FingerprintPacking.pack(original)
        #expect(older.strips.count == 20 * 132)
        #expect(
            try FingerprintPacking.unpack(frames: older.frames, variants: older.variants, strips: older.strips)
                == original)
        for index in original.indices { original[index].mirroredStrips = strips() }
        let packed = FingerprintPacking.pack(original)
        #expect(packed.strips.count == 20 * 264)
        let unpacked = try FingerprintPacking.unpack(
            frames: packed.frames, variants: packed.variants, strips: packed.strips)
        #expect(unpacked == original)
        // Any other size is damage.
        #expect(throws: (any Error).self) {
            try FingerprintPacking.unpack(frames: packed.frames, strips: packed.strips.prefix(20 * 200))
        }
    }

    @Test func eachHashIsStoredInItsTextOrder() {
        let frame = frames(1, variants: false)[0]
        let bytes = FingerprintPacking.pack([frame]).frames.prefix(32)
        #expect(bytes.map { String(format: "%02x", $0) }.joined() == frame.hash.hex)
    }

    @Test func blobsOfTheWrongSizeAreRefused() {
        #expect(throws: (any Error).self) { try FingerprintPacking.unpack(frames: Data(count: 40)) }
        #expect(throws: (any Error).self) {
            try FingerprintPacking.unpack(frames: Data(count: 41), variants: Data(count: 5))
        }
    }
}
