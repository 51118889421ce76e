import Foundation
import GRDB

extension Catalog {
    /// Each article must match its `article.add` event (SHA-256 of the imported bytes, format, headline, URL, outlet,
    /// date, author and the SHA-256 of the stored body) and each claim its `claim.add` event (text, span, kinds,
    /// origin): a claim's words edited in the database would change what its evidence links are said to support.
    static func articleProblems(_ db: Database) throws -> [CheckProblem] {
        var problems: [CheckProblem] = []
        let articles = try eventPayloads(db, action: .articleAdd, key: "article_id")
        for article in try readableRecords(ArticleRecord.orderByPrimaryKey(), db, problems: &problems) {
            var expected = article.ledgerFields
            expected["article_id"] = .int(article.id)
            expected["source_path"] = .optional(article.sourcePath)
            if articles[article.id]?.payload.canonicalText != JSONValue.object(expected).canonicalText {
                problems.append(
                    CheckProblem(
                        subject: "article \(article.shortID)",
                        message: "differs from its ledger event (edited outside footage)"))
            }
        }
        let claims = try eventPayloads(db, action: .claimAdd, key: "claim_id")
        for claim in try readableRecords(ClaimRecord.orderByPrimaryKey(), db, problems: &problems) {
            var expected: [String: JSONValue] = ["article_id": .int(claim.articleId)]
            expected.merge(claim.ledgerFields) { _, new in new }
            if claims[claim.id]?.payload.canonicalText != JSONValue.object(expected).canonicalText {
                problems.append(
                    CheckProblem(
                        subject: "claim \(claim.shortID)",
                        message: "differs from its ledger event (edited outside footage)"))
            }
        }
        return problems
    }
}
