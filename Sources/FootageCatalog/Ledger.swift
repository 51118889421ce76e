import Crypto
import FootageCore
import Foundation
import GRDB

/// One event of the ledger: the append-only, hash-chained record of every change to the catalogue.
public struct LedgerEvent: Encodable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "ledger"

    public var seq: Int64
    /// UTC, ISO 8601 with milliseconds.
    public var time: String
    public var actor: String
    /// What happened, e.g. `clip.register`, `location.add`, `acquisition.add`.
    public var action: LedgerAction
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

    public init(
        seq: Int64, time: String, actor: String, action: LedgerAction, subject: String, payload: String,
        prevHash: String, hash: String
    ) {
        (self.seq, self.time, self.actor, self.action) = (seq, time, actor, action)
        (self.subject, self.payload, self.prevHash, self.hash) = (subject, payload, prevHash, hash)
    }

    /// Throws `CatalogError.unknownValue` for an event whose action this footage does not know.
    public init(row: Row) throws {
        let text = try StoredEvent(row: row)
        guard let action = LedgerAction(rawValue: text.action) else {
            throw CatalogError.unknownValue(
                table: Self.databaseTableName, row: text.seq, column: "action",
                value: text.action)
        }
        self.init(
            seq: text.seq, time: text.time, actor: text.actor, action: action, subject: text.subject,
            payload: text.payload, prevHash: text.prevHash, hash: text.hash)
    }

    /// The hash of the event before the first.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The text an event's hash is computed over: the previous hash, a newline, and the canonical JSON of every
    /// other field (seq, time, actor, action, subject, and the payload as parsed JSON). Hashing all the fields,
    /// not only the payload, means that editing an event's time, actor or subject breaks the chain too.
    public static func hashedText(
        seq: Int64, time: String, actor: String, action: String, subject: String,
        payload: String, prevHash: String, payloadIsCanonical: Bool? = nil
    ) -> String {
        // A payload that is its own canonical text (every payload footage writes) goes in as it is: the same text as
        // parsing and printing it again, without the cost, which was half of verifying a large ledger.
        if payloadIsCanonical ?? CanonicalJSONScanner(payload).isCanonical {
            var body = "{\"action\":"
            JSONValue.writeString(action, to: &body)
            body += ",\"actor\":"
            JSONValue.writeString(actor, to: &body)
            body += ",\"payload\":" + payload + ",\"seq\":" + String(seq) + ",\"subject\":"
            JSONValue.writeString(subject, to: &body)
            body += ",\"time\":"
            JSONValue.writeString(time, to: &body)
            return prevHash + "\n" + body + "}"
        }
        let payloadValue = (try? JSONValue(parsing: payload)) ?? .string(payload)
        let body: JSONValue = [
            "seq": .int(seq), "time": .string(time), "actor": .string(actor), "action": .string(action),
            "subject": .string(subject), "payload": payloadValue,
        ]
        return prevHash + "\n" + body.canonicalText
    }

    /// SHA-256 (hex) of `hashedText`.
    public static func computeHash(
        seq: Int64, time: String, actor: String, action: String, subject: String,
        payload: String, prevHash: String
    ) -> String {
        let text = hashedText(
            seq: seq, time: time, actor: actor, action: action, subject: subject,
            payload: payload, prevHash: prevHash)
        return SHA256.hash(data: Data(text.utf8)).hexString
    }

    /// This event's hash recomputed from its stored fields.
    public var recomputedHash: String {
        LedgerEvent.computeHash(
            seq: seq, time: time, actor: actor, action: action.rawValue, subject: subject,
            payload: payload, prevHash: prevHash)
    }
}

/// An event as the ledger table holds it, every field as text: what the chain check reads, so that it checks any
/// ledger, one holding an action this footage does not know included.
struct StoredEvent {
    var seq: Int64
    var time: String
    var actor: String
    var action: String
    var subject: String
    var payload: String
    var prevHash: String
    var hash: String

    init(row: Row) throws {
        seq = try row.decode(Int64.self, forColumn: "seq")
        do {
            time = try row.decode(String.self, forColumn: "time")
            actor = try row.decode(String.self, forColumn: "actor")
            action = try row.decode(String.self, forColumn: "action")
            subject = try row.decode(String.self, forColumn: "subject")
            payload = try row.decode(String.self, forColumn: "payload")
            prevHash = try row.decode(String.self, forColumn: "prev_hash")
            hash = try row.decode(String.self, forColumn: "hash")
        } catch {
            throw CatalogError.unreadableRow(
                table: LedgerEvent.databaseTableName, row: seq,
                detail: CatalogError.summary(of: error))
        }
    }

    var recomputedHash: String {
        LedgerEvent.computeHash(
            seq: seq, time: time, actor: actor, action: action, subject: subject,
            payload: payload, prevHash: prevHash)
    }
}

/// Appends and checks ledger events. Appending happens inside the caller's write transaction, so a change and
/// its event commit together or not at all; because writers take SQLite's write lock first (IMMEDIATE), two
/// processes can never both append after the same head.
enum Ledger {
    /// Appends an event. `rows` are the rows the change wrote, read back as the table holds them (`RowChanges`);
    /// they go into the payload under `rows`, which is what `verify` replays.
    static func append(
        _ db: Database, actor: String, action: LedgerAction, subject: String,
        payload: JSONValue, rows: RowChanges
    ) throws -> LedgerEvent {
        let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
        // Read without converting: a hostile catalogue may hold a head that is not text, which must fail, not crash.
        let seq: Int64 = (head.flatMap { Int64.fromDatabaseValue($0["seq"]) } ?? 0) + 1
        let prevHash = head.flatMap { String.fromDatabaseValue($0["hash"]) } ?? LedgerEvent.genesisHash
        let time = Timestamp.now()
        var members = payload.objectMembers ?? [:]
        members["rows"] = .array(rows.entries)
        let text = JSONValue.object(members).canonicalText
        let event = LedgerEvent(
            seq: seq, time: time, actor: actor, action: action, subject: subject, payload: text,
            prevHash: prevHash,
            hash: LedgerEvent.computeHash(
                seq: seq, time: time, actor: actor, action: action.rawValue, subject: subject,
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
