import Crypto
import FootageCore
import Foundation

/// Imports a news article from a file's bytes: detects the format, decodes the text, reads metadata and
/// reduces the body to plain text. Pure: no file system, network or global state.
public enum ArticleImporter {
    /// The largest input accepted: 5 MiB. A saved article page is far smaller; anything larger is
    /// refused before any parsing, which bounds the work every parser does.
    public static let maximumBytes = 5 * 1024 * 1024

    /// Imports one article.
    ///
    /// The format is detected from the content, with the file name's extension as a hint:
    /// text starting with `{` or `[` that parses as JSON is JSON-LD (a `.json`/`.jsonld` file must);
    /// a first line `---` opening front matter, or a `.md`/`.markdown` name, is Markdown; a document
    /// whose first kilobyte holds `<!doctype html`, `<html`, `<head`, `<body`, `<article` or `<meta`, or
    /// a `.htm`/`.html`/`.xhtml` name with a leading `<`, is HTML; anything else is plain text.
    /// A leading body paragraph that repeats the headline or standfirst is dropped.
    /// - Parameters:
    ///   - data: the file's bytes exactly as read; `sha256` is their hash.
    ///   - fileName: used for the extension hint and in error messages.
    public static func parse(data: Data, fileName: String) throws(ArticleError) -> ImportedArticle {
        guard data.count <= maximumBytes else {
            throw .tooLarge(fileName: fileName, bytes: data.count, limit: maximumBytes)
        }
        guard !data.isEmpty else { throw .empty(fileName: fileName) }
        let decoded = try ArticleTextDecoder.decode(data, fileName: fileName)
        guard decoded.text.contains(where: { !$0.isWhitespace }) else { throw .empty(fileName: fileName) }

        let format = detectFormat(decoded.text, fileName: fileName)
        var fields: ArticleFields
        switch format {
        case .jsonld:
            do {
                fields = try JSONLDArticleReader.read(Data(decoded.text.utf8))
            } catch {
                throw .malformedJSONLD(fileName: fileName, detail: error.detail)
            }
        case .html: fields = HTMLArticleReader.read(decoded.text)
        case .markdown: fields = MarkdownArticleReader.read(decoded.text)
        case .text: fields = PlainTextArticle.read(decoded.text)
        }

        let headline = fields.headline?.collapsingWhitespace.nonBlank ?? fileStem(fileName)
        let standfirst = fields.standfirst?.collapsingWhitespace.nonBlank
        let body = droppingLeadingRepeats(of: [headline, standfirst].compactMap { $0 }, in: fields.body)
        guard !body.isEmpty else { throw .noBodyText(fileName: fileName, format: format) }

        let rawDate = fields.published?.collapsingWhitespace.nonBlank
        let normalisedDate = rawDate.flatMap(PublishedDate.normalise)
        var authors: [String] = []
        for author in fields.authors.compactMap({ $0.collapsingWhitespace.nonBlank }) where !authors.contains(author) {
            authors.append(author)
        }
        return ImportedArticle(
            format: format,
            headline: headline,
            standfirst: standfirst,
            url: fields.url?.collapsingWhitespace.nonBlank,
            outlet: fields.outlet?.collapsingWhitespace.nonBlank,
            published: normalisedDate,
            publishedText: normalisedDate == nil ? rawDate : nil,
            author: authors.isEmpty ? nil : authors.joined(separator: ", "),
            body: body,
            sha256: SHA256.hash(data: data).hexString,
            encoding: decoded.encoding
        )
    }

    static func detectFormat(_ text: String, fileName: String) -> ArticleFormat {
        let lowerName = fileName.lowercased()
        let hasExtension = { (extensions: [String]) in extensions.contains { lowerName.hasSuffix("." + $0) } }
        let start = text.drop { $0.isWhitespace }
        if start.first == "{" || start.first == "[" {
            if hasExtension(["json", "jsonld"]) { return .jsonld }
            if JSONLDArticleReader.looksLikeJSON(Data(start.utf8)) { return .jsonld }
        }
        if hasExtension(["json", "jsonld"]) { return .jsonld }
        if start.hasPrefix("---"), FrontMatter.split(String(start)) != nil { return .markdown }
        let head = start.prefix(1024).lowercased()
        let htmlMarkers = ["<!doctype html", "<html", "<head", "<body", "<article", "<meta "]
        if htmlMarkers.contains(where: { head.contains($0) }) { return .html }
        if hasExtension(["htm", "html", "xhtml"]) && start.first == "<" { return .html }
        if hasExtension(["md", "markdown", "mdown", "mkd"]) { return .markdown }
        return .text
    }

    /// The body without leading paragraphs that repeat `titles` (compared ignoring case and spacing).
    private static func droppingLeadingRepeats(of titles: [String], in body: String) -> String {
        let normalisedTitles = Set(titles.map { $0.lowercased() })
        var rest = body[...]
        for _ in 0..<2 {
            let paragraphEnd = rest.range(of: "\n\n")
            let paragraph = paragraphEnd.map { rest[..<$0.lowerBound] } ?? rest
            guard normalisedTitles.contains(String(paragraph).collapsingWhitespace.lowercased()) else { break }
            rest = paragraphEnd.map { rest[$0.upperBound...] } ?? ""
        }
        return String(rest)
    }

    private static func fileStem(_ fileName: String) -> String {
        let base = fileName.split(separator: "/").last.map(String.init) ?? fileName
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}
