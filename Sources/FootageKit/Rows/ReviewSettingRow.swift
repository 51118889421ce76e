import FootageCatalog
import Foundation

/// A publishing setting as `config reviewer` and `article review-url` print it: the reviewing organisation (`name`,
/// `url`) or an article's review page (`article`, `url`), with who set it and when.
public struct ReviewSettingRow: Encodable, Sendable {
    /// `A3` for an article's review URL; absent for the reviewer.
    public var article: String?
    /// The reviewing organisation; absent for a review URL.
    public var name: String?
    public var url: String?
    public var setAt: String
    public var setBy: String

    /// The reviewing organisation.
    public init(_ reviewer: ReviewerRecord) {
        name = reviewer.name
        url = reviewer.url
        setAt = reviewer.createdAt
        setBy = reviewer.createdBy
    }

    /// An article's review page.
    public init(_ reviewURL: ReviewURLRecord) {
        article = ShortID.article.text(reviewURL.articleId)
        url = reviewURL.url
        setAt = reviewURL.createdAt
        setBy = reviewURL.createdBy
    }

    enum CodingKeys: String, CodingKey {
        case article, name, url
        case setAt = "set_at"
        case setBy = "set_by"
    }
}
