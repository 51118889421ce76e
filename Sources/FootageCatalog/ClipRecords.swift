import Foundation
import GRDB

/// Records use camelCase in Swift and snake_case in SQL.
public protocol SnakeCaseRecord: Codable, FetchableRecord, MutablePersistableRecord {
    /// The columns whose values come from a vocabulary (`CatalogVocabulary`).
    static var vocabularyColumns: [VocabularyColumn] { get }
}

extension SnakeCaseRecord {
    public static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    public static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }
    public static var vocabularyColumns: [VocabularyColumn] { [] }

    /// Why `row` (row `id` of this table) could not be read: the column holding a word outside its vocabulary when
    /// there is one, else what the database layer said.
    static func readingError(_ error: any Error, row: Row, id: Int64) -> CatalogError {
        for column in vocabularyColumns {
            if let value = column.unknownValue(in: row) {
                return .unknownValue(table: databaseTableName, row: id, column: column.name, value: value)
            }
        }
        return .unreadableRow(table: databaseTableName, row: id, detail: CatalogError.summary(of: error))
    }
}

/// A clip as stored: its row id and `NewClip`'s fields.
public typealias ClipRecord = Stored<NewClip>

/// One clip: a piece of footage identified by the SHA-256 of its bytes, with the summary of its probe.
/// The whole probe (ffprobe's fields) is kept verbatim in `probeJson`.
public struct NewClip: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "clip"

    public var sha256: String
    public var size: Int64
    public var formatName: String?
    public var duration: Double?
    public var bitRate: Int64?
    public var width: Int?
    public var height: Int?
    public var videoCodec: String?
    public var audioCodec: String?
    public var frameRate: String?
    public var title: String?
    public var creationTime: String?
    public var creationTimeSource: String?
    public var latitude: Double?
    public var longitude: Double?
    public var altitude: Double?
    public var locationSource: String?
    public var make: String?
    public var model: String?
    public var software: String?
    public var rotation: Double?
    /// JSON array of the probe's warnings.
    public var warnings: String
    public var probeJson: String
    public var registeredAt: String
    public var registeredBy: String

    public init(sha256: String, size: Int64, probeJson: String, registeredAt: String = "", registeredBy: String = "") {
        self.sha256 = sha256
        self.size = size
        self.warnings = "[]"
        self.probeJson = probeJson
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
    }

    public var warningList: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(warnings.utf8))) ?? []
    }
}

extension NewClip {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let sha256 = Column("sha256")
    }
}

/// Where a location's bytes are: the file as registered, or the evidentiary copy footage made in `Media/`.
public enum LocationKind: String, CatalogVocabulary {
    case original, copy
}

/// A location as stored: its row id and `NewLocation`'s fields.
public typealias LocationRecord = Stored<NewLocation>

/// A path where a clip's bytes were seen: the file registered (`original`) or an evidentiary copy (`copy`).
public struct NewLocation: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "location"
    public static let vocabularyColumns = [VocabularyColumn(Columns.kind, LocationKind.self)]

    public var clipId: Int64
    public var path: String
    public var kind: LocationKind
    public var firstSeen: String

    public init(clipId: Int64 = 0, path: String, kind: LocationKind, firstSeen: String = "") {
        self.clipId = clipId
        self.path = path
        self.kind = kind
        self.firstSeen = firstSeen
    }
}

extension NewLocation {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let clipId = Column("clip_id")
        public static let path = Column("path")
        public static let kind = Column("kind")
    }
}

/// One stream of a clip, as the probe described it.
public struct StreamRecord: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "stream"

    public var clipId: Int64
    public var streamIndex: Int
    public var codecType: String?
    public var codecName: String?
    public var profile: String?
    public var width: Int?
    public var height: Int?
    public var pixFmt: String?
    public var frameRate: String?
    public var timeBase: String?
    public var duration: Double?
    public var nbFrames: Int64?
    public var sampleRate: Int?
    public var channels: Int?
    public var channelLayout: String?
    public var language: String?
    public var rotation: Double?

    public init(clipId: Int64 = 0, streamIndex: Int) {
        self.clipId = clipId
        self.streamIndex = streamIndex
    }

    public enum Columns {
        public static let clipId = Column("clip_id")
        public static let streamIndex = Column("stream_index")
    }
}

/// A tag as stored: its row id and `NewTag`'s fields.
public typealias TagRecord = Stored<NewTag>

/// A metadata tag exactly as the container held it. `scope` is `format` or `stream:N`.
public struct NewTag: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "tag"

    public var clipId: Int64
    public var scope: String
    public var key: String
    public var value: String

    public init(clipId: Int64 = 0, scope: String, key: String, value: String) {
        self.clipId = clipId
        self.scope = scope
        self.key = key
        self.value = value
    }
}

extension NewTag {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let clipId = Column("clip_id")
    }
}
