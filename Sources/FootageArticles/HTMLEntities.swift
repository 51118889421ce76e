import Foundation

/// Decodes HTML character references: the common named ones and all numeric ones.
///
/// Named references need their `;`, except the five that pages often leave bare (`&amp`, `&lt`, `&gt`,
/// `&quot`, `&nbsp`). Numeric references outside Unicode, surrogates and NUL become U+FFFD, as browsers
/// do. Unknown names are left as written. Linear time: a reference is at most 32 characters long.
/// See https://html.spec.whatwg.org/multipage/syntax.html#character-references
enum HTMLEntities {
    static let named: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0xA0,
        "ndash": 0x2013, "mdash": 0x2014, "hellip": 0x2026, "lsquo": 0x2018, "rsquo": 0x2019,
        "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E, "laquo": 0xAB, "raquo": 0xBB,
        "lsaquo": 0x2039, "rsaquo": 0x203A, "bull": 0x2022, "middot": 0xB7, "copy": 0xA9, "reg": 0xAE,
        "trade": 0x2122, "deg": 0xB0, "euro": 0x20AC, "pound": 0xA3, "yen": 0xA5, "cent": 0xA2,
        "sect": 0xA7, "para": 0xB6, "times": 0xD7, "divide": 0xF7, "minus": 0x2212, "plusmn": 0xB1,
        "frac12": 0xBD, "frac14": 0xBC, "frac34": 0xBE, "shy": 0xAD, "thinsp": 0x2009, "ensp": 0x2002,
        "emsp": 0x2003, "zwj": 0x200D, "zwnj": 0x200C, "prime": 0x2032, "Prime": 0x2033, "dagger": 0x2020,
        "aacute": 0xE1, "eacute": 0xE9, "iacute": 0xED, "oacute": 0xF3, "uacute": 0xFA, "Aacute": 0xC1,
        "Eacute": 0xC9, "Iacute": 0xCD, "Oacute": 0xD3, "Uacute": 0xDA, "agrave": 0xE0, "egrave": 0xE8,
        "ugrave": 0xF9, "Agrave": 0xC0, "Egrave": 0xC8, "acirc": 0xE2, "ecirc": 0xEA, "icirc": 0xEE,
        "ocirc": 0xF4, "ucirc": 0xFB, "auml": 0xE4, "euml": 0xEB, "iuml": 0xEF, "ouml": 0xF6, "uuml": 0xFC,
        "Auml": 0xC4, "Ouml": 0xD6, "Uuml": 0xDC, "szlig": 0xDF, "ccedil": 0xE7, "Ccedil": 0xC7,
        "ntilde": 0xF1, "Ntilde": 0xD1, "atilde": 0xE3, "otilde": 0xF5, "aring": 0xE5, "Aring": 0xC5,
        "oslash": 0xF8, "Oslash": 0xD8, "aelig": 0xE6, "AElig": 0xC6,
    ]
    private static let bareAllowed: Set<String> = ["amp", "lt", "gt", "quot", "nbsp"]

    static func decode(_ text: String) -> String {
        guard text.unicodeScalars.contains("&") else { return text }
        return decode(Array(text.unicodeScalars)[...])
    }

    static func decode(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "&", let (decoded, next) = reference(in: scalars, at: index) {
                out.append(decoded)
                index = next
            } else {
                out.append(scalar)
                index += 1
            }
        }
        return String(out)
    }

    /// The character a reference starting at `start` (an `&`) stands for, and the index after it.
    private static func reference(
        in scalars: ArraySlice<Unicode.Scalar>, at start: Int
    ) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < scalars.endIndex else { return nil }
        if scalars[index] == "#" {
            index += 1
            var radix: UInt32 = 10
            if index < scalars.endIndex, scalars[index] == "x" || scalars[index] == "X" {
                radix = 16
                index += 1
            }
            var value: UInt32 = 0, digits = 0
            while index < scalars.endIndex, let digit = digitValue(scalars[index], radix: radix) {
                if digits < 8 { value = value * radix + digit }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.endIndex, scalars[index] == ";" { index += 1 }
            let valid = digits <= 7 && value != 0 && !(0xD800...0xDFFF).contains(value) && value <= 0x10FFFF
            let scalar = valid ? Unicode.Scalar(value) ?? "\u{FFFD}" : "\u{FFFD}"
            return (windows1252Remap(scalar), index)
        }
        var name = ""
        while index < scalars.endIndex, name.unicodeScalars.count < 32,
            isASCIILetterOrDigit(scalars[index])
        {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard let value = named[name], let scalar = Unicode.Scalar(value) else { return nil }
        if index < scalars.endIndex, scalars[index] == ";" { return (scalar, index + 1) }
        return bareAllowed.contains(name) ? (scalar, index) : nil
    }

    private static func isASCIILetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, radix: UInt32) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f" where radix == 16: return scalar.value - 0x61 + 10
        case "A"..."F" where radix == 16: return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// Browsers read `&#150;` and friends as Windows-1252; so do we, for the common punctuation.
    private static func windows1252Remap(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x91: return "\u{2018}"
        case 0x92: return "\u{2019}"
        case 0x93: return "\u{201C}"
        case 0x94: return "\u{201D}"
        case 0x96: return "\u{2013}"
        case 0x97: return "\u{2014}"
        case 0x85: return "\u{2026}"
        default: return scalar
        }
    }
}
