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

extension Catalog {
    /// Appends a verification run to the log (not to the ledger: a check changes no evidence).
    @discardableResult
    public func record(verification: NewVerification) throws -> VerificationRecord {
        try write { db in try VerificationRecord.insert(verification, in: db) }
    }

    /// The most recent verification run, if any.
    public func lastVerification() throws -> VerificationRecord? {
        try read { db in try VerificationRecord.orderByPrimaryKey().reversed().fetchOne(db) }
    }
}
