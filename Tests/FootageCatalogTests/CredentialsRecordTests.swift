import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

/// A clip's manifest reading is one row with one `clip.credentials` event; clips registered as earlier footage did,
/// without one, still replay; a reading that was not checked gives way to one that was, and nothing else does.
@Suite struct CredentialsRecordTests {
    func reading(_ state: CredentialsState, codes: [String] = []) -> CredentialsRecord {
        CredentialsRecord(
            state: state, codes: codes, reason: nil, manifestJson: state == .valid ? #"{"manifests":{}}"# : nil,
            library: state == .notChecked ? nil : "c2pa-rs test")
    }

    func actions(_ catalog: Catalog) throws -> [String] {
        try catalog.read { db in try String.fetchAll(db, sql: "SELECT action FROM ledger ORDER BY seq") }
    }

    @Test func aClipRegisteredWithoutAReadingStillReplays() throws {
        try withTemporaryCatalog { catalog in
            // As a footage before "v12 content credentials" registered it.
            _ = try catalog.register(sampleRegistration(seed: 1, path: "/a.mp4"), actor: "analyst")
            #expect(try catalog.credentials(clipId: 1) == nil)
            #expect(try catalog.replayLedger().problems.isEmpty)
            // Registered again by this footage, the clip gets its reading.
            var again = sampleRegistration(seed: 1, path: "/a.mp4")
            again.credentials = reading(.valid, codes: ["signingCredential.untrusted"])
            _ = try catalog.register(again, actor: "analyst")
            let stored = try #require(try catalog.credentials(clipId: 1))
            #expect(stored.state == .valid)
            #expect(stored.codeList == ["signingCredential.untrusted"])
            #expect(try actions(catalog).last == "clip.credentials")
            let replay = try catalog.replayLedger()
            #expect(replay.problems.isEmpty, "\(replay.problems)")
        }
    }

    @Test func onlyAReadingThatWasNotCheckedIsReplaced() throws {
        try withTemporaryCatalog { catalog in
            var first = sampleRegistration(seed: 2, path: "/b.mp4")
            first.credentials = reading(.notChecked)
            _ = try catalog.register(first, actor: "analyst")
            var checked = first
            checked.credentials = reading(.none)
            _ = try catalog.register(checked, actor: "analyst")
            #expect(try catalog.credentials(clipId: 1)?.state == CredentialsState.none)
            // A later reading never overwrites one that was checked, nor does "not checked".
            for later in [reading(.valid), reading(.notChecked)] {
                var again = first
                again.credentials = later
                _ = try catalog.register(again, actor: "analyst")
            }
            #expect(try catalog.credentials(clipId: 1)?.state == CredentialsState.none)
            #expect(try actions(catalog).filter { $0 == "clip.credentials" }.count == 2)
            #expect(try catalog.replayLedger().problems.isEmpty)
        }
    }
}
