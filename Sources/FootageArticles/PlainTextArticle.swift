import Foundation

/// Reads a plain-text article: the first non-empty line is the headline, the rest is the body.
///
/// Paragraphs are separated by blank lines; in a file without any blank line every line is a paragraph.
/// A file whose lines are all at most 100 characters long is taken as hard-wrapped (at 72 or 80 columns):
/// inside its paragraphs a line break is kept only when the line before it ends a sentence, is short
/// (under 40 characters: a list item, a dateline) or the next line starts with a list marker; otherwise
/// the two lines are joined with a space. In other files every line break is kept.
enum PlainTextArticle {
    static func read(_ text: String) -> ArticleFields {
        var fields = ArticleFields()
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines = lines.dropFirst() }
        guard let headline = lines.first else { return fields }
        fields.headline = String(headline).nonBlank
        fields.body = body(of: Array(lines.dropFirst()))
        return fields
    }

    /// Joins lines into a body using the rules in the type's documentation.
    static func body(of lines: [Substring]) -> String {
        var builder = BodyTextBuilder()
        var previous: Substring? = nil
        let isBlank = { (line: Substring) in line.allSatisfy(\.isWhitespace) }
        let firstText = lines.firstIndex { !isBlank($0) } ?? lines.endIndex
        let lastText = lines.lastIndex { !isBlank($0) } ?? firstText
        let hasBlankLines = firstText < lastText && lines[firstText...lastText].contains(where: isBlank)
        let hardWrapped = lines.allSatisfy { $0.unicodeScalars.count <= 100 }
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                builder.paragraphBreak()
                previous = nil
                continue
            }
            if let previous {
                if !hasBlankLines {
                    builder.paragraphBreak()
                } else if !hardWrapped || keepsBreak(after: previous, before: trimmed) {
                    builder.lineBreak()
                } else {
                    builder.append(" ")
                }
            }
            builder.append(trimmed)
            previous = Substring(trimmed)
        }
        return builder.build()
    }

    private static func keepsBreak(after line: Substring, before next: String) -> Bool {
        if line.unicodeScalars.count < 40 { return true }
        if let last = line.unicodeScalars.last, ".!?:;”\"’'…)]".unicodeScalars.contains(last) { return true }
        return startsWithListMarker(next)
    }

    static func startsWithListMarker(_ line: some StringProtocol) -> Bool {
        let scalars = Array(line.unicodeScalars.prefix(12))
        guard let first = scalars.first else { return false }
        if "-*+•".unicodeScalars.contains(first) { return scalars.count > 1 && scalars[1] == " " }
        var index = 0
        while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
        return index > 0 && index + 1 < scalars.count && (scalars[index] == "." || scalars[index] == ")")
            && scalars[index + 1] == " "
    }
}
