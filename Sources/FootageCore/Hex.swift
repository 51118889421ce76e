import Crypto
import Foundation

extension Sequence where Element == UInt8 {
    /// Lower-case hexadecimal, two digits a byte, in order: the text form of every SHA-256 footage records (as
    /// `sha256sum` prints it) and of PDQ hashes (most significant first).
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(underestimatedCount * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-256 of bytes in memory, as lower-case hex.
public enum Hashing {
    public static func sha256Hex(_ data: some DataProtocol) -> String { SHA256.hash(data: data).hexString }

    /// Of a string's UTF-8 bytes.
    public static func sha256Hex(_ text: String) -> String { sha256Hex(Data(text.utf8)) }
}
