import Foundation
import GRDB

/// What an assessment says a clip is: schema.org's `MediaAuthenticityCategory`.
public enum AssessmentCategory: String, CatalogVocabulary {
    case original, decontextualized, edited, transformed, staged, satire

    /// The schema.org `MediaAuthenticityCategory` member: <https://schema.org/MediaManipulationRatingEnumeration>.
    public var schemaOrgName: String {
        switch self {
        case .original: "OriginalMediaContent"
        case .decontextualized: "DecontextualizedContent"
        case .edited: "EditedOrCroppedContent"
        case .transformed: "TransformedContent"
        case .staged: "StagedContent"
        case .satire: "SatireOrParodyContent"
        }
    }

    /// For people: "original footage", "shown out of context", …
    public var label: String {
        switch self {
        case .original: "original footage"
        case .decontextualized: "shown out of context"
        case .edited: "edited or cropped"
        case .transformed: "transformed"
        case .staged: "staged"
        case .satire: "satire or parody"
        }
    }
}

/// An assessment as stored: its row id and `NewAssessment`'s fields.
public typealias AssessmentRecord = Stored<NewAssessment>

/// The analyst's judgement of what a clip is: original footage, or footage shown out of context, edited,
/// transformed, staged or satire. The categories are schema.org's `MediaAuthenticityCategory`; the latest
/// assessment of a clip is the one that stands, earlier ones stay as history.
public struct NewAssessment: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "assessment"
    public static let vocabularyColumns = [VocabularyColumn(Columns.category, AssessmentCategory.self)]

    public var clipId: Int64
    public var clipSha256: String
    public var category: AssessmentCategory
    public var note: String?
    public var createdAt: String
    public var createdBy: String

    public init(clipId: Int64, clipSha256: String, category: AssessmentCategory, note: String?) {
        self.clipId = clipId
        self.clipSha256 = clipSha256
        self.category = category
        self.note = note
        self.createdAt = ""
        self.createdBy = ""
    }
}

extension NewAssessment {
    /// The table's columns, for queries.
    public enum Columns {
        public static let clipId = Column("clip_id")
        public static let category = Column("category")
    }
}

extension Catalog {
    /// Records an assessment of a clip in one transaction with its `clip.assess` ledger event.
    public func assess(clip: ClipRecord, category: AssessmentCategory, note: String?, actor: String) throws
        -> AssessmentRecord
    {
        try write { db in
            var new = NewAssessment(clipId: clip.id, clipSha256: clip.sha256, category: category, note: note)
            new.createdAt = Timestamp.now()
            new.createdBy = actor
            let record = try AssessmentRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "assessment", key: [record.id])
            if let note, !note.isEmpty {
                try SearchIndex.add(db, kind: "assessment", ref: clip.sha256, field: "note", text: note, into: &rows)
            }
            _ = try Ledger.append(
                db, actor: actor, action: .clipAssess, subject: clip.sha256,
                payload: [
                    "assessment_id": .int(record.id), "category": .string(category.rawValue), "note": .optional(note),
                ], rows: rows)
            return record
        }
    }

    /// Every assessment of a clip, oldest first; the last one stands.
    public func assessments(clipId: Int64) throws -> [AssessmentRecord] {
        try read { db in
            try AssessmentRecord.filter { $0.clipId == clipId }.orderByPrimaryKey().fetchAll(db)
        }
    }
}
