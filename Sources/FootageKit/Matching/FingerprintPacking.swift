import FootageCatalog
import FootageMatching
import FootageMedia
import Foundation

/// The catalogue's blob layout for fingerprints (see the "v4 fingerprints" migration): per frame, the PDQ hash as
/// 32 bytes most significant first (so `hex(substr(frames, 1, 32))` in the `sqlite3` shell is the hash's usual text
/// form), the time as a little-endian IEEE double and the quality as one byte; the variants as seven such hashes
/// per frame, in `FingerprintFrame.variants` order; the centre hashes, when every frame has one, one per frame in
/// a blob of their own (the "v7 centre hashes" column), which the search index reads with the frames; the edge-strip
/// hashes likewise ("v8 edge strips": per frame four strips of the hash and a quality byte, then, in fingerprints
/// made since mirrored strips were added, the four strips of the mirrored picture the same way: 132 or 264 bytes a
/// frame, the same for every frame of a fingerprint).
public enum FingerprintPacking {
    static let frameSize = 41
    static let variantCount = 7
    static let variantsSize = 7 * 32
    static let stripsSize = EdgeStrip.allCases.count * 33

    public static func pack(_ frames: [FingerprintFrame]) -> (
        frames: Data, variants: Data, centres: Data, strips: Data
    ) {
        var packed = [UInt8]()
        packed.reserveCapacity(frames.count * frameSize)
        var variants = [UInt8]()
        variants.reserveCapacity(frames.count * variantsSize)
        for frame in frames {
            append(frame.hash, to: &packed)
            let bits = frame.time.bitPattern
            for byte in 0..<8 { packed.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(byte)))) }
            packed.append(UInt8(clamping: frame.quality))
            if frame.variants.count == variantCount {
                for variant in frame.variants { append(variant, to: &variants) }
            }
        }
        // Variants are stored for every frame or for none; centres likewise.
        if variants.count != frames.count * variantsSize { variants = [] }
        var centres = [UInt8]()
        if frames.allSatisfy({ $0.centre != nil }) {
            centres.reserveCapacity(frames.count * 32)
            for frame in frames { append(frame.centre!, to: &centres) }
        }
        var strips = [UInt8]()
        if frames.allSatisfy({ $0.strips.count == EdgeStrip.allCases.count }) {
            let mirrored = frames.allSatisfy { $0.mirroredStrips.count == EdgeStrip.allCases.count }
            strips.reserveCapacity(frames.count * stripsSize * (mirrored ? 2 : 1))
            for frame in frames {
                for strip in frame.strips + (mirrored ? frame.mirroredStrips : []) {
                    append(strip.hash, to: &strips)
                    strips.append(UInt8(clamping: strip.quality))
                }
            }
        }
        return (Data(packed), Data(variants), Data(centres), Data(strips))
    }

    /// Unpacks frames, with their variants and centre hashes when the blobs hold them.
    /// - Throws: `WorkflowError.damagedFingerprint` when the blobs' sizes do not fit the layout.
    public static func unpack(frames: Data, variants: Data = Data(), centres: Data = Data(), strips: Data = Data())
        throws -> [FingerprintFrame]
    {
        guard frames.count % frameSize == 0 else {
            throw WorkflowError.damagedFingerprint(part: "frames", bytes: frames.count)
        }
        let count = frames.count / frameSize
        guard variants.isEmpty || variants.count == count * variantsSize else {
            throw WorkflowError.damagedFingerprint(part: "variants", bytes: variants.count)
        }
        guard centres.isEmpty || centres.count == count * 32 else {
            throw WorkflowError.damagedFingerprint(part: "centre hashes", bytes: centres.count)
        }
        guard strips.isEmpty || strips.count == count * stripsSize || strips.count == count * 2 * stripsSize else {
            throw WorkflowError.damagedFingerprint(part: "strip hashes", bytes: strips.count)
        }
        return frames.withUnsafeBytes { raw in
            variants.withUnsafeBytes { variantBytes in
                centres.withUnsafeBytes { centreBytes in
                    strips.withUnsafeBytes { stripBytes in
                        (0..<count).map { index in
                            frame(index, raw, variants: variantBytes, centres: centreBytes, strips: stripBytes)
                        }
                    }
                }
            }
        }
    }

    /// Frame `index` of the packed blobs (variants, centres and strips empty when the fingerprint has none).
    private static func frame(
        _ index: Int, _ raw: UnsafeRawBufferPointer, variants: UnsafeRawBufferPointer,
        centres: UnsafeRawBufferPointer, strips: UnsafeRawBufferPointer
    ) -> FingerprintFrame {
        let base = index * frameSize
        var bits: UInt64 = 0
        for byte in 0..<8 { bits |= UInt64(raw[base + 32 + byte]) << (8 * UInt64(byte)) }
        let extra: [PDQHash] =
            variants.isEmpty
            ? [] : (0..<variantCount).map { hash(variants, at: index * variantsSize + $0 * 32) }
        // Four strips a frame, or eight with the mirrored picture's (the layout is the same for every frame).
        let perFrame = strips.isEmpty ? 0 : strips.count / (raw.count / frameSize) / 33
        func strip(_ position: Int) -> StripHash {
            let offset = (index * perFrame + position) * 33
            return StripHash(hash: hash(strips, at: offset), quality: Int(strips[offset + 32]))
        }
        let sides = EdgeStrip.allCases.count
        let edges = perFrame < sides ? [] : EdgeStrip.allCases.map { strip($0.rawValue) }
        let mirrored = perFrame < 2 * sides ? [] : EdgeStrip.allCases.map { strip(sides + $0.rawValue) }
        return FingerprintFrame(
            time: Double(bitPattern: bits), hash: hash(raw, at: base), quality: Int(raw[base + 40]), variants: extra,
            centre: centres.isEmpty ? nil : hash(centres, at: index * 32), strips: edges, mirroredStrips: mirrored)
    }

    /// Unpacks a stored fingerprint whole: frames, variants, centre and strip hashes. `clip` (its SHA-256) is named
    /// in the error when the blobs are damaged.
    public static func unpack(_ record: FingerprintRecord, clip: String? = nil) throws -> [FingerprintFrame] {
        try naming(clip) {
            try unpack(frames: record.frames, variants: record.variants, centres: record.centres, strips: record.strips)
        }
    }

    /// Unpacks what the search index loads: frames, centre and strip hashes, without dihedral variants.
    public static func unpack(_ stored: StoredFingerprintFrames) throws -> [FingerprintFrame] {
        try naming(stored.sha256) { try unpack(frames: stored.frames, centres: stored.centres, strips: stored.strips) }
    }

    /// `body`, with a damaged fingerprint's error naming `clip`.
    private static func naming<T>(_ clip: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch WorkflowError.damagedFingerprint(let part, let bytes, _) {
            throw WorkflowError.damagedFingerprint(part: part, bytes: bytes, clip: clip)
        }
    }

    private static func append(_ hash: PDQHash, to bytes: inout [UInt8]) {
        for word in 0..<4 {
            let value = hash.words[word]
            for byte in (0..<8).reversed() { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * UInt64(byte)))) }
        }
    }

    private static func hash(_ raw: UnsafeRawBufferPointer, at offset: Int) -> PDQHash {
        var words = SIMD4<UInt64>.zero
        for word in 0..<4 {
            var value: UInt64 = 0
            for byte in 0..<8 { value = value << 8 | UInt64(raw[offset + word * 8 + byte]) }
            words[word] = value
        }
        return PDQHash(words: words)
    }
}
