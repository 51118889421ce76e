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
            var expectedSeq = start
            var previous = expectedPrevious ?? LedgerEvent.genesisHash
            if start > 1 && expectedPrevious == nil {
                previous =
                    try String.fetchOne(db, sql: "SELECT hash FROM ledger WHERE seq = ?", arguments: [start - 1])
                    ?? LedgerEvent.genesisHash
            }
            let cursor = try Row.fetchCursor(
                db, LedgerEvent.filter { $0.seq >= start && $0.seq <= (last ?? Int64.max) }.orderByPrimaryKey())
            while let row = try cursor.next() {
                let event: StoredEvent
                do {
                    event = try StoredEvent(row: row)
                } catch let error as CatalogError {
                    problems.append(CheckProblem(error))
                    return problems
                }
                if event.seq != expectedSeq {
                    problems.append(
                        CheckProblem(
                            subject: "ledger event \(expectedSeq)",
                            message: "missing or reordered: the next event found is \(event.seq)"))
                    return problems
                }
                if event.prevHash != previous {
                    problems.append(
                        CheckProblem(
                            subject: "ledger event \(event.seq)",
                            message:
                                "does not follow event \(event.seq - 1): its previous hash does not match "
                                + "(a row was changed, removed or reordered)"
                        ))
                    return problems
                }
                if event.recomputedHash != event.hash {
                    problems.append(
                        CheckProblem(
                            subject: "ledger event \(event.seq)",
                            message: "its content does not match its hash (the event was edited)"))
                    return problems
                }
                previous = event.hash
                expectedSeq += 1
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
