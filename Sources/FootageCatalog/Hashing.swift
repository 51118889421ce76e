import Crypto
import Foundation

enum Hashing {
    /// SHA-256 of a string's UTF-8 bytes, as lower-case hex.
    static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).hexString
    }
}
