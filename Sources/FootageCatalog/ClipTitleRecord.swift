import Foundation
import GRDB

/// The "v11 clip titles" migration: the titles analysts give clips (`footage title`). A container's title tag and a
/// platform's title say what the file or the platform called the footage; a clip with neither, or with a title that
/// tells two releases of one publisher apart no better than "untitled clip", gets one of the analyst's. The latest
/// title stands; earlier ones stay as history.
enum ClipTitleSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11 clip titles") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clip_title (
                        id INTEGER PRIMARY KEY,
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        clip_sha256 TEXT NOT NULL,
                        title TEXT NOT NULL CHECK (length(title) > 0),
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX clip_title_clip ON clip_title(clip_id);
                    """)
        }
    }
}

/// A clip title as stored: its row id and `NewClipTitle`'s fields.
public typealias ClipTitleRecord = Stored<NewClipTitle>

/// A title an analyst gave a clip. Stored as the text typed, markup and all: it is data, escaped wherever it is shown.
public struct NewClipTitle: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "clip_title"

    public var clipId: Int64
    public var clipSha256: String
    public var title: String
    public var createdAt: String
    public var createdBy: String

    public init(clipId: Int64, clipSha256: String, title: String) {
        self.clipId = clipId
        self.clipSha256 = clipSha256
        self.title = title
        self.createdAt = ""
        self.createdBy = ""
    }
}

extension NewClipTitle {
    /// The table's columns, for queries.
    public enum Columns {
        public static let clipId = Column("clip_id")
    }
}

extension Catalog {
    /// Records a title for a clip in one transaction with its `clip.title` ledger event. The caller checks the text
    /// (`ClipTitle.checked` in FootageKit); the table refuses an empty one all the same.
    public func setTitle(clip: ClipRecord, title: String, actor: String) throws -> ClipTitleRecord {
        try write { db in
            var new = NewClipTitle(clipId: clip.id, clipSha256: clip.sha256, title: title)
            new.createdAt = Timestamp.now()
            new.createdBy = actor
            let record = try ClipTitleRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "clip_title", key: [record.id])
            _ = try Ledger.append(
                db, actor: actor, action: .clipTitle, subject: clip.sha256,
                payload: ["title": .string(title), "title_id": .int(record.id)], rows: rows)
            return record
        }
    }

    /// Every title given to a clip, oldest first; the last one stands.
    public func titles(clipId: Int64) throws -> [ClipTitleRecord] {
        try read { db in
            try ClipTitleRecord.filter { $0.clipId == clipId }.orderByPrimaryKey().fetchAll(db)
        }
    }

    /// The title that stands for each clip that has one, by clip id.
    public func currentTitles() throws -> [Int64: String] {
        try read { db in
            var titles: [Int64: String] = [:]
            for record in try ClipTitleRecord.orderByPrimaryKey().fetchAll(db) { titles[record.clipId] = record.title }
            return titles
        }
    }

    /// Each clip title must match its `clip.title` event (clip and text).
    static func clipTitleProblems(_ db: Database) throws -> [CheckProblem] {
        let recorded = try eventPayloads(db, action: .clipTitle, key: "title_id")
        var problems: [CheckProblem] = []
        for title in try readableRecords(ClipTitleRecord.all(), db, problems: &problems) {
            let expected: JSONValue = ["title": .string(title.title), "title_id": .int(title.id)]
            if let event = recorded[title.id], event.subject == title.clipSha256,
                event.payload.canonicalText == expected.canonicalText
            {
                continue
            }
            problems.append(
                CheckProblem(
                    subject: "clip title \(title.id)", message: "differs from its ledger event (edited outside footage)"
                ))
        }
        return problems
    }
}
