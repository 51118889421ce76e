import Foundation

/// Turns an article file's bytes into a `String`, or refuses them with an `ArticleError`.
///
/// Decoding policy, in order:
/// 1. A UTF-16 byte order mark (`FF FE` or `FE FF`) selects UTF-16; the bytes must then be valid UTF-16.
/// 2. Otherwise any NUL byte means the file is binary (no text format we accept contains NUL).
/// 3. Strict UTF-8 (a UTF-8 byte order mark is dropped).
/// 4. Windows-1252 as a fallback for legacy pages and word-processor exports, but only when it is clearly
///    text: none of the five bytes Windows-1252 leaves undefined (`81 8D 8F 90 9D`) appear. Latin-1 is a
///    subset of what this accepts, except for its C1 controls, which no real article contains.
/// After decoding, text in which more than 5% of the characters are control characters (other than tab,
/// line feed, carriage return and form feed) is refused as binary. Line endings become `"\n"`.
enum ArticleTextDecoder {
    struct Decoded: Sendable, Equatable {
        var text: String
        var encoding: String
    }

    static func decode(_ data: Data, fileName: String) throws(ArticleError) -> Decoded {
        let bytes = [UInt8](data)
        var decoded: Decoded
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = decodeUTF16(bytes.dropFirst(2), littleEndian: littleEndian) else {
                throw .undecodable(fileName: fileName, detail: "invalid UTF-16 after a byte order mark")
            }
            decoded = Decoded(text: text, encoding: littleEndian ? "utf-16le" : "utf-16be")
        } else if bytes.contains(0) {
            throw .binary(fileName: fileName)
        } else {
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            if let text = strictDecode(body, as: UTF8.self) {
                decoded = Decoded(text: text, encoding: "utf-8")
            } else if let text = decodeWindows1252(body) {
                decoded = Decoded(text: text, encoding: "windows-1252")
            } else {
                throw .undecodable(
                    fileName: fileName, detail: "invalid UTF-8, and bytes undefined in Windows-1252")
            }
        }
        if decoded.text.hasPrefix("\u{FEFF}") { decoded.text.removeFirst() }
        if looksBinary(decoded.text) { throw .binary(fileName: fileName) }
        decoded.text = normaliseLineEndings(decoded.text)
        return decoded
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | (second << 8) : (first << 8) | second)
            index += 2
        }
        return strictDecode(units, as: UTF16.self)
    }

    /// Decodes `units`, returning nil at the first ill-formed sequence (no replacement characters).
    /// The standard library's repairing decoder is the fast path; only text holding U+FFFD (written in the
    /// file, or a repair) is decoded again strictly to tell the two apart.
    private static func strictDecode<Units: Collection, Encoding: Unicode.Encoding>(
        _ units: Units, as encoding: Encoding.Type
    ) -> String? where Units.Element == Encoding.CodeUnit {
        let repaired = String(decoding: units, as: encoding)
        guard repaired.unicodeScalars.contains("\u{FFFD}") else { return repaired }
        var scalars = String.UnicodeScalarView()
        let failed = transcode(units.makeIterator(), from: encoding, to: UTF32.self, stoppingOnError: true) { unit in
            if let scalar = Unicode.Scalar(unit) { scalars.append(scalar) }
        }
        return failed ? nil : String(scalars)
    }

    /// The 32 characters Windows-1252 puts at 0x80…0x9F; nil marks the five undefined bytes.
    private static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    private static func decodeWindows1252(_ bytes: ArraySlice<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value: UInt32
            if byte >= 0x80 && byte <= 0x9F {
                guard let mapped = windows1252High[Int(byte - 0x80)] else { return nil }
                value = mapped
            } else {
                value = UInt32(byte)
            }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            scalars.append(scalar)
        }
        return String(scalars)
    }

    private static func looksBinary(_ text: String) -> Bool {
        var total = 0, control = 0
        for scalar in text.unicodeScalars {
            total += 1
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x00...0x1F, 0x7F: control += 1
            default: continue
            }
        }
        return control > 0 && control * 20 > total
    }

    private static func normaliseLineEndings(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                out.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { out.append(scalar) }
            previousWasCR = false
        }
        return String(out)
    }
}
