import FootageCatalog
import Foundation

/// JSON for people and diff tools: two-space indentation, object keys sorted by their UTF-8 bytes, numbers and
/// strings exactly as in the canonical form. The same value always gives the same bytes.
enum PrettyJSON {
    static func text(_ value: JSONValue) -> String {
        var out = ""
        write(value, indent: 0, to: &out)
        out += "\n"
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch value {
        case .array(let items) where !items.isEmpty:
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 1, to: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += close + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (i, key) in keys.enumerated() {
                out += pad + JSONValue.string(key).canonicalText + ": "
                write(members[key]!, indent: indent + 1, to: &out)
                out += i == keys.count - 1 ? "\n" : ",\n"
            }
            out += close + "}"
        default:
            out += value.canonicalText
        }
    }

    /// A record as a JSON object with snake_case keys.
    static func object<T: Encodable>(_ value: T, dropping: Set<String> = []) -> [String: JSONValue] {
        JSONValue.members(of: value, dropping: dropping)
    }

    /// Stored JSON text parsed back, or the text itself when it does not parse.
    static func parsed(_ text: String?) -> JSONValue {
        guard let text else { return .null }
        return (try? JSONValue(parsing: text)) ?? .string(text)
    }

    /// A kept sidecar's bytes parsed back, or its bytes as text when they do not parse.
    static func parsed(_ bytes: Data) -> JSONValue {
        YtDlpSidecar.json(bytes) ?? .string(String(decoding: bytes, as: UTF8.self))
    }
}
