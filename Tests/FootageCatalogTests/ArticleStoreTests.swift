import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

@Suite struct ArticleStoreTests {
    func article(_ sha: String = String(repeating: "a", count: 64)) -> NewArticle {
        NewArticle(
            sha256: sha, format: "markdown", headline: "Convoy struck near Fallujah",
            body: "The ministry uploaded footage to YouTube. The coalition destroyed 55 trucks.")
    }

    func claim(_ text: String, kinds: [String] = ["footage"]) -> NewClaim {
        NewClaim(
            text: text, start: 0, end: text.unicodeScalars.count, kinds: kinds, attribution: nil,
            details: ["figures": []], origin: .extracted)
    }

    @Test func importingTheSameArticleTwiceKeepsOne() throws {
        try withTemporaryCatalog { catalog in
            let first = try catalog.add(
                article: article(), claims: [claim("The ministry uploaded footage to YouTube.")], actor: "a")
            let again = try catalog.add(article: article(), claims: [claim("x")], actor: "a")
            #expect(first.added && !again.added)
            #expect(again.article.id == first.article.id)
            #expect(again.claims.map(\.text) == ["The ministry uploaded footage to YouTube."])
            #expect(try catalog.articleSummaries().count == 1)
            #expect(try catalog.article(matching: "A\(first.article.id)").id == first.article.id)
            #expect(try catalog.article(matching: "aaaaaa").id == first.article.id)
            #expect(try catalog.claim(matching: "c\(first.claims[0].id)").text == first.claims[0].text)
            #expect(throws: CatalogError.self) { try catalog.claim(matching: "C999") }
        }
    }

    @Test func aLinkRecordsTheClipHashRangeAndKeyframes() throws {
        try withTemporaryCatalog { catalog in
            let clip = try catalog.register(sampleRegistration(seed: 7, path: "/7.mp4"), actor: "a")
            let record = try catalog.clip(matching: clip.sha256)
            let stored = try catalog.add(article: article(), claims: [claim("c")], actor: "a")
            let link = try catalog.link(
                claimId: stored.claims[0].id, clip: record, start: 2, end: 12.5,
                stance: .supports, confidence: .high, note: "convoy visible", actor: "ana")
            #expect(link.clipSha256 == clip.sha256)
            #expect(link.start == 2 && link.end == 12.5)
            let events = try catalog.ledgerEvents()
            #expect(events.last?.action == .linkAdd)
            #expect(events.last?.subject == link.shortID)
            let evidence = try catalog.evidence(claimIds: [stored.claims[0].id])
            #expect(evidence.count == 1 && evidence[0].clip.sha256 == clip.sha256)
        }
    }

    @Test func rangesOutsideTheClipAreRefused() throws {
        try withTemporaryCatalog { catalog in
            let clip = try catalog.clip(
                matching: try catalog.register(sampleRegistration(seed: 8, path: "/8.mp4"), actor: "a").sha256)
            let claimId = try catalog.add(article: article(), claims: [claim("c")], actor: "a").claims[0].id
            for (from, to) in [(-1.0, 3.0), (5.0, 2.0), (0.0, 31.0)] {
                #expect(throws: CatalogError.self) {
                    try catalog.link(
                        claimId: claimId, clip: clip, start: from, end: to, stance: .supports,
                        confidence: .high, note: nil, actor: "a")
                }
            }
            #expect(try catalog.ledgerEvents().last?.action == .claimAdd)
        }
    }

    @Test func retractingALinkKeepsItsHistory() throws {
        try withTemporaryCatalog { catalog in
            let clip = try catalog.clip(
                matching: try catalog.register(sampleRegistration(seed: 9, path: "/9.mp4"), actor: "a").sha256)
            let claimId = try catalog.add(article: article(), claims: [claim("c")], actor: "a").claims[0].id
            let link = try catalog.link(
                claimId: claimId, clip: clip, start: nil, end: nil, stance: .context,
                confidence: .low, note: nil, actor: "a")
            #expect(link.end == 30)
            let retracted = try catalog.retract(linkId: link.id, note: "wrong clip", actor: "b")
            #expect(retracted.isRetracted)
            #expect(throws: CatalogError.self) { try catalog.retract(linkId: link.id, note: nil, actor: "b") }
            #expect(try catalog.evidence(claimIds: [claimId]).count == 1)
            #expect(try catalog.ledgerEvents().suffix(2).map(\.action.rawValue) == ["link.add", "link.retract"])
        }
    }

    @Test func searchFindsArticlesClaimsAndTagsRanked() throws {
        try withTemporaryCatalog { catalog in
            _ = try catalog.register(sampleRegistration(seed: 3, path: "/3.mp4"), actor: "a")
            _ = try catalog.add(article: article(), claims: [claim("The coalition destroyed 55 trucks.")], actor: "a")
            let hits = try catalog.search("trucks")
            #expect(Set(hits.map(\.kind)) == ["article", "claim"])
            #expect(hits.allSatisfy { $0.snippet.contains("[trucks]") })
            #expect(try catalog.search("convoy").contains { $0.kind == "tag" })
            #expect(try catalog.search("truck*").count == 2)
            // FTS5 syntax in the query is searched as text, not interpreted.
            #expect(try catalog.search("\"unbalanced AND OR NEAR(").isEmpty)
        }
    }
}
