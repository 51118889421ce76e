import Foundation
import Testing

@testable import FootageMedia

@Suite struct PDQHashTests {
    static let sample = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"

    @Test func hexRoundTrips() throws {
        let hash = try #require(PDQHash(hex: Self.sample))
        #expect(hash.hex == Self.sample)
        #expect(hash.description == Self.sample)
        #expect(PDQHash(hex: Self.sample.uppercased()) == hash)
        #expect(hash.words[0] == 0xd8f8_f0cc_e0f4_a84f)
        #expect(hash.words[3] == 0x33e6_b39c_4e9c_9b22)
    }

    @Test(arguments: [
        "", "d8f8", String(repeating: "0", count: 63), String(repeating: "0", count: 65),
        String(repeating: "0", count: 63) + "g", String(repeating: "0", count: 62) + " 1",
    ])
    func malformedHexIsRejected(_ text: String) {
        #expect(PDQHash(hex: text) == nil)
    }

    /// Bit k of the reference (`row * 16 + column` of the DCT block) is bit k of the hex number.
    @Test func bitsCountFromTheLastHexDigit() throws {
        let lowest = try #require(PDQHash(hex: String(repeating: "0", count: 63) + "1"))
        #expect(lowest.bit(0))
        #expect(!lowest.bit(1))
        #expect(lowest.nonzeroBitCount == 1)
        let highest = try #require(PDQHash(hex: "8" + String(repeating: "0", count: 63)))
        #expect(highest.bit(255))
        let row1 = try #require(PDQHash(hex: String(repeating: "0", count: 56) + "00010000"))
        #expect(row1.bit(16))
    }

    @Test func distanceCountsDifferingBits() throws {
        let zero = PDQHash.zero
        let ones = try #require(PDQHash(hex: String(repeating: "f", count: 64)))
        #expect(zero.distance(to: ones) == 256)
        #expect(ones.distance(to: ones) == 0)
        let a = try #require(PDQHash(hex: Self.sample))
        // The reference's flipx variant of the same photograph (pdq/expected-ppm.tsv).
        let b = try #require(PDQHash(hex: "d8f80f31e0f417b00e37f5dd028f980fb36ed12a9662c1e233e64c634e9c64dd"))
        #expect(a.distance(to: b) == b.distance(to: a))
        #expect(a.distance(to: b) == 126)
        let oneNibble = try #require(PDQHash(hex: "f" + String(repeating: "0", count: 63)))
        let otherNibble = try #require(PDQHash(hex: "1" + String(repeating: "0", count: 63)))
        #expect(oneNibble.distance(to: otherNibble) == 3)
    }

    @Test func encodesAsItsHexText() throws {
        let hash = try #require(PDQHash(hex: Self.sample))
        let json = try JSONEncoder().encode([hash])
        #expect(String(decoding: json, as: UTF8.self) == "[\"\(Self.sample)\"]")
        #expect(try JSONDecoder().decode([PDQHash].self, from: json) == [hash])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([PDQHash].self, from: Data("[\"00\"]".utf8)) }
    }

    @Test func medianIsTheLowerMiddleValue() {
        var values: [Float] = (0..<256).map { Float(($0 * 97) % 256) }
        #expect(values.withUnsafeBufferPointer { TorbenMedian.median(of: $0.baseAddress!, count: 256) } == 127)
        values = [3, 1, 2]
        #expect(values.withUnsafeBufferPointer { TorbenMedian.median(of: $0.baseAddress!, count: 3) } == 2)
        values = [5, 5, 5, 5]
        #expect(values.withUnsafeBufferPointer { TorbenMedian.median(of: $0.baseAddress!, count: 4) } == 5)
    }
}
