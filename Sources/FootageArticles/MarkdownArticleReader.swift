import Foundation

/// Reads a Markdown article, usually with YAML front matter, into metadata and plain text.
///
/// Block rules: blank lines separate paragraphs; soft-wrapped lines join with a space; headings,
/// fenced code and thematic breaks stand as their own paragraphs (the first `#` heading becomes the
/// headline when the front matter has none); list items and hard breaks (two trailing spaces or `\`)
/// become lines; `>` quote markers and reference definitions are dropped. Inline markup is reduced by
/// `MarkdownInline`. One pass over the lines.
enum MarkdownArticleReader {
    static func read(_ text: String) -> ArticleFields {
        var fields = ArticleFields()
        var markdown = text[...]
        if let (matter, rest) = FrontMatter.split(text) {
            markdown = rest
            fields.headline = matter.first("title", "headline")
            fields.standfirst = matter.first("description", "standfirst", "summary", "subtitle", "dek", "excerpt")
            fields.url = matter.first("url", "link", "canonical", "canonical_url", "permalink")
            fields.outlet = matter.first(
                "outlet", "publisher", "publisher.name", "site", "site_name", "source", "publication")
            fields.published = matter.first(
                "published", "date", "pubdate", "published_at", "publish_date", "datepublished", "date_published")
            fields.authors = matter.all("author", "authors", "author.name", "byline")
        }
        let (headline, body) = blocks(markdown, wantsHeadline: fields.headline.isBlank)
        if fields.headline.isBlank { fields.headline = headline }
        fields.body = body
        return fields
    }

    /// The plain text of Markdown blocks, and the first level-one heading when `wantsHeadline`.
    static func blocks(_ markdown: Substring, wantsHeadline: Bool) -> (headline: String?, body: String) {
        var builder = BodyTextBuilder()
        var buffer = ""
        var headline: String? = nil
        var fence: String? = nil

        func flush() {
            let text = MarkdownInline.plainText(buffer)
            buffer = ""
            guard !text.isEmpty else { return }
            builder.append(text)
            builder.lineBreak()
        }
        func standalone(_ text: String, maybeHeadline: Bool) {
            flush()
            let plain = MarkdownInline.plainText(text)
            guard !plain.isEmpty else { return }
            if maybeHeadline, wantsHeadline, headline == nil, builder.isEmpty {
                headline = plain
                return
            }
            builder.paragraphBreak()
            builder.append(plain)
            builder.paragraphBreak()
        }

        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let marker = fence {
                if rawLine.trimmingCharacters(in: .whitespaces).hasPrefix(marker) {
                    fence = nil
                    builder.paragraphBreak()
                } else {
                    builder.append(rawLine)
                    builder.lineBreak()
                }
                continue
            }
            var line = Substring(rawLine.trimmingCharacters(in: .whitespaces))
            var quoteMarkers = 0
            while line.hasPrefix(">"), quoteMarkers < 16 {
                line = Substring(line.dropFirst().trimmingCharacters(in: .whitespaces))
                quoteMarkers += 1
            }
            if line.isEmpty {
                flush()
                builder.paragraphBreak()
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                flush()
                builder.paragraphBreak()
                fence = String(line.prefix(3))
                continue
            }
            if let heading = atxHeading(line) {
                standalone(heading.text, maybeHeadline: heading.level == 1)
                continue
            }
            if isUnderline(line, of: "="), !buffer.isEmpty {
                let text = buffer
                buffer = ""
                standalone(text, maybeHeadline: true)
                continue
            }
            if isUnderline(line, of: "-"), !buffer.isEmpty, !line.contains(" ") {
                let text = buffer
                buffer = ""
                standalone(text, maybeHeadline: false)
                continue
            }
            if isThematicBreak(line) {
                flush()
                builder.paragraphBreak()
                continue
            }
            if isReferenceDefinition(line) { continue }
            if let item = listItemText(line) {
                flush()
                buffer = String(item)
                continue
            }
            let hardBreak = rawLine.hasSuffix("  ") || line.hasSuffix("\\")
            if hardBreak, line.hasSuffix("\\") { line = line.dropLast() }
            buffer += buffer.isEmpty ? String(line) : " " + line
            if hardBreak { flush() }
        }
        flush()
        return (headline, builder.build())
    }

    private static func atxHeading(_ line: Substring) -> (level: Int, text: String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: .whitespaces))
    }

    private static func isUnderline(_ line: Substring, of character: Character) -> Bool {
        !line.isEmpty && line.allSatisfy { $0 == character }
    }

    /// Three or more of one of `*`, `-`, `_`, with spaces between. Stops at the first other character, so a long
    /// line costs nothing (a filtered copy of a 5 MiB line once took 200 MB).
    private static func isThematicBreak(_ line: Substring) -> Bool {
        var mark: Unicode.Scalar? = nil
        var marks = 0
        for scalar in line.unicodeScalars where scalar != " " && scalar != "\t" {
            guard scalar == "*" || scalar == "-" || scalar == "_", mark == nil || mark == scalar else { return false }
            mark = scalar
            marks += 1
        }
        return marks >= 3
    }

    private static func isReferenceDefinition(_ line: Substring) -> Bool {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return false }
        let after = line.index(after: close)
        return after < line.endIndex && line[after] == ":" && line.distance(from: line.startIndex, to: close) > 1
    }

    /// The text of a list item line (`- x`, `* x`, `+ x`, `1. x`, `1) x`), or nil.
    private static func listItemText(_ line: Substring) -> Substring? {
        guard PlainTextArticle.startsWithListMarker(line) else { return nil }
        guard let space = line.firstIndex(of: " ") else { return nil }
        return line[line.index(after: space)...]
    }
}
