import FootageCore
import FootageMatching
import FootageMedia
import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// A match is evidence: measuring again keeps it unless a fingerprint it rests on was recomputed, every change is an
/// event naming why, and an id names one pair for ever.
struct MatchKeepingTests {
    static let rule = MatchRule.standard

    static func match(frames: Int, offset: Double = -8) -> ClipMatch {
        ClipMatch(
            shareOfA: Double(frames) / 40, shareOfB: Double(frames) / 30, offset: offset,
            segments: [MatchSegment(aStart: 8, aEnd: 22, bStart: 0, bEnd: 14)], matchedFrames: frames, transform: nil,
            meanDistance: 6)
    }

    func keep(
        _ measured: ClipMatch?, _ fixture: ReportFixture, fingerprints: (String, String)
    ) throws -> MatchKeeping.Kept {
        let (a, b) =
            fixture.hostile.id < fixture.plain.id ? (fixture.hostile, fixture.plain) : (fixture.plain, fixture.hostile)
        return try MatchKeeping.keep(
            measured, MatchJob.Side(clip: a, rate: 4, frames: [], dataSha256: fingerprints.0),
            MatchJob.Side(clip: b, rate: 4, frames: [], dataSha256: fingerprints.1), rule: Self.rule,
            catalog: fixture.catalog, options: MatchJob.Options(analyst: "analyst-1"))
    }

    func matchEvents(_ catalog: Catalog) throws -> [[String: JSONValue]] {
        try catalog.read { db in
            try LedgerEvent.filter { $0.action == LedgerAction.clipsMatch }.orderByPrimaryKey().fetchAll(db)
        }.compactMap { JSONValue.recordedFields($0.payload)?.objectMembers }
    }

    @Test func measuringAgainKeepsAMatchAndOnlyARecomputedFingerprintWithdrawsIt() throws {
        try withReportFixture { fixture in
            let catalog = fixture.catalog
            let first = try keep(Self.match(frames: 20), fixture, fingerprints: ("fa", "fb"))
            let id = try #require(first.record?.id)
            #expect(first.changed && first.measuredIsHeld)

            // Not found again, or found weaker, with the same fingerprints: kept as it was, no event.
            let events = try matchEvents(catalog).count
            #expect(try keep(nil, fixture, fingerprints: ("fa", "fb")).changed == false)
            #expect(try keep(Self.match(frames: 12), fixture, fingerprints: ("fa", "fb")).changed == false)
            #expect(try matchEvents(catalog).count == events)
            #expect(try catalog.allMatches().map(\.id) == [id])
            #expect(try catalog.allMatches().first?.matchedFrames == 20)

            // Stronger with the same fingerprints: updated, same id, the reason recorded.
            let stronger = try keep(Self.match(frames: 26), fixture, fingerprints: ("fa", "fb"))
            #expect(stronger.changed && stronger.record?.id == id)
            #expect(try matchEvents(catalog).last?["reason"] == .string("stronger"))

            // B's fingerprint recomputed and the pair no longer found: withdrawn, the row kept with its reason.
            let withdrawn = try keep(nil, fixture, fingerprints: ("fa", "fb2"))
            #expect(withdrawn.changed && withdrawn.record?.id == id && withdrawn.record?.fields.holds == false)
            #expect(withdrawn.record?.fields.withdrawnReason?.contains("was recomputed") == true)
            let last = try #require(try matchEvents(catalog).last)
            #expect(last["matched"] == .bool(false) && last["fingerprint_b"] == .string("fb2"))
            #expect(try catalog.allMatches().isEmpty)
            #expect(try catalog.allMatches(includingWithdrawn: true).map(\.id) == [id])

            // Found again: the same id holds again.
            let again = try keep(Self.match(frames: 18), fixture, fingerprints: ("fa", "fb2"))
            #expect(again.record?.id == id && again.record?.fields.holds == true)
            #expect(try matchEvents(catalog).last?["reason"] == .string("found again"))

            #expect(try catalog.matchLedgerProblems().isEmpty)
            #expect(try catalog.replayLedger().problems.isEmpty)
        }
    }

    @Test func verifyNamesAWithdrawalWithoutARecomputedFingerprintAndAnIdGivenToAnotherPair() throws {
        try withReportFixture { fixture in
            let catalog = fixture.catalog
            let first = try keep(Self.match(frames: 20), fixture, fingerprints: ("fa", "fb"))
            let id = try #require(first.record?.id)
            // Events a forger appends with a valid chain: footage never writes either.
            try catalog.write { db in
                _ = try Ledger.append(
                    db, actor: "forger", action: .clipsMatch, subject: "match:\(id)",
                    payload: [
                        "a": .string(fixture.hostile.sha256), "b": .string(fixture.plain.sha256), "matched": false,
                        "match_id": .int(id), "fingerprint_a": "fa", "fingerprint_b": "fb", "reason": "gone",
                    ], rows: RowChanges())
                _ = try Ledger.append(
                    db, actor: "forger", action: .clipsMatch, subject: "match:\(id)",
                    payload: [
                        "a": .string(String(repeating: "e", count: 64)), "b": .string(fixture.plain.sha256),
                        "matched": true, "match_id": .int(id),
                    ], rows: RowChanges())
            }
            let problems = try catalog.matchLedgerProblems().map(\.message)
            #expect(problems.contains { $0.contains("withdrawn although the fingerprints it rests on were not") })
            #expect(problems.contains { $0.contains("names another pair of clips than it did before") })
        }
    }
}
