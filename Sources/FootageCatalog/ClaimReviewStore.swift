import Foundation
import GRDB

extension Catalog {
    /// Dismisses a claim (a sentence that is not a claim, or not one worth checking), with the reason, in one
    /// transaction with its `claim.dismiss` event. A claim is dismissed once.
    public func dismiss(claimId: Int64, reason: String, actor: String) throws -> ClaimReviewRecord {
        try write { db in
            let (claim, state) = try Catalog.reviewState(db, claimId: claimId)
            if let dismissal = state.dismissal {
                throw CatalogError.alreadyDismissed(claim: claimId, at: dismissal.createdAt)
            }
            let review = NewClaimReview(claimId: claimId, action: .dismiss, note: reason)
            return try Catalog.record(
                db, review, claim: claim, actor: actor, action: .claimDismiss, payload: ["reason": .string(reason)])
        }
    }

    /// Corrects a claim's text. The text it replaces is kept with the edit, and the claim's first text stays in
    /// its row: every text the claim has had can be read back.
    public func edit(claimId: Int64, text: String, actor: String) throws -> ClaimReviewRecord {
        try write { db in
            let (claim, state) = try Catalog.reviewState(db, claimId: claimId)
            let previous = state.text(of: claim)
            guard previous != text else { throw CatalogError.unchangedClaim(claim: claimId) }
            let review = NewClaimReview(claimId: claimId, action: .edit, text: text, previousText: previous)
            return try Catalog.record(
                db, review, claim: claim, actor: actor, action: .claimEdit,
                payload: ["text": .string(text), "previous_text": .string(previous)],
                indexing: text)
        }
    }

    /// Records a verdict on a claim; the latest verdict stands, earlier ones stay as history. A dismissed claim
    /// takes none.
    public func verdict(claimId: Int64, rating: VerdictRating, explanation: String, actor: String) throws
        -> ClaimReviewRecord
    {
        try write { db in
            let (claim, state) = try Catalog.reviewState(db, claimId: claimId)
            guard state.dismissal == nil else { throw CatalogError.dismissedClaim(claim: claimId) }
            let review = NewClaimReview(claimId: claimId, action: .verdict, rating: rating, note: explanation)
            return try Catalog.record(
                db, review, claim: claim, actor: actor, action: .claimVerdict,
                payload: [
                    "rating": .string(rating.rawValue), "rating_value": .int(Int64(rating.ratingValue)),
                    "explanation": .string(explanation),
                ])
        }
    }

    private static func reviewState(_ db: Database, claimId: Int64) throws -> (ClaimRecord, ClaimReviewState) {
        guard let claim = try ClaimRecord.fetchOne(db, key: claimId) else {
            throw CatalogError.missingRecord(.claim, id: claimId)
        }
        return (claim, ClaimReviewState(history: try reviews(db, claimIds: [claimId])[claimId] ?? []))
    }

    private static func record(
        _ db: Database, _ review: NewClaimReview, claim: ClaimRecord, actor: String, action: LedgerAction,
        payload: [String: JSONValue], indexing text: String? = nil
    ) throws -> ClaimReviewRecord {
        var new = review
        new.createdAt = Timestamp.now()
        new.createdBy = actor
        let saved = try ClaimReviewRecord.insert(new, in: db)
        var rows = RowChanges()
        try rows.written(db, "claim_review", key: [saved.id])
        if let text {
            try SearchIndex.add(db, kind: "claim", ref: claim.shortID, field: "text", text: text, into: &rows)
        }
        var fields = payload
        fields["claim_id"] = .int(claim.id)
        fields["review_id"] = .int(saved.id)
        _ = try Ledger.append(
            db, actor: actor, action: action, subject: claim.shortID, payload: .object(fields), rows: rows)
        return saved
    }

    /// Where the review of each claim stands, by claim id (a claim never reviewed is `open`, with no history).
    public func claimReviews(claimIds: [Int64]) throws -> [Int64: ClaimReviewState] {
        try read { db in try Catalog.reviews(db, claimIds: claimIds).mapValues(ClaimReviewState.init) }
    }

    /// Where the review of one claim stands.
    public func claimReview(claimId: Int64) throws -> ClaimReviewState {
        try claimReviews(claimIds: [claimId])[claimId] ?? ClaimReviewState()
    }

    static func reviews(_ db: Database, claimIds: [Int64]) throws -> [Int64: [ClaimReviewRecord]] {
        let records = try ClaimReviewRecord.fetchAll(
            db,
            sql: "SELECT * FROM claim_review WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            arguments: [JSONValue.array(claimIds.map(JSONValue.int)).canonicalText])
        return Dictionary(grouping: records, by: \.claimId)
    }

    /// Sets the organisation that publishes the catalogue's reviews (schema.org ClaimReview `author`); the latest
    /// setting stands.
    public func setReviewer(name: String, url: String?, actor: String) throws -> ReviewerRecord {
        try write { db in
            var new = NewReviewer(name: name, url: url)
            new.createdAt = Timestamp.now()
            new.createdBy = actor
            let saved = try ReviewerRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "reviewer", key: [saved.id])
            _ = try Ledger.append(
                db, actor: actor, action: .catalogReviewer, subject: "reviewer",
                payload: ["reviewer_id": .int(saved.id), "name": .string(name), "url": .optional(url)], rows: rows)
            return saved
        }
    }

    /// The organisation that publishes the catalogue's reviews, if one was set.
    public func reviewer() throws -> ReviewerRecord? {
        try read { db in try ReviewerRecord.order(Column("id").desc).fetchOne(db) }
    }

    /// Sets the page where an article's reviews are published (each ClaimReview's `url`); the latest stands.
    public func setReviewURL(articleId: Int64, url: String, actor: String) throws -> ReviewURLRecord {
        try write { db in
            guard let article = try ArticleRecord.fetchOne(db, key: articleId) else {
                throw CatalogError.missingRecord(.article, id: articleId)
            }
            var new = NewReviewURL(articleId: articleId, url: url)
            new.createdAt = Timestamp.now()
            new.createdBy = actor
            let saved = try ReviewURLRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "review_url", key: [saved.id])
            _ = try Ledger.append(
                db, actor: actor, action: .articleReviewURL, subject: article.shortID,
                payload: ["review_url_id": .int(saved.id), "article_id": .int(articleId), "url": .string(url)],
                rows: rows)
            return saved
        }
    }

    /// The review URL that stands for each article that has one, by article id.
    public func reviewURLs(articleIds: [Int64]) throws -> [Int64: ReviewURLRecord] {
        try read { db in try Catalog.reviewURLs(db, articleIds: articleIds) }
    }

    static func reviewURLs(_ db: Database, articleIds: [Int64]) throws -> [Int64: ReviewURLRecord] {
        let records = try ReviewURLRecord.fetchAll(
            db,
            sql: "SELECT * FROM review_url WHERE article_id IN (SELECT value FROM json_each(?)) ORDER BY id",
            arguments: [JSONValue.array(articleIds.map(JSONValue.int)).canonicalText])
        return Dictionary(records.map { ($0.articleId, $0) }, uniquingKeysWith: { _, later in later })
    }
}
