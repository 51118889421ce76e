import Foundation

/// Reads JSON that must be exactly its own canonical text (`JSONValue.canonicalText`): a ledger payload.
///
/// Two readers can disagree on the same JSON text: with a key given twice, footage's reader kept the first value and
/// others keep the last, so `{"stance":"supports","stance":"contradicts"}` meant one thing to `verify` and another to
/// a script reading the ledger. White space, number forms (`2.0`, `2e0`) and escapes (`\u0041`) do not change what a
/// payload says, but they make two texts for one event, one of them not the text its hash was computed over. So a
/// payload is accepted only when it has no duplicate key and printing what it parses to gives back the very bytes.
public enum CanonicalJSONReader {
    public struct Failure: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// The deepest nesting accepted; footage's own payloads are four levels deep.
    static let maximumDepth = 64

    /// The value `text` holds, when `text` is its canonical serialisation.
    public static func value(of text: String) throws(Failure) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        let value = try reader.document()
        guard value.canonicalText == text else {
            throw Failure(description: "not in canonical form (white space, key order, number or escape forms)")
        }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func document() throws(Failure) -> JSONValue {
            let value = try self.value(depth: 0)
            guard index == bytes.count else { throw failure("text after the value") }
            return value
        }

        func failure(_ what: String) -> Failure {
            Failure(description: "\(what) at byte \(index)")
        }

        var next: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func expect(_ literal: String) throws(Failure) {
            for byte in literal.utf8 {
                guard next == byte else { throw failure("malformed literal") }
                index += 1
            }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard depth <= CanonicalJSONReader.maximumDepth else { throw failure("nested too deeply") }
            switch next {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"):
                try expect("true")
                return .bool(true)
            case UInt8(ascii: "f"):
                try expect("false")
                return .bool(false)
            case UInt8(ascii: "n"):
                try expect("null")
                return .null
            case .some: return try number()
            case .none: throw failure("missing value")
            }
        }

        mutating func object(depth: Int) throws(Failure) -> JSONValue {
            index += 1
            var members: [String: JSONValue] = [:]
            if next == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                guard next == UInt8(ascii: "\"") else { throw failure("expected a key") }
                let key = try string()
                guard members[key] == nil else { throw failure("duplicate key \"\(key)\"") }
                guard next == UInt8(ascii: ":") else { throw failure("expected ':'") }
                index += 1
                members[key] = try value(depth: depth + 1)
                switch next {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "}"):
                    index += 1
                    return .object(members)
                default: throw failure("expected ',' or '}'")
                }
            }
        }

        mutating func array(depth: Int) throws(Failure) -> JSONValue {
            index += 1
            var items: [JSONValue] = []
            if next == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                items.append(try value(depth: depth + 1))
                switch next {
                case UInt8(ascii: ","): index += 1
                case UInt8(ascii: "]"):
                    index += 1
                    return .array(items)
                default: throw failure("expected ',' or ']'")
                }
            }
        }

        /// A string; escapes are decoded here and their form is checked by the comparison with the canonical text.
        mutating func string() throws(Failure) -> String {
            index += 1
            var scalars = String.UnicodeScalarView()
            var start = index
            func flush(_ end: Int) {
                scalars.append(contentsOf: String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars)
            }
            while let byte = next {
                switch byte {
                case UInt8(ascii: "\""):
                    flush(index)
                    index += 1
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush(index)
                    index += 1
                    scalars.append(try escape())
                    start = index
                case 0..<0x20:
                    throw failure("control character in a string")
                default:
                    index += 1
                }
            }
            throw failure("unterminated string")
        }

        mutating func escape() throws(Failure) -> Unicode.Scalar {
            guard let byte = next else { throw failure("unterminated escape") }
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{08}"
            case UInt8(ascii: "f"): return "\u{0C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                // Canonical text escapes only control characters this way, so no surrogate pair can be canonical.
                guard index + 4 <= bytes.count,
                    let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16),
                    let scalar = Unicode.Scalar(code)
                else { throw failure("malformed \\u escape") }
                index += 4
                return scalar
            default: throw failure("unknown escape")
            }
        }

        mutating func number() throws(Failure) -> JSONValue {
            let start = index
            while let byte = next,
                byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (0x30...0x39).contains(byte)
            {
                index += 1
            }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !text.isEmpty else { throw failure("unexpected character") }
            if let integer = Int64(text) { return .int(integer) }
            guard let double = Double(text), double.isFinite else { throw failure("malformed number") }
            return .double(double)
        }
    }
}
