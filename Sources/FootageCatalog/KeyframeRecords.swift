import Foundation
import GRDB

/// How a keyframe extraction chose its stills: the coded keyframes, scene changes, or fixed intervals.
public enum ExtractionMode: String, CatalogVocabulary {
    case key, scene, interval
}

/// An extraction as stored: its row id and `NewExtraction`'s fields.
public typealias ExtractionRecord = Stored<NewExtraction>

/// One run of keyframe extraction on a clip with given parameters. Running the same extraction again finds this
/// record and adds nothing.
public struct NewExtraction: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "extraction"
    public static let vocabularyColumns = [VocabularyColumn(Columns.mode, ExtractionMode.self)]

    public var clipId: Int64
    public var mode: ExtractionMode
    /// The parameters as canonical JSON (mode, threshold or interval, max, width, format): the extraction's identity.
    public var params: String
    /// Folder of the images, relative to the catalogue folder.
    public var folder: String
    public var sheetPath: String?
    public var sheetSha256: String?
    public var createdAt: String
    public var createdBy: String

    public init(clipId: Int64, mode: ExtractionMode, params: String, folder: String) {
        self.clipId = clipId
        self.mode = mode
        self.params = params
        self.folder = folder
        self.createdAt = ""
        self.createdBy = ""
    }

}

extension NewExtraction {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let clipId = Column("clip_id")
        public static let params = Column("params")
        public static let mode = Column("mode")
    }
}

/// A keyframe as stored: its row id and `NewKeyframe`'s fields.
public typealias KeyframeRecord = Stored<NewKeyframe>

/// One still taken from a clip: exact timestamp, image file and its SHA-256, PDQ hash and quality.
public struct NewKeyframe: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "keyframe"

    public var extractionId: Int64
    public var clipId: Int64
    /// 1-based position in the extraction.
    public var idx: Int
    /// Presentation timestamp in `timeBase` units, exactly as the stream has it.
    public var pts: Int64
    /// `num/den`.
    public var timeBase: String
    /// Seconds from the start of the stream.
    public var time: Double
    public var width: Int
    public var height: Int
    /// Image path relative to the catalogue folder.
    public var path: String
    public var sha256: String
    /// 64 hex digits.
    public var pdq: String
    public var quality: Int
    /// Scene-change score, in scene mode.
    public var score: Double?

    public init(
        idx: Int, pts: Int64, timeBase: String, time: Double, width: Int, height: Int, path: String,
        sha256: String, pdq: String, quality: Int, score: Double? = nil
    ) {
        self.extractionId = 0
        self.clipId = 0
        self.idx = idx
        self.pts = pts
        self.timeBase = timeBase
        self.time = time
        self.width = width
        self.height = height
        self.path = path
        self.sha256 = sha256
        self.pdq = pdq
        self.quality = quality
        self.score = score
    }

    /// What the ledger records of each keyframe: enough to re-check the image and its hash later.
    var ledgerValue: JSONValue {
        [
            "idx": .int(Int64(idx)), "pts": .int(pts), "time": .double(time), "path": .string(path),
            "sha256": .string(sha256), "pdq": .string(pdq), "quality": .int(Int64(quality)),
        ]
    }
}

extension NewKeyframe {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let extractionId = Column("extraction_id")
        public static let clipId = Column("clip_id")
        public static let idx = Column("idx")
        public static let time = Column("time")
    }
}

extension Catalog {
    /// The extraction of `clipId` with exactly these parameters, if it was done before.
    public func extraction(clipId: Int64, params: String) throws -> (ExtractionRecord, [KeyframeRecord])? {
        try read { db in
            guard let extraction = try Catalog.extraction(db, clipId: clipId, params: params) else { return nil }
            return (extraction, try Catalog.keyframes(db, extractionId: extraction.id))
        }
    }

    /// Records an extraction and its keyframes in one transaction with its ledger event. If another process recorded
    /// the same extraction meanwhile, that one is returned and nothing is added.
    ///
    /// `placeImages` puts the image folder in place (a rename) inside the transaction, holding the write lock: no
    /// other footage process can then be between placing a folder and recording it, so a folder without a record
    /// is always one left by a process that died, and `withRecordedKeyframeFolders` can remove it safely.
    public func record(
        _ extraction: NewExtraction, keyframes: [NewKeyframe], sha256: String, actor: String,
        details: [String: JSONValue], placeImages: () throws -> Void = {}
    )
        throws -> (ExtractionRecord, [KeyframeRecord], added: Bool)
    {
        try write { db in
            if let existing = try Catalog.extraction(db, clipId: extraction.clipId, params: extraction.params) {
                return (existing, try Catalog.keyframes(db, extractionId: existing.id), false)
            }
            try placeImages()
            var new = extraction
            new.createdAt = Timestamp.now()
            new.createdBy = actor
            let saved = try ExtractionRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "extraction", key: [saved.id])
            var frames: [KeyframeRecord] = []
            for var frame in keyframes {
                frame.extractionId = saved.id
                frame.clipId = saved.clipId
                let stored = try KeyframeRecord.insert(frame, in: db)
                try rows.written(db, "keyframe", key: [stored.id])
                frames.append(stored)
            }
            var payload = details
            payload["extraction_id"] = .int(saved.id)
            payload["params"] = (try? JSONValue(parsing: saved.params)) ?? .string(saved.params)
            payload["folder"] = .string(saved.folder)
            payload["sheet"] = .optional(saved.sheetPath)
            payload["sheet_sha256"] = .optional(saved.sheetSha256)
            payload["keyframes"] = .array(frames.map(\.ledgerValue))
            _ = try Ledger.append(
                db, actor: actor, action: .keyframesExtract, subject: sha256,
                payload: .object(payload), rows: rows)
            return (saved, frames, true)
        }
    }

    /// Runs `body` with the image folders every extraction records (relative to the catalogue folder), holding the
    /// write lock, so that `body` can tell a folder left by a killed process (on disk, not recorded) from one being
    /// placed right now by another process (impossible while the lock is held; see `record`).
    public func withRecordedKeyframeFolders<T>(_ body: (Set<String>) throws -> T) throws -> T {
        try write { db in try body(Set(try String.fetchAll(db, sql: "SELECT folder FROM extraction"))) }
    }

    /// Every keyframe of a clip, in time order.
    public func keyframes(clipId: Int64) throws -> [KeyframeRecord] {
        try read { db in
            try KeyframeRecord.filter { $0.clipId == clipId }
                .order { [$0.time, $0.extractionId] }.fetchAll(db)
        }
    }

    /// Every extraction of a clip.
    public func extractions(clipId: Int64) throws -> [ExtractionRecord] {
        try read { db in
            try ExtractionRecord.filter { $0.clipId == clipId }.orderByPrimaryKey().fetchAll(db)
        }
    }

    private static func extraction(_ db: Database, clipId: Int64, params: String) throws -> ExtractionRecord? {
        try ExtractionRecord.filter { $0.clipId == clipId && $0.params == params }
            .fetchOne(db)
    }

    private static func keyframes(_ db: Database, extractionId: Int64) throws -> [KeyframeRecord] {
        try KeyframeRecord.filter { $0.extractionId == extractionId }.order(\.idx)
            .fetchAll(db)
    }

    /// Every keyframe and sheet image with the SHA-256 recorded for it, for `verify`.
    public func allKeyframeImages() throws -> [(path: String, sha256: String)] {
        try read { db in
            let frames = try Row.fetchAll(db, sql: "SELECT path, sha256 FROM keyframe ORDER BY id")
                .map { (path: $0["path"] as String, sha256: $0["sha256"] as String) }
            let sheets = try Row.fetchAll(
                db,
                sql: """
                    SELECT sheet_path, sheet_sha256 FROM extraction WHERE sheet_path IS NOT NULL ORDER BY id
                    """
            ).map { (path: $0["sheet_path"] as String, sha256: $0["sheet_sha256"] as String) }
            return frames + sheets
        }
    }
}
