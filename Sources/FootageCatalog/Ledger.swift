import Crypto
import Foundation
import GRDB
import FootageCore

/// One event of the ledger: the append-only, hash-chained record of every change to the catalogue.
public struct LedgerEvent: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ledger"

    public var seq: Int64
    /// UTC, ISO 8601 with milliseconds.
    public var time: String
    public var actor: String
    /// What happened, e.g. `clip.register`, `location.add`, `acquisition.add`.
    public var action: String
    /// What it happened to: a clip's SHA-256 or a record id such as `article:3`.
    public var subject: String
    /// The event's details as canonical JSON (see `JSONValue.canonicalText`).
    public var payload: String
    public var prevHash: String
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case seq, time, actor, action, subject, payload
        case prevHash = "prev_hash"
        case hash
    }

    public enum Columns {
        public static let seq = Column(CodingKeys.seq)
        public static let action = Column(CodingKeys.action)
        public static let subject = Column(CodingKeys.subject)
    }

    /// The hash of the event before the first.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The text an event's hash is computed over: the previous hash, a newline, and the canonical JSON of every
    /// other field (seq, time, actor, action, subject, and the payload as parsed JSON). Hashing all the fields,
    /// not only the payload, means that editing an event's time, actor or subject breaks the chain too.
    public static func hashedText(seq: Int64, time: String, actor: String, action: String, subject: String,
                                  payload: String, prevHash: String) -> String {
        let payloadValue = (try? JSONValue(parsing: payload)) ?? .string(payload)
        let body: JSONValue = [
            "seq": .int(seq), "time": .string(time), "actor": .string(actor), "action": .string(action),
            "subject": .string(subject), "payload": payloadValue,
        ]
        return prevHash + "\n" + body.canonicalText
    }

    /// SHA-256 (hex) of `hashedText`.
    public static func computeHash(seq: Int64, time: String, actor: String, action: String, subject: String,
                                   payload: String, prevHash: String) -> String {
        let text = hashedText(seq: seq, time: time, actor: actor, action: action, subject: subject,
                              payload: payload, prevHash: prevHash)
        return SHA256.hash(data: Data(text.utf8)).hexString
    }

    /// This event's hash recomputed from its stored fields.
    public var recomputedHash: String {
        LedgerEvent.computeHash(seq: seq, time: time, actor: actor, action: action, subject: subject,
                                payload: payload, prevHash: prevHash)
    }
}

/// Appends and checks ledger events. Appending happens inside the caller's write transaction, so a change and
/// its event commit together or not at all; because writers take SQLite's write lock first (IMMEDIATE), two
/// processes can never both append after the same head.
enum Ledger {
    static func append(_ db: Database, actor: String, action: String, subject: String,
                       payload: JSONValue) throws -> LedgerEvent {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
        let seq: Int64 = (head?["seq"] as Int64? ?? 0) + 1
        let prevHash: String = head?["hash"] ?? LedgerEvent.genesisHash
        let time = Timestamp.now()
        let text = payload.canonicalText
        let event = LedgerEvent(
            seq: seq, time: time, actor: actor, action: action, subject: subject, payload: text,
            prevHash: prevHash,
            hash: LedgerEvent.computeHash(seq: seq, time: time, actor: actor, action: action, subject: subject,
                                          payload: text, prevHash: prevHash))
        try event.insert(db)
        return event
    }
}

/// UTC timestamps in one format everywhere: ISO 8601 with milliseconds and `Z`.
public enum Timestamp {
    public static func now() -> String { string(from: Date()) }

    public static func string(from date: Date) -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(date)
    }
}
