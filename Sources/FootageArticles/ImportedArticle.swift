import Foundation

/// The shape an article file arrived in, detected from its content (the file name is only a hint).
public enum ArticleFormat: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Markdown, usually with YAML front matter between `---` lines.
    case markdown
    /// Plain text: the first non-empty line is the headline.
    case text
    /// A saved web page.
    case html
    /// A schema.org `NewsArticle` (or `Article`, `ReportageNewsArticle`, …) in JSON-LD.
    case jsonld
}

/// A news article read from a file: its metadata and its body as plain text.
///
/// `body` is the text that claims point into: paragraphs are separated by `"\n\n"`, lines inside a
/// paragraph (list items, `<br>`) by `"\n"`, runs of spaces are collapsed, and there is no leading or
/// trailing whitespace. Claim offsets are Unicode scalar offsets into exactly this string.
public struct ImportedArticle: Sendable, Equatable, Codable {
    public var format: ArticleFormat
    public var headline: String
    /// The standfirst (dek, summary, description) when the file has one.
    public var standfirst: String?
    /// The canonical URL when the file names one.
    public var url: String?
    /// The outlet (publisher, site name).
    public var outlet: String?
    /// The publication date normalised to ISO 8601: `2016-07-01` or `2016-07-01T14:03:00Z` /
    /// `2016-07-01T17:03:00+03:00` (the offset the file gave is kept). Nil when absent or not parseable.
    public var published: String?
    /// The publication date as written, kept only when it could not be normalised.
    public var publishedText: String?
    /// Author or authors (several are joined with ", ").
    public var author: String?
    /// Plain text body; see the type's documentation.
    public var body: String
    /// Lower-case hex SHA-256 of the imported bytes, exactly as read.
    public var sha256: String
    /// How the bytes were decoded: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    public var encoding: String

    public init(
        format: ArticleFormat, headline: String, standfirst: String? = nil, url: String? = nil,
        outlet: String? = nil, published: String? = nil, publishedText: String? = nil, author: String? = nil,
        body: String, sha256: String, encoding: String = "utf-8"
    ) {
        self.format = format
        self.headline = headline
        self.standfirst = standfirst
        self.url = url
        self.outlet = outlet
        self.published = published
        self.publishedText = publishedText
        self.author = author
        self.body = body
        self.sha256 = sha256
        self.encoding = encoding
    }
}

/// Metadata gathered by one format's reader before the importer assembles an `ImportedArticle`.
struct ArticleFields: Sendable, Equatable {
    var headline: String?
    var standfirst: String?
    var url: String?
    var outlet: String?
    var published: String?
    var authors: [String] = []
    var body: String = ""

    /// Fills every field still empty here from `other` (earlier sources take precedence).
    mutating func fillGaps(from other: ArticleFields) {
        if headline.isBlank { headline = other.headline }
        if standfirst.isBlank { standfirst = other.standfirst }
        if url.isBlank { url = other.url }
        if outlet.isBlank { outlet = other.outlet }
        if published.isBlank { published = other.published }
        if authors.isEmpty { authors = other.authors }
        if body.isEmpty { body = other.body }
    }
}

extension Optional where Wrapped == String {
    /// True for nil and for strings holding only whitespace.
    var isBlank: Bool {
        switch self {
        case .none: return true
        case .some(let text): return text.allSatisfy { $0.isWhitespace }
        }
    }
}
