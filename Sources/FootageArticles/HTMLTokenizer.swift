import Foundation

/// One piece of an HTML document, as the tokenizer sees it.
enum HTMLToken: Equatable {
    /// Character data between tags, entities not yet decoded.
    case text(ArraySlice<Unicode.Scalar>)
    /// The content of a raw-text element (`script`, `style`, `title`, `textarea`, …), undecoded.
    case rawText(element: String, content: ArraySlice<Unicode.Scalar>)
    /// A start tag with lower-cased name, lower-cased attribute names and entity-decoded values.
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    case endTag(name: String)
    /// Comments, doctypes, processing instructions, CDATA: nothing the reader keeps.
    case ignorable
}

struct HTMLAttribute: Equatable, Sendable {
    var name: String
    var value: String
}

/// A tolerant, linear-time HTML tokenizer after the WHATWG tokenizer's main states.
///
/// It never backtracks more than a constant amount: every scalar is examined a bounded number of times,
/// so hostile input (unclosed tags, `>` inside quoted attribute values, an unterminated `<!--`) costs
/// time proportional to its length. A tag cut off by the end of the input is dropped, as browsers do;
/// an unterminated comment runs to the end. It builds no tree; `HTMLArticleReader` tracks nesting.
/// See https://html.spec.whatwg.org/multipage/parsing.html#tokenization
struct HTMLTokenizer {
    static let rawTextElements: Set<String> = [
        "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "plaintext",
    ]
    static let maximumAttributes = 64
    static let maximumNameLength = 64

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var pendingRawText: String? = nil

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func next() -> HTMLToken? {
        if let element = pendingRawText {
            pendingRawText = nil
            return rawText(of: element)
        }
        guard index < scalars.count else { return nil }
        if scalars[index] != "<" { return textUntilTag() }
        let following = index + 1 < scalars.count ? scalars[index + 1] : nil
        guard let following else {
            index += 1
            return .text(scalars[(index - 1)..<index])
        }
        if Self.isASCIILetter(following) { return startTag() }
        if following == "/" {
            if index + 2 < scalars.count, Self.isASCIILetter(scalars[index + 2]) { return endTag() }
            return bogusComment(from: index + 2)
        }
        if following == "!" {
            if matches("<!--", at: index) { return comment() }
            return bogusComment(from: index + 2)
        }
        if following == "?" { return bogusComment(from: index + 1) }
        index += 1
        return .text(scalars[(index - 1)..<index])
    }

    private mutating func textUntilTag() -> HTMLToken {
        let start = index
        while index < scalars.count, scalars[index] != "<" { index += 1 }
        return .text(scalars[start..<index])
    }

    private mutating func startTag() -> HTMLToken? {
        index += 1
        let name = readName()
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) {
                index += 1
                continue
            }
            if scalar == ">" {
                index += 1
                if Self.rawTextElements.contains(name), !selfClosing { pendingRawText = name }
                return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
            }
            if scalar == "/" {
                selfClosing = true
                index += 1
                continue
            }
            selfClosing = false
            let attribute = readAttribute()
            if attributes.count < Self.maximumAttributes, !attribute.name.isEmpty,
                !attributes.contains(where: { $0.name == attribute.name })
            {
                attributes.append(attribute)
            }
        }
        return nil  // end of input inside a tag: the tag is dropped
    }

    private mutating func endTag() -> HTMLToken? {
        index += 2
        let name = readName()
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == ">" { return .endTag(name: name) }
            if scalar == "\"" || scalar == "'" {
                while index < scalars.count, scalars[index] != scalar { index += 1 }
                index += 1
            }
        }
        return nil
    }

    /// Reads a tag name: everything up to whitespace, `/` or `>`, lower-cased, at most 64 characters kept.
    private mutating func readName() -> String {
        var name = String.UnicodeScalarView()
        var length = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) || scalar == "/" || scalar == ">" { break }
            if length < Self.maximumNameLength { name.append(Self.lowercased(scalar)) }
            length += 1
            index += 1
        }
        return String(name)
    }

    private mutating func readAttribute() -> HTMLAttribute {
        var name = String.UnicodeScalarView()
        var length = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if Self.isSpace(scalar) || scalar == "/" || scalar == ">" || (scalar == "=" && length > 0) { break }
            if length < Self.maximumNameLength { name.append(Self.lowercased(scalar)) }
            length += 1
            index += 1
        }
        while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == "=" else { return HTMLAttribute(name: String(name), value: "") }
        index += 1
        while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
        guard index < scalars.count else { return HTMLAttribute(name: String(name), value: "") }
        let quote = scalars[index]
        let valueStart: Int, valueEnd: Int
        if quote == "\"" || quote == "'" {
            valueStart = index + 1
            valueEnd = skip(past: quote) ? index - 1 : index
        } else {
            valueStart = index
            while index < scalars.count, !Self.isSpace(scalars[index]), scalars[index] != ">" { index += 1 }
            valueEnd = index
        }
        let value = HTMLEntities.decode(scalars[valueStart..<max(valueStart, valueEnd)])
        return HTMLAttribute(name: String(name), value: value)
    }

    /// Moves past the next `quote` after the current one; false when the input ends first.
    @discardableResult
    private mutating func skip(past quote: Unicode.Scalar) -> Bool {
        index += 1
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == quote { return true }
        }
        return false
    }

    private mutating func rawText(of element: String) -> HTMLToken {
        let start = index
        let closing = Array("</\(element)".unicodeScalars)
        while index < scalars.count {
            if scalars[index] == "<", matchesCaseInsensitive(closing, at: index) {
                let after = index + closing.count
                if after >= scalars.count || Self.isSpace(scalars[after]) || scalars[after] == ">"
                    || scalars[after] == "/"
                {
                    return .rawText(element: element, content: scalars[start..<index])
                }
            }
            index += 1
        }
        return .rawText(element: element, content: scalars[start..<index])
    }

    private mutating func comment() -> HTMLToken {
        index += 4
        if index < scalars.count, scalars[index] == ">" {
            index += 1
            return .ignorable
        }
        if matches("->", at: index) {
            index += 2
            return .ignorable
        }
        while index < scalars.count {
            if scalars[index] == "-", matches("-->", at: index) {
                index += 3
                return .ignorable
            }
            index += 1
        }
        return .ignorable
    }

    private mutating func bogusComment(from start: Int) -> HTMLToken {
        index = start
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == ">" { break }
        }
        return .ignorable
    }

    private func matches(_ literal: String, at position: Int) -> Bool {
        var cursor = position
        for scalar in literal.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    private func matchesCaseInsensitive(_ literal: [Unicode.Scalar], at position: Int) -> Bool {
        guard position + literal.count <= scalars.count else { return false }
        for offset in 0..<literal.count where Self.lowercased(scalars[position + offset]) != literal[offset] {
            return false
        }
        return true
    }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }

    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lower
    }
}
