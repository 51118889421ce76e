import Crypto
import Foundation

/// SHA-256 of bytes in memory, as lower-case hex.
enum SHA256Hex {
    static func of(_ data: Data) -> String { of(SHA256.hash(data: data)) }

    static func of(_ digest: SHA256.Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}

enum Hashing {
    static func sha256Hex(_ text: String) -> String { SHA256Hex.of(Data(text.utf8)) }
}
