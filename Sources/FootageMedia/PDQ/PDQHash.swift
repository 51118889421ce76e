import FootageCore

/// A 256-bit PDQ perceptual image hash.
///
/// The bits are kept as four 64-bit words, most significant first, so that the Hamming distance is four
/// population counts. The text form is the one of Meta's reference implementation: 64 lowercase hex digits,
/// most significant first. Bit `k` of the hash (`k = row * 16 + column` of the 16×16 DCT block) is bit `k` of
/// that 256-bit number, so bit 0 is the lowest bit of the last hex digit.
///
/// See <https://github.com/facebook/ThreatExchange/tree/main/pdq> for the algorithm and its reference code.
public struct PDQHash: Sendable, Hashable, CustomStringConvertible, Codable {
    /// The 256 bits as four words; `words[0]` holds bits 255…192 (the first 16 hex digits).
    public let words: SIMD4<UInt64>

    /// The number of bits in a hash.
    public static let bitCount = 256

    /// The hash with no bit set: what the reference gives for images too small to hash.
    public static let zero = PDQHash(words: .zero)

    public init(words: SIMD4<UInt64>) {
        self.words = words
    }

    /// Reads the reference text form: exactly 64 hex digits (either case), most significant first.
    public init?(hex: String) {
        let utf8 = hex.utf8
        guard utf8.count == 64 else { return nil }
        var words = SIMD4<UInt64>.zero
        var index = 0
        for byte in utf8 {
            guard let nibble = Self.nibble(byte) else { return nil }
            words[index / 16] = words[index / 16] << 4 | UInt64(nibble)
            index += 1
        }
        self.words = words
    }

    /// The reference text form: 64 lowercase hex digits, most significant first.
    public var hex: String {
        withUnsafeBytes(of: SIMD4(words[0].bigEndian, words[1].bigEndian, words[2].bigEndian, words[3].bigEndian)) {
            $0.hexString
        }
    }

    public var description: String { hex }

    /// The number of bits that differ (0…256). The reference treats 31 or fewer as a match.
    public func distance(to other: PDQHash) -> Int {
        let difference = words ^ other.words
        return difference[0].nonzeroBitCount + difference[1].nonzeroBitCount
            + difference[2].nonzeroBitCount + difference[3].nonzeroBitCount
    }

    /// Whether bit `index` (0…255, `row * 16 + column` of the DCT block) is set.
    public func bit(_ index: Int) -> Bool {
        precondition((0..<Self.bitCount).contains(index), "PDQ bit index out of range")
        return words[3 - index / 64] >> UInt64(index % 64) & 1 == 1
    }

    /// The number of bits set.
    public var nonzeroBitCount: Int {
        words[0].nonzeroBitCount + words[1].nonzeroBitCount + words[2].nonzeroBitCount + words[3].nonzeroBitCount
    }

    // Encoded as its text form, which is how catalogues, JSON output and the reference tools exchange hashes.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let hash = PDQHash(hex: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a PDQ hash (64 hex digits expected): \(text.prefix(80))")
        }
        self = hash
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hex)
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension PDQHash {
    /// Builds a hash from the 16×16 block of DCT coefficients: bit `k` is set when coefficient `k` is above
    /// the block's median, as the reference does.
    init(thresholding block: UnsafePointer<Float>) {
        let median = TorbenMedian.median(of: block, count: 256)
        var words = SIMD4<UInt64>.zero
        for k in 0..<256 where block[k] > median {
            words[3 - k / 64] |= 1 << UInt64(k % 64)
        }
        self.init(words: words)
    }
}
