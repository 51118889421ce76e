/// Checks, in one pass over the bytes and without building values, that a text is canonical JSON (what
/// `JSONValue.canonicalText` writes), and finds the members and elements in it: how `verify` reads a ledger of a
/// hundred thousand events in seconds.
///
/// Canonical means: no white space; object keys in increasing order of their UTF-8 bytes, so no key twice; numbers as
/// the writer prints them (`2`, not `2.0`; `2.5`; `1e-07`); strings with exactly the writer's escapes (`\"`, `\\`,
/// `\n`, `\r`, `\t`, `\b`, `\f`, and `\u00xx` for the other control characters only). Since every value inside a
/// canonical text is canonical too, a member's bytes are that member's canonical text: its SHA-256 can be taken in
/// place.
struct CanonicalJSONScanner {
    let bytes: [UInt8]

    init(_ text: String) { bytes = Array(text.utf8) }

    /// The deepest nesting accepted (as `CanonicalJSONReader`).
    static let maximumDepth = 64

    /// Whether the whole text is one canonical value.
    var isCanonical: Bool { end(of: 0, depth: 0) == bytes.count }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The members of the object starting at `start`, in a text already found canonical (`isCanonical`): each key as
    /// it is written (footage's keys need no escape) and the range of its value.
    func members(ofObjectAt start: Int) -> [(key: String, value: Range<Int>)] {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{") else { return [] }
        var members: [(String, Range<Int>)] = []
        var index = start + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            guard let keyEnd = stringEnd(from: index), keyEnd < bytes.count, let valueEnd = skip(from: keyEnd + 1)
            else { return members }
            members.append((text((index + 1)..<(keyEnd - 1)), (keyEnd + 1)..<valueEnd))
            index = valueEnd
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        return members
    }

    /// The ranges of the elements of the array starting at `start`, in a text already found canonical.
    func elements(ofArrayAt start: Int) -> [Range<Int>] {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return [] }
        var elements: [Range<Int>] = []
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "]"), let valueEnd = skip(from: index) {
            elements.append(index..<valueEnd)
            index = valueEnd
            if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 }
        }
        return elements
    }

    /// Where the value starting at `start` ends, in a text already found canonical: brackets and strings are matched,
    /// nothing else is checked again.
    func skip(from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""): return stringEnd(from: start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(from: index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "}"),
                bytes[index] != UInt8(ascii: "]")
            {
                index += 1
            }
            return index
        }
    }

    /// Where the canonical value starting at `start` ends; nil when it is not canonical.
    func end(of start: Int, depth: Int) -> Int? {
        guard depth <= Self.maximumDepth, start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "{"): return objectEnd(from: start, depth: depth)
        case UInt8(ascii: "["): return arrayEnd(from: start, depth: depth)
        case UInt8(ascii: "\""): return stringEnd(from: start)
        case UInt8(ascii: "t"): return literal("true", at: start)
        case UInt8(ascii: "f"): return literal("false", at: start)
        case UInt8(ascii: "n"): return literal("null", at: start)
        default: return numberEnd(from: start)
        }
    }

    private func literal(_ word: StaticString, at start: Int) -> Int? {
        let count = word.utf8CodeUnitCount
        guard start + count <= bytes.count else { return nil }
        for offset in 0..<count where bytes[start + offset] != word.utf8Start[offset] { return nil }
        return start + count
    }

    private func objectEnd(from start: Int, depth: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "}") { return index + 1 }
        var previousKey: ArraySlice<UInt8>? = nil
        while true {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(from: index) else {
                return nil
            }
            let key = unescaped(bytes[(index + 1)..<(keyEnd - 1)])
            if let previousKey, !previousKey.lexicographicallyPrecedes(key) { return nil }
            previousKey = key
            guard keyEnd < bytes.count, bytes[keyEnd] == UInt8(ascii: ":"),
                let valueEnd = end(of: keyEnd + 1, depth: depth + 1), valueEnd < bytes.count
            else { return nil }
            switch bytes[valueEnd] {
            case UInt8(ascii: ","): index = valueEnd + 1
            case UInt8(ascii: "}"): return valueEnd + 1
            default: return nil
            }
        }
    }

    private func arrayEnd(from start: Int, depth: Int) -> Int? {
        var index = start + 1
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "]") { return index + 1 }
        while true {
            guard let valueEnd = end(of: index, depth: depth + 1), valueEnd < bytes.count else { return nil }
            switch bytes[valueEnd] {
            case UInt8(ascii: ","): index = valueEnd + 1
            case UInt8(ascii: "]"): return valueEnd + 1
            default: return nil
            }
        }
    }

    /// Where the string starting at `start` (its opening quote) ends, past the closing quote; nil when an escape is
    /// not the one the canonical writer uses, or a control character stands unescaped.
    func stringEnd(from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") { return index + 1 }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                    UInt8(ascii: "b"), UInt8(ascii: "f"):
                    index += 2
                case UInt8(ascii: "u"):
                    // Only a control character without a short escape is written this way, in lower-case hex.
                    guard index + 6 <= bytes.count, bytes[index + 2] == UInt8(ascii: "0"),
                        bytes[index + 3] == UInt8(ascii: "0"),
                        let high = Self.hexDigit(bytes[index + 4]), high <= 1, let low = Self.hexDigit(bytes[index + 5])
                    else { return nil }
                    let value = high * 16 + low
                    guard ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(value) else { return nil }
                    index += 6
                default:
                    return nil
                }
                continue
            }
            index += 1
        }
        return nil
    }

    private static func hexDigit(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        default: nil
        }
    }

    /// A key's bytes as they compare in the writer's order: a plain key as it is, an escaped one decoded.
    private func unescaped(_ key: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard key.contains(UInt8(ascii: "\\")) else { return key }
        let text = String(decoding: [UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")], as: UTF8.self)
        guard case .string(let decoded)? = try? CanonicalJSONReader.value(of: text) else { return key }
        return ArraySlice(decoded.utf8)
    }

    private func numberEnd(from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                index += 1
            default:
                guard index > start else { return nil }
                return Self.isCanonicalNumber(text(start..<index)) ? index : nil
            }
        }
        return index > start && Self.isCanonicalNumber(text(start..<index)) ? index : nil
    }

    /// Whether `token` is a number exactly as the canonical writer prints it.
    static func isCanonicalNumber(_ token: String) -> Bool {
        if let integer = Int64(token) { return String(integer) == token }
        guard let double = Double(token), double.isFinite else { return false }
        return JSONValue.double(double).canonicalText == token
    }
}
