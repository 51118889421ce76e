import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

/// Checkpoints of the ledger (`footage seal`): their one-line form, and what holds of a ledger since one.
@Suite struct CheckpointTests {
    let head = String(repeating: "ab", count: 32)

    @Test func theOneLineFormReadsBackAndNothingElseReads() {
        let checkpoint = LedgerCheckpoint(events: 42, head: head)
        #expect(checkpoint.description == "footage-seal:v1:42:\(head)")
        #expect(LedgerCheckpoint(parsing: "  \(checkpoint)\n") == checkpoint)
        for text in [
            "footage-seal:v1:+42:\(head)", "footage-seal:v1:-1:\(head)", "footage-seal:v1:42:\(head.uppercased())",
            "footage-seal:v2:42:\(head)", "footage-seal:v1:42:\(head.dropLast())", "footage-seal:v1::\(head)",
            "footage-seal:v1:42:\(head):x", "42:\(head)",
        ] {
            #expect(LedgerCheckpoint(parsing: text) == nil, "\(text)")
        }
    }

    @Test func aSealHoldsWhileEventsAreOnlyAppended() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...2 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            let seal = try catalog.seal(actor: "a")
            #expect(seal.events == 4)
            #expect(try catalog.seal(actor: "b").checkpoint == seal.checkpoint)
            _ = try catalog.register(sampleRegistration(seed: 3, path: "/3.mp4"), actor: "a")
            #expect(try catalog.checkpointProblems(seal.checkpoint).isEmpty)
            #expect(try catalog.checkpointProblems(LedgerCheckpoint(events: 0, head: LedgerEvent.genesisHash)).isEmpty)
        }
    }

    @Test func aChainRecomputedAfterAnEditNoLongerEndsInTheSealedHead() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...3 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            let seal = try catalog.seal(actor: "a")
            // What someone with write access and this code could do: edit event 2, then rehash every event after it.
            try catalog.write { db in
                try db.execute(sql: "UPDATE ledger SET actor = 'mallory' WHERE seq = 2")
                var previous = try String.fetchOne(db, sql: "SELECT hash FROM ledger WHERE seq = 1")!
                for var event in try LedgerEvent.filter(Column("seq") >= 2).order(Column("seq")).fetchAll(db) {
                    event.prevHash = previous
                    event.hash = event.recomputedHash
                    try event.update(db)
                    previous = event.hash
                }
            }
            #expect(try catalog.ledgerProblems().isEmpty, "the recomputed chain is valid on its own")
            let problems = try catalog.checkpointProblems(seal.checkpoint)
            #expect(problems.first?.message.contains("no longer hashes to the checkpoint's head") == true)
        }
    }

    @Test func removedEventsAndABrokenChainAreNamed() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...2 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            let seal = try catalog.seal(actor: "a")
            try catalog.write { db in try db.execute(sql: "DELETE FROM ledger WHERE seq = 4") }
            #expect(try catalog.checkpointProblems(seal.checkpoint).first?.message.contains("fewer than the 4") == true)
            try catalog.write { db in try db.execute(sql: "UPDATE ledger SET subject = 'x' WHERE seq = 1") }
            #expect(try catalog.checkpointProblems(seal.checkpoint).first?.message.hasPrefix("ledger event 1") == true)
        }
    }
}
