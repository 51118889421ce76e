import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// How a row becomes its `--json` line: one canonical text, absent values left out, lists always written.
@Suite struct JSONRowTests {
    @Test func anAbsentValueIsLeftOutAndAListIsAlwaysWritten() {
        struct Link: Encodable {
            var id = "L1"
            var note: String?
            var keyframes: [Int] = []
        }
        #expect(JSONRow.line(Link()) == #"{"id":"L1","keyframes":[]}"#)
        #expect(JSONRow.line(Link(note: "seen")) == #"{"id":"L1","keyframes":[],"note":"seen"}"#)
    }

    /// Keys inside a row's dictionaries (a clip's tags, a probe's) are data: written exactly as they came, sorted by
    /// their UTF-8 bytes, never converted as a key strategy would convert them.
    @Test func keysInsideARowsDictionariesAreKeptAsWritten() {
        struct Tagged: Encodable {
            var tags: [String: String]
            var details: JSONValue
        }
        let row = Tagged(
            tags: ["HANDLER_NAME": "VideoHandler", "com.apple.quicktime.location.ISO6709": "+33.3"],
            details: ["b": 1, "B": 2, "é": 3])
        #expect(
            JSONRow.line(row) == #"{"details":{"B":2,"b":1,"é":3},"tags":{"HANDLER_NAME":"VideoHandler","#
                + #""com.apple.quicktime.location.ISO6709":"+33.3"}}"#)
    }

    @Test func numbersAndNestedListsKeepTheirCanonicalForm() {
        struct Numbers: Encodable {
            var whole = 30.0
            var fraction = 0.1
            var endless = Double.infinity
            var large = Int64.max
            var count = 3
            var flag = false
            var grid: [[Int]] = [[1, 2], []]
            var gaps: [String?] = ["a", nil]
        }
        #expect(
            JSONRow.line(Numbers()) == #"{"count":3,"endless":null,"flag":false,"fraction":0.1,"#
                + #""gaps":["a",null],"grid":[[1,2],[]],"large":9223372036854775807,"whole":30}"#)
    }

    @Test func aRowIsOneLineWithItsKeysSortedAndNoWhiteSpace() {
        let row = FileHashRow(path: "/footage/a b.mp4", sha256: "e3b0", size: 42)
        #expect(JSONRow.line(row) == #"{"path":"/footage/a b.mp4","sha256":"e3b0","size":42}"#)
    }

    @Test func aFailedRegistrationHasNoSHA256AndEmptyLists() {
        let failed = Registrar.Outcome(path: "/footage/missing.mp4", status: .error, message: "not found")
        let row = JSONRow.value(RegistrationRow(failed))
        guard case .object(let members) = row else {
            Issue.record("not an object: \(row)")
            return
        }
        #expect(Set(members.keys) == ["path", "status", "message", "added_locations", "notes", "events"])
        #expect(row["events"] == .array([]))
        #expect(row["sha256"] == nil)
    }

    @Test func aRowThatContainsAnotherIsOneFlatObject() throws {
        try withReportFixture { fixture in
            let summary = try #require(try fixture.catalog.clipSummaries().first)
            let row = JSONRow.value(ClipSummaryRow(summary))
            #expect(row["sha256"]?.stringValue == summary.clip.sha256)
            #expect(row["locations"] == .int(1))
            #expect(row["clip"] == nil)
            #expect(row["warnings"]?.arrayCount == 1)
            #expect(row["probe_json"] == nil)
        }
    }

    /// `log`, `show` and `xref CLAIM` show a ledger event in one shape: the rows `show` embeds are `log`'s rows.
    @Test func aLedgerEventHasOneShapeInEveryView() throws {
        try withReportFixture { fixture in
            let clip = JSONRow.value(ClipDetailRow(try ClipOverview.of(fixture.hostile, catalog: fixture.catalog)))
            let log = try fixture.catalog.ledgerEvents(subject: fixture.hostile.sha256)
            #expect(!log.isEmpty)
            #expect(clip["events"] == .array(log.map { JSONRow.value(LedgerEventRow($0)) }))
            let chain = JSONRow.value(ClaimChainRow(try CrossReference.chain(fixture.catalog, fixture.claims[0])))
            let claimLog =
                try fixture.catalog.ledgerEvents(subject: fixture.claims[0].shortID)
                + fixture.catalog.ledgerEvents(subject: "L1")
            let ordered = claimLog.sorted { $0.seq < $1.seq }
            #expect(chain["events"] == .array(ordered.map { JSONRow.value(LedgerEventRow($0)) }))
            #expect(chain["events"]?.arrayItems.first?["payload"]?["claim_id"] != nil)
        }
    }
}
