import Foundation

/// Assembles an article body from pieces of text and breaks, in linear time.
///
/// Whitespace inside text collapses to single spaces (as in HTML), breaks never stack (a paragraph break
/// wins over a line break), and nothing leads or trails: the result has paragraphs separated by `"\n\n"`
/// and lines separated by `"\n"`, which is the form `ImportedArticle.body` documents.
struct BodyTextBuilder: Sendable {
    private enum Pending: Int {
        case nothing = 0
        case space, line, paragraph
    }

    private var scalars = String.UnicodeScalarView()
    private var pending: Pending = .nothing

    var isEmpty: Bool { scalars.isEmpty }

    /// Appends text; every run of whitespace (including newlines) becomes one space.
    mutating func append(_ text: some StringProtocol) {
        for scalar in text.unicodeScalars { append(scalar) }
    }

    mutating func append(_ scalar: Unicode.Scalar) {
        if Self.isCollapsible(scalar) {
            if pending == .nothing { pending = .space }
            return
        }
        if !scalars.isEmpty {
            switch pending {
            case .nothing: break
            case .space: scalars.append(" ")
            case .line: scalars.append("\n")
            case .paragraph:
                scalars.append("\n")
                scalars.append("\n")
            }
        }
        pending = .nothing
        scalars.append(scalar)
    }

    /// Ends the current line (a `<br>`, a list item).
    mutating func lineBreak() {
        if pending.rawValue < Pending.line.rawValue { pending = .line }
    }

    /// Ends the current paragraph (a block element, a blank line).
    mutating func paragraphBreak() {
        pending = .paragraph
    }

    func build() -> String { String(scalars) }

    /// Spaces, tabs, newlines, no-break spaces and the other Unicode spaces; zero-width characters too.
    static func isCollapsible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        case 0x00...0x08, 0x0E...0x1F, 0x7F:
            return true
        default:
            return false
        }
    }
}

extension String {
    /// The text with whitespace runs collapsed to one space and no leading or trailing whitespace.
    var collapsingWhitespace: String {
        var builder = BodyTextBuilder()
        builder.append(self)
        return builder.build()
    }

    /// Nil when the collapsed text is empty.
    var nonBlank: String? {
        let collapsed = collapsingWhitespace
        return collapsed.isEmpty ? nil : collapsed
    }
}
