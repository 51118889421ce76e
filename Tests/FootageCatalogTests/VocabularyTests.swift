import FootageCore
import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

/// The catalogue's words (stances, ledger actions, kinds, modes…) as typed lists: the same text the schema, the
/// ledger and every catalogue made so far hold, and a clear refusal, never a crash, for a word from elsewhere.
@Suite struct VocabularyTests {
    /// Every ledger action ever written; their text is hashed into the chain, so it can never change.
    @Test func ledgerActionsAreTheTextEveryLedgerHolds() {
        #expect(
            LedgerAction.allCases.map(\.rawValue).sorted() == [
                "acquisition.add", "article.add", "article.review-url", "catalog.reviewer", "catalog.verify",
                "claim.add", "claim.dismiss", "claim.edit", "claim.verdict", "clip.assess", "clip.credentials",
                "clip.fingerprint",
                "clip.register", "clip.title",
                "clips.match", "keyframes.extract", "link.add", "link.retract", "location.add",
            ])
        #expect("\(LedgerAction.clipRegister)" == "clip.register")
    }

    /// Each vocabulary with a CHECK constraint lists exactly the words the schema allows.
    @Test func vocabulariesMatchTheSchemasCheckConstraints() throws {
        let vocabularies: [(table: String, column: String, words: [String])] = [
            ("link", "stance", Stance.allCases.map(\.rawValue)),
            ("link", "confidence", Confidence.allCases.map(\.rawValue)),
            ("location", "kind", LocationKind.allCases.map(\.rawValue)),
            ("extraction", "mode", ExtractionMode.allCases.map(\.rawValue)),
            ("claim", "origin", ClaimOrigin.allCases.map(\.rawValue)),
            ("assessment", "category", AssessmentCategory.allCases.map(\.rawValue)),
            ("claim_review", "action", ClaimReviewAction.allCases.map(\.rawValue)),
            ("claim_review", "rating", VerdictRating.allCases.map(\.rawValue)),
        ]
        try withTemporaryCatalog { catalog in
            for (table, column, words) in vocabularies {
                let sql = try catalog.read { db in
                    try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [table])
                }
                let allowed = try #require(Self.checkedWords(of: column, in: sql ?? ""), "\(table).\(column)")
                #expect(allowed == words, "\(table).\(column)")
            }
        }
    }

    /// The words of `column IN ('a', 'b')` in a CREATE TABLE statement.
    private static func checkedWords(of column: String, in sql: String) -> [String]? {
        guard let start = sql.range(of: "\(column) IN"), let open = sql[start.upperBound...].firstIndex(of: "("),
            let close = sql[open...].firstIndex(of: ")")
        else { return nil }
        return sql[sql.index(after: open)..<close].split(separator: ",")
            .map {
                $0.trimmingCharacters(in: .whitespacesAndNewlines).trimmingCharacters(
                    in: CharacterSet(charactersIn: "'"))
            }
    }

    @Test func aWordOutsideItsVocabularyNamesTheTableTheRowAndTheWord() throws {
        try withTemporaryCatalog { catalog in
            let clip = try catalog.clip(
                matching: try catalog.register(
                    sampleRegistration(seed: 4, path: "/4.mp4"),
                    actor: "a"
                ).sha256)
            let claim = NewClaim(
                text: "Footage shows it.", start: nil, end: nil, kinds: ["footage"], attribution: nil,
                details: .object([:]), origin: .extracted)
            let article = NewArticle(
                sha256: String(repeating: "c", count: 64), format: "text", headline: "H",
                body: "Footage shows it.")
            let claimId = try catalog.add(article: article, claims: [claim], actor: "a").claims[0].id
            let link = try catalog.link(
                claimId: claimId, clip: clip, start: 1, end: 2, stance: .supports,
                confidence: .high, note: nil, actor: "a")
            // What a hand edit that bypasses the CHECK constraint, or a newer footage, could leave.
            try catalog.write { db in
                try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
                try db.execute(sql: "UPDATE link SET stance = 'proves' WHERE id = ?", arguments: [link.id])
                try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
            }
            let refusal = CatalogError.unknownValue(table: "link", row: link.id, column: "stance", value: "proves")
            #expect(throws: refusal) { try catalog.evidence(claimIds: [claimId]) }
            #expect(refusal.kind == .damaged)
            #expect(
                refusal.description.hasPrefix("link row \(link.id): stance \"proves\" is not a value footage knows"))

            // `verify` reports the row and still checks every other record.
            let problems = try catalog.recordProblems()
            #expect(problems.contains { $0.subject == "link row \(link.id)" && $0.message.contains("\"proves\"") })
            #expect(problems.count == 1, "\(problems)")
        }
    }

    @Test func anActionFromANewerFootageIsReportedWhileTheChainIsStillChecked() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...2 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            // An event of a kind this footage does not know, properly chained (as a newer footage would write it).
            try catalog.write { db in
                try db.execute(sql: "UPDATE ledger SET action = 'clip.teleport' WHERE seq = 3")
                var previous = try String.fetchOne(db, sql: "SELECT hash FROM ledger WHERE seq = 2")!
                for row in try Row.fetchAll(db, sql: "SELECT * FROM ledger WHERE seq >= 3 ORDER BY seq") {
                    let hash = LedgerEvent.computeHash(
                        seq: row["seq"], time: row["time"], actor: row["actor"],
                        action: row["action"], subject: row["subject"],
                        payload: row["payload"], prevHash: previous)
                    try db.execute(
                        sql: "UPDATE ledger SET prev_hash = ?, hash = ? WHERE seq = ?",
                        arguments: [previous, hash, row["seq"]])
                    previous = hash
                }
            }
            #expect(
                throws: CatalogError.unknownValue(table: "ledger", row: 3, column: "action", value: "clip.teleport")
            ) {
                try catalog.ledgerEvents()
            }
            #expect(try catalog.ledgerProblems().isEmpty)
            let problems = try catalog.recordProblems().filter { $0.subject.hasPrefix("ledger") }
            #expect(problems.map(\.subject) == ["ledger row 3"], "\(problems)")
            #expect(problems.first?.message.contains("\"clip.teleport\"") == true)
            // Events of known kinds still read, and a seal's head is still found.
            #expect(try catalog.ledgerEvents(subject: String(repeating: "01", count: 32)).map(\.seq) == [1, 2])
            #expect(
                try catalog.checkpointProblems(LedgerCheckpoint(events: 4, head: catalog.ledgerHead().hash)).isEmpty)
        }
    }
}
