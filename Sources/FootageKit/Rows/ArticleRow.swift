import FootageCatalog
import Foundation

/// An article as `list articles` and `article add` show it: its metadata without the body, and how many claims it
/// was split into.
public struct ArticleRow: Encodable, Sendable {
    /// `A3`.
    public var id: String
    public var sha256: String
    /// How the file was read: `markdown`, `text`, `html` or `jsonld`.
    public var format: String
    public var headline: String
    public var standfirst: String?
    public var url: String?
    public var outlet: String?
    public var published: String?
    public var author: String?
    public var sourcePath: String?
    public var importedAt: String
    public var importedBy: String
    public var claims: Int
    /// `article add`: `imported`, or `known` when the same bytes were imported before.
    public var status: String?

    public init(_ article: ArticleRecord, claims: Int, status: String? = nil) {
        id = article.shortID
        sha256 = article.sha256
        format = article.format
        headline = article.headline
        standfirst = article.standfirst
        url = article.url
        outlet = article.outlet
        published = article.published
        author = article.author
        sourcePath = article.sourcePath
        importedAt = article.importedAt
        importedBy = article.importedBy
        self.claims = claims
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, sha256, format, headline, standfirst, url, outlet, published, author, claims, status
        case sourcePath = "source_path"
        case importedAt = "imported_at"
        case importedBy = "imported_by"
    }
}
