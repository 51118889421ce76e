import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

/// Claim review in the catalogue: dismissals, edits and verdicts are rows only ever added, each with its ledger
/// event, so the extracted text and every earlier verdict can be read back and `verify` replays them.
@Suite struct ClaimReviewStoreTests {
    private func article(_ catalog: Catalog) throws -> [ClaimRecord] {
        let stored = try catalog.add(
            article: NewArticle(sha256: String(repeating: "d4", count: 32), format: "text", headline: "H", body: "B."),
            claims: ["The convoy was hit at 6 a.m.", "Officials said 55 trucks were destroyed."].map {
                NewClaim(
                    text: $0, start: nil, end: nil, kinds: ["event"], attribution: nil, details: .object([:]),
                    origin: .extracted)
            }, actor: "analyst-1")
        return stored.claims
    }

    @Test func aClaimIsOpenUntilAVerdictOrADismissal() throws {
        try withTemporaryCatalog { catalog in
            let claims = try article(catalog)
            #expect(try catalog.claimReview(claimId: claims[0].id).status == .open)
            _ = try catalog.verdict(
                claimId: claims[0].id, rating: .misleading, explanation: "Two, not five.", actor: "a")
            _ = try catalog.dismiss(claimId: claims[1].id, reason: "a headline", actor: "a")
            let reviews = try catalog.claimReviews(claimIds: claims.map(\.id))
            #expect(reviews[claims[0].id]?.status == .reviewed)
            #expect(reviews[claims[0].id]?.verdict?.rating == .misleading)
            #expect(reviews[claims[1].id]?.status == .dismissed)
            #expect(reviews[claims[1].id]?.dismissal?.note == "a headline")
        }
    }

    @Test func theLatestVerdictStandsAndEarlierOnesStayAsHistory() throws {
        try withTemporaryCatalog { catalog in
            let claim = try article(catalog)[0]
            _ = try catalog.verdict(claimId: claim.id, rating: .unproven, explanation: "Not yet.", actor: "a")
            _ = try catalog.verdict(claimId: claim.id, rating: .true, explanation: "Seen.", actor: "b")
            let state = try catalog.claimReview(claimId: claim.id)
            #expect(state.verdict?.rating == .true)
            #expect(state.verdict?.createdBy == "b")
            #expect(state.history.map(\.rating) == [.unproven, .true])
        }
    }

    @Test func anEditKeepsTheTextItReplacesAndTheClaimKeepsItsFirstText() throws {
        try withTemporaryCatalog { catalog in
            let claim = try article(catalog)[0]
            _ = try catalog.edit(claimId: claim.id, text: "The convoy was hit at dawn.", actor: "a")
            _ = try catalog.edit(claimId: claim.id, text: "The convoy was hit at 6 a.m. local time.", actor: "a")
            let state = try catalog.claimReview(claimId: claim.id)
            let stored = try catalog.claim(matching: claim.shortID)
            #expect(stored.text == "The convoy was hit at 6 a.m.")
            #expect(state.text(of: stored) == "The convoy was hit at 6 a.m. local time.")
            #expect(state.originalText(of: stored) == "The convoy was hit at 6 a.m.")
            #expect(state.edits.map(\.previousText) == ["The convoy was hit at 6 a.m.", "The convoy was hit at dawn."])
            #expect(throws: CatalogError.unchangedClaim(claim: claim.id)) {
                try catalog.edit(claimId: claim.id, text: "The convoy was hit at 6 a.m. local time.", actor: "a")
            }
        }
    }

    @Test func aClaimIsDismissedOnceAndADismissedClaimTakesNoVerdict() throws {
        try withTemporaryCatalog { catalog in
            let claim = try article(catalog)[1]
            let first = try catalog.dismiss(claimId: claim.id, reason: "not a claim", actor: "a")
            let events = try catalog.ledgerHead().count
            #expect(throws: CatalogError.alreadyDismissed(claim: claim.id, at: first.createdAt)) {
                try catalog.dismiss(claimId: claim.id, reason: "again", actor: "a")
            }
            #expect(throws: CatalogError.dismissedClaim(claim: claim.id)) {
                try catalog.verdict(claimId: claim.id, rating: .false, explanation: "x", actor: "a")
            }
            #expect(throws: CatalogError.missingRecord(.claim, id: 999)) {
                try catalog.dismiss(claimId: 999, reason: "x", actor: "a")
            }
            #expect(try catalog.ledgerHead().count == events)
            #expect(try catalog.claimReview(claimId: claim.id).history.count == 1)
        }
    }

    @Test func eachReviewIsALedgerEventThatTheReplayChecks() throws {
        try withTemporaryCatalog { catalog in
            let claims = try article(catalog)
            _ = try catalog.edit(claimId: claims[0].id, text: "Edited.", actor: "a")
            _ = try catalog.verdict(claimId: claims[0].id, rating: .mostlyTrue, explanation: "Close.", actor: "a")
            _ = try catalog.dismiss(claimId: claims[1].id, reason: "no", actor: "a")
            _ = try catalog.setReviewer(name: "Example Checks", url: "https://checks.example.org", actor: "a")
            _ = try catalog.setReviewURL(
                articleId: claims[0].articleId, url: "https://checks.example.org/r", actor: "a")
            let actions = try catalog.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM ledger ORDER BY seq")
            }
            #expect(
                Array(actions.suffix(5)) == [
                    "claim.edit", "claim.verdict", "claim.dismiss", "catalog.reviewer", "article.review-url",
                ])
            let clean = try catalog.replayLedger()
            #expect(clean.problems.isEmpty, "\(clean.problems)")
            #expect(try catalog.reviewer()?.name == "Example Checks")
            #expect(
                try catalog.reviewURLs(articleIds: [claims[0].articleId])[claims[0].articleId]?.url
                    == "https://checks.example.org/r")
            // A verdict changed behind footage's back, and one deleted, are named.
            try catalog.write { db in
                try db.execute(sql: "UPDATE claim_review SET rating = 'true' WHERE action = 'verdict'")
                try db.execute(sql: "DELETE FROM claim_review WHERE action = 'dismiss'")
            }
            let messages = try catalog.replayLedger().problems.map(\.description)
            #expect(messages.contains { $0.contains("claim_review") && $0.contains("rating") }, "\(messages)")
            #expect(
                messages.contains { $0.contains("claim_review") && $0.contains("deleted outside footage") },
                "\(messages)")
        }
    }

    @Test func theRatingScaleRunsFromFalseToTrue() {
        #expect(
            VerdictRating.allCases.map(\.rawValue) == [
                "false", "misleading", "missing-context", "unproven", "mostly-true", "true",
            ])
        #expect(VerdictRating.allCases.map(\.ratingValue) == Array(VerdictRating.worst...VerdictRating.best))
        #expect(VerdictRating.missingContext.label == "Missing context")
    }

    @Test func aCatalogueMadeBeforeClaimReviewOpensAndIsMigrated() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: Catalog.databaseURL(in: root).path)
        try queue.write { db in try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
        let before = Schema.migrator.migrations.prefix { $0 != "v10 claim review" }
        try Schema.migrator.migrate(queue, upTo: try #require(before.last))
        try queue.close()
        let catalog = try Catalog.open(root: root)
        let claims = try article(catalog)
        _ = try catalog.verdict(claimId: claims[0].id, rating: .false, explanation: "No.", actor: "a")
        #expect(try catalog.replayLedger().problems.isEmpty)
    }
}
