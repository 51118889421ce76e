import FootageCatalog
import Foundation

/// A claim, the same wherever one is shown (`claims`, `list claims`, `claim add`, `article add`, and `xref`, which
/// adds the claim's evidence).
public struct ClaimRow: Encodable, Sendable {
    /// `C17`.
    public var id: String
    /// `A3`.
    public var article: String
    public var articleId: Int64
    /// Position in the article, 1-based.
    public var idx: Int
    public var text: String
    /// The span in the article body, in Unicode scalars; absent for a claim added by hand that is not in the body.
    public var start: Int?
    public var end: Int?
    /// `figure`, `attribution`, `quote`, `footage`, `event`.
    public var kinds: [String]
    public var attribution: String?
    /// What extraction found: figures, quotes, footage references.
    public var details: JSONValue
    /// `extracted` or `analyst`.
    public var origin: ClaimOrigin
    public var createdAt: String
    public var createdBy: String

    public init(_ claim: ClaimRecord) {
        id = claim.shortID
        article = "A\(claim.articleId)"
        articleId = claim.articleId
        idx = claim.idx
        text = claim.text
        start = claim.start
        end = claim.end
        kinds = claim.kindList
        attribution = claim.attribution
        details = claim.detailsValue
        origin = claim.origin
        createdAt = claim.createdAt
        createdBy = claim.createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, article, idx, text, start, end, kinds, attribution, details, origin
        case articleId = "article_id"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}
