import Foundation
import GRDB

/// A seal as stored: its row id and `NewSeal`'s fields.
public typealias SealRecord = Stored<NewSeal>

/// One `footage seal`: the ledger's event count and head hash when it was sealed, when, and by whom.
public struct NewSeal: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "seal"

    public var time: String
    public var actor: String
    public var events: Int64
    public var head: String

    public var checkpoint: LedgerCheckpoint { LedgerCheckpoint(events: events, head: head) }
}

extension Catalog {
    /// Seals the ledger as it is now: records the checkpoint (event count and head hash) and returns it.
    ///
    /// The seal commits with `synchronous = FULL`, which flushes the write-ahead log: once the checkpoint is printed,
    /// it and every event it covers survive a power cut. (Other commits use NORMAL, with which a power cut may take
    /// back the newest transactions, never consistency; a published checkpoint must not name events that could be
    /// taken back.) See <https://www.sqlite.org/pragma.html#pragma_synchronous>.
    ///
    /// With `checkpoint`, that checkpoint is sealed (the one `timestamps` were taken over) and must still name an event
    /// of the ledger; the tokens and the authority certificates not kept yet are recorded in the same transaction.
    public func seal(
        actor: String, checkpoint: LedgerCheckpoint? = nil, timestamps: [NewSealTimestamp] = [],
        authorities: [NewTimestampAuthority] = []
    ) throws -> SealRecord {
        try Catalog.translatingErrors(path: databaseURL.path) {
            try database.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
                defer { try? db.execute(sql: "PRAGMA synchronous = NORMAL") }
                var seal: SealRecord?
                try db.inTransaction(.immediate) {
                    let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
                    var sealed = LedgerCheckpoint(
                        events: head?["seq"] ?? 0, head: head?["hash"] ?? LedgerEvent.genesisHash)
                    if let checkpoint {
                        let hash = try String.fetchOne(
                            db, sql: "SELECT hash FROM ledger WHERE seq = ?", arguments: [checkpoint.events])
                        guard checkpoint.events == 0 || hash == checkpoint.head else {
                            throw CatalogError.database(
                                path: databaseURL.path,
                                message: "event \(checkpoint.events) no longer has the hash that was timestamped: the "
                                    + "ledger was rewritten meanwhile; nothing was recorded")
                        }
                        sealed = checkpoint
                    }
                    let new = NewSeal(time: Timestamp.now(), actor: actor, events: sealed.events, head: sealed.head)
                    let record = try SealRecord.insert(new, in: db)
                    try Catalog.recordTimestamps(timestamps, authorities: authorities, of: record, in: db)
                    seal = record
                    return .commit
                }
                return seal!
            }
        }
    }

    /// Every seal recorded, oldest first.
    public func seals() throws -> [SealRecord] {
        try read { db in try SealRecord.orderByPrimaryKey().fetchAll(db) }
    }

    /// Whether the ledger still begins with what `checkpoint` names: events 1…`events` must still form an unbroken
    /// chain ending in the hash `head`. Since each hash covers the event before, this shows that none of them was
    /// changed, removed or reordered; the chain check (`ledgerProblems`) shows that every later event follows on,
    /// so together they prove the ledger has only been appended to since the checkpoint.
    ///
    /// `chainIntact` says the caller has just found the whole chain unbroken, which spares walking it again.
    public func checkpointProblems(_ checkpoint: LedgerCheckpoint, subject: String? = nil, chainIntact: Bool = false)
        throws -> [CheckProblem]
    {
        let subject = subject ?? "checkpoint \(checkpoint)"
        let covered = checkpoint.events
        if !chainIntact, let broken = try ledgerProblems(through: covered).first {
            return [CheckProblem(subject: subject, message: "\(broken) (the checkpoint covers events 1–\(covered))")]
        }
        if covered == 0 {
            return checkpoint.head == LedgerEvent.genesisHash
                ? []
                : [
                    CheckProblem(
                        subject: subject,
                        message: "covers no events but names a head; footage never prints that")
                ]
        }
        // The head's hash alone, read as text: the event may hold an action this footage does not know.
        let head = try read { db in
            try String.fetchOne(db, sql: "SELECT hash FROM ledger WHERE seq = ?", arguments: [covered])
        }
        if head == nil {
            let count = try ledgerHead().count
            return [
                CheckProblem(
                    subject: subject,
                    message: "the ledger now has \(count) events, fewer than the \(covered) it covered: "
                        + "events were removed")
            ]
        }
        if let head, head != checkpoint.head {
            return [
                CheckProblem(
                    subject: subject,
                    message: "event \(covered) no longer hashes to the checkpoint's head: events 1–\(covered) were "
                        + "rewritten since (the chain recomputed)")
            ]
        }
        return []
    }
}
