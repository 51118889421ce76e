import Crypto
import Foundation
import GRDB

/// One problem found by a check; `verify` prints each and exits 1.
public struct CheckProblem: Sendable, Equatable, CustomStringConvertible {
    public var subject: String
    public var message: String
    public init(subject: String, message: String) {
        self.subject = subject
        self.message = message
    }
    public var description: String { "\(subject): \(message)" }

    /// A row the catalogue could not read, as `verify` reports it.
    init(_ error: CatalogError) {
        switch error {
        case .unknownValue(let table, let row, let column, let value):
            self.init(
                subject: "\(table) row \(row)",
                message: CatalogError.unknownValueText(column: column, value: value))
        case .unreadableRow(let table, let row, let detail):
            self.init(subject: "\(table) row \(row)", message: "cannot be read (\(detail))")
        default:
            self.init(subject: "database", message: error.description)
        }
    }
}

extension Catalog {
    /// SQLite's full `integrity_check` and `foreign_key_check`.
    /// See <https://www.sqlite.org/pragma.html#pragma_integrity_check>.
    public func databaseProblems() throws -> [CheckProblem] {
        try read { db in
            var problems: [CheckProblem] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                problems += integrity.map { CheckProblem(subject: "database", message: "integrity_check: \($0)") }
            }
            let foreign = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
            for row in foreign {
                let table: String = row[0] ?? "?"
                let rowid: Int64? = row[1]
                let parent: String = row[2] ?? "?"
                problems.append(
                    CheckProblem(
                        subject: "database",
                        message:
                            "foreign_key_check: \(table) row \(rowid.map(String.init) ?? "?") "
                            + "points at a missing \(parent)"
                    ))
            }
            return problems
        }
    }

    /// Recomputes the hash chain: each event's `prev_hash` must be the hash of the event before it, sequence
    /// numbers must run 1, 2, 3… without gaps, and each stored hash must equal the recomputed one. Names the
    /// first bad event. With `through`, stops after that event. The events are read as text, so that a chain
    /// holding an action this footage does not know is checked all the same (`recordProblems` names such events).
    public func ledgerProblems(from start: Int64 = 1, through last: Int64? = nil, expectedPrevious: String? = nil)
        throws -> [CheckProblem]
    {
        try read { db in
            var problems: [CheckProblem] = []
            var previous = expectedPrevious ?? LedgerEvent.genesisHash
            if start > 1 && expectedPrevious == nil {
                previous =
                    try String.fetchOne(db, sql: "SELECT hash FROM ledger WHERE seq = ?", arguments: [start - 1])
                    ?? LedgerEvent.genesisHash
            }
            var chain = ChainCheck(expectedSeq: start, previous: previous)
            let cursor = try Row.fetchCursor(
                db, LedgerEvent.filter { $0.seq >= start && $0.seq <= (last ?? Int64.max) }.orderByPrimaryKey())
            while let row = try cursor.next() {
                if let problem = chain.check(row) {
                    problems.append(problem)
                    return problems
                }
            }
            return problems
        }
    }

    /// Number of events and the newest event's hash.
    public func ledgerHead() throws -> (count: Int64, hash: String) {
        try read { db in
            let row = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
            return (row?["seq"] ?? 0, row?["hash"] ?? LedgerEvent.genesisHash)
        }
    }
}

/// The hash chain, checked one event at a time in sequence order: each event must be the next number, name the hash
/// of the one before, and hash to its own. The first break is the problem; a chain is not checked past it.
struct ChainCheck {
    var expectedSeq: Int64
    var previous: String

    /// The problem with this event, if any. `payloadIsCanonical` spares scanning a payload the caller has scanned.
    mutating func check(_ row: Row, payloadIsCanonical: Bool? = nil) -> CheckProblem? {
        let event: StoredEvent
        do {
            event = try StoredEvent(row: row)
        } catch let error as CatalogError {
            return CheckProblem(error)
        } catch {
            return CheckProblem(subject: "ledger event \(expectedSeq)", message: "unreadable (\(error))")
        }
        if event.seq != expectedSeq {
            return CheckProblem(
                subject: "ledger event \(expectedSeq)",
                message: "missing or reordered: the next event found is \(event.seq)")
        }
        if event.prevHash != previous {
            return CheckProblem(
                subject: "ledger event \(event.seq)",
                message: "does not follow event \(event.seq - 1): its previous hash does not match "
                    + "(a row was changed, removed or reordered)")
        }
        let text = LedgerEvent.hashedText(
            seq: event.seq, time: event.time, actor: event.actor, action: event.action, subject: event.subject,
            payload: event.payload, prevHash: event.prevHash, payloadIsCanonical: payloadIsCanonical)
        if SHA256.hash(data: Data(text.utf8)).hexString != event.hash {
            return CheckProblem(
                subject: "ledger event \(event.seq)",
                message: "its content does not match its hash (the event was edited)")
        }
        previous = event.hash
        expectedSeq += 1
        return nil
    }
}
