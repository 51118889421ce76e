import FootageCore
import Foundation
import GRDB

/// The state of a clip's C2PA manifest store as recorded (the words of FootageMedia's `ContentCredentials.State`).
public enum CredentialsState: String, CatalogVocabulary {
    case valid, invalid, unreadable, none
    case notChecked = "not checked"
}

/// What a clip's C2PA manifest store said when footage read it: one row per clip (`clip.credentials` events).
public struct CredentialsRecord: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "credentials"
    public static let vocabularyColumns = [VocabularyColumn(Columns.state, CredentialsState.self)]

    public var clipId: Int64
    public var state: CredentialsState
    /// The validation status codes, as a JSON array of strings.
    public var codes: String
    /// Why the state is what it is, where the codes do not say.
    public var reason: String?
    /// The manifest store as the C2PA library reported it.
    public var manifestJson: String?
    /// The C2PA library's version, nil when none was loaded.
    public var library: String?
    public var recordedAt: String
    public var recordedBy: String

    public init(
        clipId: Int64 = 0, state: CredentialsState, codes: [String], reason: String?, manifestJson: String?,
        library: String?
    ) {
        self.clipId = clipId
        self.state = state
        self.codes = JSONValue.array(codes.map(JSONValue.string)).canonicalText
        self.reason = reason
        self.manifestJson = manifestJson
        self.library = library
        self.recordedAt = ""
        self.recordedBy = ""
    }

    /// The validation status codes.
    public var codeList: [String] {
        (try? JSONValue(parsing: codes))?.arrayItems.compactMap(\.stringValue) ?? []
    }
}

extension CredentialsRecord {
    /// The table's columns, for queries.
    public enum Columns {
        public static let clipId = Column("clip_id")
        public static let state = Column("state")
    }
}

extension Catalog {
    /// What was recorded of a clip's manifest store; nil for a clip registered before footage read them.
    public func credentials(clipId: Int64) throws -> CredentialsRecord? {
        try read { db in try CredentialsRecord.filter { $0.clipId == clipId }.fetchOne(db) }
    }

    /// Every clip's recorded manifest state, by clip id.
    public func allCredentials() throws -> [Int64: CredentialsRecord] {
        try read { db in
            Dictionary(
                try CredentialsRecord.fetchAll(db).map { ($0.clipId, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }
}

extension CredentialsRecord {
    /// Records `reading` for the clip `clipId` in the transaction `db` with its `clip.credentials` event, unless the
    /// clip already has a reading that stands: one that was checked, or one not checked when this one is not either.
    /// Returns the event's sequence number, nil when nothing was written.
    static func record(
        _ reading: CredentialsRecord, clipId: Int64, sha256: String, actor: String, now: String, _ db: Database
    ) throws -> Int64? {
        if let existing = try CredentialsRecord.filter({ $0.clipId == clipId }).fetchOne(db),
            existing.state != .notChecked || reading.state == .notChecked
        {
            return nil
        }
        var row = reading
        row.clipId = clipId
        row.recordedAt = now
        row.recordedBy = actor
        try row.insert(db, onConflict: .replace)
        var rows = RowChanges()
        try rows.written(db, "credentials", key: [clipId])
        return try Ledger.append(
            db, actor: actor, action: .clipCredentials, subject: sha256,
            payload: [
                "state": .string(row.state.rawValue), "codes": .array(row.codeList.map(JSONValue.string)),
                "library": .optional(row.library),
                "manifest_sha256": .optional(row.manifestJson.map { Hashing.sha256Hex($0) }),
            ], rows: rows
        ).seq
    }
}
