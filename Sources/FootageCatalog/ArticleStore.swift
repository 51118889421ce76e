import Foundation
import GRDB

extension Catalog {
    /// Stores an article and its extracted claims in one transaction with ledger events. The same bytes imported
    /// again are the same article: nothing is added and the stored one is returned.
    public func add(article: NewArticle, claims: [NewClaim], actor: String)
        throws -> (article: ArticleRecord, claims: [ClaimRecord], added: Bool)
    {
        try write { db in
            if let existing = try ArticleRecord.filter({ $0.sha256 == article.sha256 }).fetchOne(db) {
                return (existing, try Catalog.claims(db, articleId: existing.id), false)
            }
            var new = article
            new.importedAt = Timestamp.now()
            new.importedBy = actor
            let saved = try ArticleRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "article", key: [saved.id])
            try SearchIndex.add(
                db, kind: "article", ref: saved.shortID, field: "headline", text: saved.headline, into: &rows)
            try SearchIndex.add(db, kind: "article", ref: saved.shortID, field: "body", text: saved.body, into: &rows)
            var payload = saved.ledgerFields
            payload["article_id"] = .int(saved.id)
            payload["source_path"] = .optional(saved.sourcePath)
            _ = try Ledger.append(
                db, actor: actor, action: .articleAdd, subject: saved.shortID,
                payload: .object(payload), rows: rows)
            var stored: [ClaimRecord] = []
            for (index, claim) in claims.enumerated() {
                stored.append(try Catalog.insert(db, claim: claim, articleId: saved.id, idx: index + 1, actor: actor))
            }
            return (saved, stored, true)
        }
    }

    /// Adds a claim by hand (`footage claim add`).
    public func add(claim: NewClaim, toArticle articleId: Int64, actor: String) throws -> ClaimRecord {
        try write { db in
            let next =
                (try Int.fetchOne(db, sql: "SELECT max(idx) FROM claim WHERE article_id = ?", arguments: [articleId])
                    ?? 0) + 1
            return try Catalog.insert(db, claim: claim, articleId: articleId, idx: next, actor: actor)
        }
    }

    private static func insert(_ db: Database, claim: NewClaim, articleId: Int64, idx: Int, actor: String)
        throws -> ClaimRecord
    {
        var new = claim
        new.articleId = articleId
        new.idx = idx
        new.createdAt = Timestamp.now()
        new.createdBy = actor
        let saved = try ClaimRecord.insert(new, in: db)
        var rows = RowChanges()
        try rows.written(db, "claim", key: [saved.id])
        try SearchIndex.add(db, kind: "claim", ref: saved.shortID, field: "text", text: saved.text, into: &rows)
        var payload: [String: JSONValue] = ["article_id": .int(articleId)]
        payload.merge(saved.ledgerFields) { _, new in new }
        _ = try Ledger.append(
            db, actor: actor, action: .claimAdd, subject: saved.shortID,
            payload: .object(payload), rows: rows)
        return saved
    }

    /// Finds an article by its short id (`A3`, `a3` or `3`) or a unique prefix of its SHA-256 (6+ hex digits).
    public func article(matching reference: String) throws -> ArticleRecord {
        try read { db in try Catalog.resolveArticle(db, reference) }
    }

    static func resolveArticle(_ db: Database, _ reference: String) throws -> ArticleRecord {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        if let id = ShortID.article.id(in: ref), let article = try ArticleRecord.fetchOne(db, key: id) {
            return article
        }
        let lower = ref.lowercased()
        if lower.count >= 6, lower.allSatisfy(\.isHexDigit) {
            let matches = try ArticleRecord.filter(sql: "sha256 GLOB ?", arguments: [lower + "*"]).limit(2).fetchAll(db)
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw CatalogError.ambiguousArticle(reference: ref) }
        }
        throw CatalogError.unknownArticle(reference: ref)
    }

    /// Finds a claim by its short id (`C17`, `c17` or `17`).
    public func claim(matching reference: String) throws -> ClaimRecord {
        try read { db in try Catalog.resolveClaim(db, reference) }
    }

    static func resolveClaim(_ db: Database, _ reference: String) throws -> ClaimRecord {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        if let id = ShortID.claim.id(in: ref), let claim = try ClaimRecord.fetchOne(db, key: id) { return claim }
        throw CatalogError.unknownClaim(reference: ref)
    }

    public func claims(articleId: Int64) throws -> [ClaimRecord] {
        try read { db in try Catalog.claims(db, articleId: articleId) }
    }

    static func claims(_ db: Database, articleId: Int64) throws -> [ClaimRecord] {
        try ClaimRecord.filter { $0.articleId == articleId }.order(\.idx).fetchAll(db)
    }

    /// Every article with its number of claims.
    public func articleSummaries() throws -> [(article: ArticleRecord, claims: Int)] {
        try read { db in
            let articles = try ArticleRecord.orderByPrimaryKey().fetchAll(db)
            let counts = try Row.fetchAll(db, sql: "SELECT article_id, count(*) AS n FROM claim GROUP BY article_id")
            let byArticle = Dictionary(uniqueKeysWithValues: counts.map { ($0["article_id"] as Int64, $0["n"] as Int) })
            return articles.map { ($0, byArticle[$0.id] ?? 0) }
        }
    }

    /// Every claim of every article, in article order.
    public func allClaims() throws -> [ClaimRecord] {
        try read { db in try ClaimRecord.order { [$0.articleId, $0.idx] }.fetchAll(db) }
    }
}
