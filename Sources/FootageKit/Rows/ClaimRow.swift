import FootageCatalog
import Foundation

/// A claim, the same wherever one is shown (`claims`, `list claims`, `claim add`, `claim edit`, `article add`, and
/// `xref`, which adds the claim's evidence), with where its review stands.
public struct ClaimRow: Encodable, Sendable {
    /// The verdict that stands on a claim.
    public struct Verdict: Encodable, Sendable {
        /// `false` … `true` (`VerdictRating`).
        public var rating: VerdictRating
        /// 1 (`false`) to 6 (`true`).
        public var ratingValue: Int
        /// "Missing context".
        public var label: String
        public var explanation: String
        public var by: String
        public var at: String

        public init(_ review: ClaimReviewRecord) {
            rating = review.rating ?? .unproven
            ratingValue = rating.ratingValue
            label = rating.label
            explanation = review.note ?? ""
            by = review.createdBy
            at = review.createdAt
        }

        enum CodingKeys: String, CodingKey {
            case rating, label, explanation, by, at
            case ratingValue = "rating_value"
        }
    }

    /// Why and by whom a claim was dismissed.
    public struct Dismissal: Encodable, Sendable {
        public var reason: String
        public var by: String
        public var at: String
    }

    /// `C17`.
    public var id: String
    /// `A3`.
    public var article: String
    public var articleId: Int64
    /// Position in the article, 1-based.
    public var idx: Int
    /// The claim's text now: the latest edit's, else the text it was made with.
    public var text: String
    /// The text it was made with (extracted or typed), present once an edit has replaced it; `start`/`end` slice
    /// this one from the body.
    public var originalText: String?
    /// `open`, `dismissed` or `reviewed`.
    public var status: ClaimStatus
    /// The verdict that stands (the latest), if any.
    public var verdict: Verdict?
    public var dismissal: Dismissal?
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

    public init(_ claim: ClaimRecord, review: ClaimReviewState) {
        id = claim.shortID
        article = "A\(claim.articleId)"
        articleId = claim.articleId
        idx = claim.idx
        text = review.text(of: claim)
        originalText = review.originalText(of: claim)
        status = review.status
        verdict = review.verdict.map(Verdict.init)
        dismissal = review.dismissal.map { Dismissal(reason: $0.note ?? "", by: $0.createdBy, at: $0.createdAt) }
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
        case id, article, idx, text, start, end, kinds, attribution, details, origin, status, verdict, dismissal
        case originalText = "original_text"
        case articleId = "article_id"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}

extension ClaimRow {
    /// The rows of `claims`, each with where its review stands, read in one query.
    public static func rows(_ claims: [ClaimRecord], in catalog: Catalog) throws -> [ClaimRow] {
        let reviews = try catalog.claimReviews(claimIds: claims.map(\.id))
        return claims.map { ClaimRow($0, review: reviews[$0.id] ?? ClaimReviewState()) }
    }
}
