import FootageCatalog
import Foundation

/// A piece of HTML that is safe by construction: the only way untrusted text gets into it is through
/// `HTML.escape`, which every interpolated `String` passes through.
///
/// Markup is written as string literals, whose fixed parts are trusted (they are in the source code) and whose
/// interpolations are escaped: `"<td class=\"title\">\(clip.title)</td>" as HTML` escapes the title, inside
/// element content and attribute values alike (both quote characters are escaped, so a value can close no
/// attribute). Nested `HTML` values are inserted as they are. Attributes are always quoted, and no attribute name
/// or element name is ever made from data.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var markup: String

    public init(stringLiteral value: StaticString) { markup = value.description }

    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    init(trusted markup: String) { self.markup = markup }

    public static let empty = HTML(trusted: "")

    public var description: String { markup }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            markup.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        /// The fixed parts of a literal: written by us, trusted.
        public mutating func appendLiteral(_ literal: StaticString) { markup += literal.description }

        /// Text from anywhere: escaped.
        public mutating func appendInterpolation(_ text: String?) { markup += HTML.escape(text ?? "") }

        /// A word of the catalogue's vocabulary (a stance, a ledger action…), as the catalogue stores it.
        public mutating func appendInterpolation(_ word: some CatalogVocabulary) {
            markup += HTML.escape(word.rawValue)
        }

        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        public mutating func appendInterpolation(_ number: Int64) { markup += String(number) }

        /// A number for an SVG coordinate or a CSS length: at most two decimals.
        public mutating func appendInterpolation(_ number: Double) { markup += HTML.number(number) }

        /// Markup built the same way.
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        public mutating func appendInterpolation(_ parts: [HTML]) { for part in parts { markup += part.markup } }
    }

    /// Escapes text for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'`.
    /// Control characters other than tab, line feed and carriage return are dropped, as HTML does not allow them.
    public static func escape(_ text: String) -> String {
        // Most text (and every base64 picture) has nothing to escape: one pass over the bytes finds that out.
        if !text.utf8.contains(where: needsEscaping) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0x7f || (v >= 0x80 && v < 0xa0) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Bytes that start something `escape` changes: the five special characters, controls, and 0xC2, the lead
    /// byte of the C1 controls (checked properly on the slow path).
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x7f, 0xc2:
            return true
        case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return false
        default:
            return byte < 0x20
        }
    }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int64(rounded)) }
        return String(format: "%.2f", rounded)
    }

    /// A URL shown as text, and a link only when it is an absolute http or https URL.
    public static func link(_ url: String?) -> HTML {
        guard let url, !url.isEmpty else { return "–" }
        if isWebURL(url) { return "<a href=\"\(url)\" rel=\"noopener noreferrer\">\(url)</a>" }
        return "\(url)"
    }

    /// True for `http://…` and `https://…` (case-insensitive, no white space): the only URLs made into links.
    public static func isWebURL(_ url: String) -> Bool {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7f }
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(trusted: lhs.markup + rhs.markup) }

    public static func += (lhs: inout HTML, rhs: HTML) { lhs.markup += rhs.markup }
}

extension Array where Element == HTML {
    public func joined(separator: HTML = .empty) -> HTML {
        HTML(trusted: map(\.markup).joined(separator: separator.markup))
    }
}
