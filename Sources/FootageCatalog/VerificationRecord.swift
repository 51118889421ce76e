import Foundation
import GRDB

/// A verification run as stored: its row id and `NewVerification`'s fields.
public typealias VerificationRecord = Stored<NewVerification>

/// One run of `footage verify`: when, whether everything held, and which ledger head it checked. Reports show the
/// last one, so a reader knows when the files and the chain were last re-checked and whether anything was added
/// since.
public struct NewVerification: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "verification"

    public var time: String
    public var ok: Bool
    /// Files re-hashed (clips, copies, keyframe images, contact sheets).
    public var files: Int
    public var problems: Int
    /// JSON array of the first problems found, as text.
    public var problemList: String
    /// Ledger events and head hash at the time of the check.
    public var events: Int64
    public var head: String

    public init(ok: Bool, files: Int, problems: [String], events: Int64, head: String) {
        self.time = Timestamp.now()
        self.ok = ok
        self.files = files
        self.problems = problems.count
        self.problemList = JSONValue.array(problems.prefix(Self.keptProblems).map(JSONValue.string)).canonicalText
        self.events = events
        self.head = head
    }

    /// How many problem descriptions are kept with a run.
    public static let keptProblems = 50

    public var problemTexts: [String] {
        ((try? JSONValue(parsing: problemList)) ?? .array([])).arrayItems.compactMap(\.stringValue)
    }
}

/// A verification run with the ledger event that recorded it.
public struct RecordedVerification: Sendable {
    public var verification: VerificationRecord
    public var event: LedgerEvent
}

extension Catalog {
    /// Records a verification run with a `catalog.verify` ledger event: a check changes no evidence, but a result a
    /// report shows must be the ledger's own, or anyone could write "verified" into the table.
    @discardableResult
    public func record(verification: NewVerification, actor: String) throws -> VerificationRecord {
        try write { db in
            let saved = try VerificationRecord.insert(verification, in: db)
            var rows = RowChanges()
            try rows.written(db, "verification", key: [saved.id])
            _ = try Ledger.append(
                db, actor: actor, action: .catalogVerify, subject: "verification:\(saved.id)",
                payload: [
                    "ok": .bool(saved.ok), "files": .int(Int64(saved.files)), "problems": .int(Int64(saved.problems)),
                    "events": .int(saved.events), "head": .string(saved.head),
                ], rows: rows)
            return saved
        }
    }

    /// The most recent verification run that the ledger recorded, when its row is still exactly what its event
    /// recorded; nil otherwise (never run, or a row written or edited outside footage).
    public func lastVerification() throws -> RecordedVerification? {
        try read { db in try Catalog.lastVerification(db) }
    }

    static func lastVerification(_ db: Database) throws -> RecordedVerification? {
        guard
            let event = try LedgerEvent.filter({ $0.action == LedgerAction.catalogVerify })
                .order(\.seq.desc).fetchOne(db),
            let payload = try? CanonicalJSONReader.value(of: event.payload),
            let entry = payload["rows"]?.arrayItems.first(where: { $0["table"] == "verification" }),
            case .int(let id)? = entry["key"]?.arrayItems.first,
            let table = LedgerCoverage.table("verification"),
            let row = try Row.fetchOne(
                db, sql: RowImage.selection(of: table) + " WHERE id = ?", arguments: [id]),
            RowImage.image(row, table) == entry["image"],
            let verification = try VerificationRecord.fetchOne(db, key: id)
        else { return nil }
        return RecordedVerification(verification: verification, event: event)
    }
}
