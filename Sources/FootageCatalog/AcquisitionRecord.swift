import Foundation
import GRDB

/// An acquisition as stored: its row id and `NewAcquisition`'s fields.
public typealias AcquisitionRecord = Stored<NewAcquisition>

/// Where a clip came from. The analyst's own fields (publisher, platform, url, published, retrieved,
/// retrievedBy, note) are what the analyst asserts; the `platform…` fields are copied from a yt-dlp
/// `.info.json` sidecar and are what the platform said, not verified fact. The sidecar is kept byte for byte with the
/// SHA-256 of those bytes.
public struct NewAcquisition: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "acquisition"

    public var clipId: Int64
    public var publisher: String?
    public var platform: String?
    public var url: String?
    public var published: String?
    public var retrieved: String?
    public var retrievedBy: String?
    public var note: String?
    public var sidecarPath: String?
    public var sidecarSha256: String?
    /// The sidecar's bytes exactly as read (a BLOB: text would lose a byte order mark, or stop at a U+0000).
    public var sidecarJson: Data?
    public var platformUrl: String?
    public var platformExtractor: String?
    public var platformVideoId: String?
    public var platformUploader: String?
    public var platformChannel: String?
    public var platformUploadTime: String?
    public var platformTitle: String?
    public var platformDescription: String?
    public var platformRetrievedAt: String?
    public var recordedAt: String
    public var recordedBy: String

    public init(clipId: Int64 = 0, recordedAt: String = "", recordedBy: String = "") {
        self.clipId = clipId
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }

    /// True when no field says anything.
    public var isEmpty: Bool { ledgerFields.values.allSatisfy { $0 == .null } }

    /// The fields that describe the acquisition (not its row ids or times), as they go into the ledger.
    /// The sidecar itself is represented by its SHA-256: the row keeps its text, and `verify` checks the two agree.
    public var ledgerFields: [String: JSONValue] {
        [
            "publisher": .optional(publisher), "platform": .optional(platform), "url": .optional(url),
            "published": .optional(published), "retrieved": .optional(retrieved),
            "retrieved_by": .optional(retrievedBy), "note": .optional(note),
            "sidecar_path": .optional(sidecarPath), "sidecar_sha256": .optional(sidecarSha256),
            "platform_url": .optional(platformUrl), "platform_extractor": .optional(platformExtractor),
            "platform_video_id": .optional(platformVideoId), "platform_uploader": .optional(platformUploader),
            "platform_channel": .optional(platformChannel), "platform_upload_time": .optional(platformUploadTime),
            "platform_title": .optional(platformTitle), "platform_description": .optional(platformDescription),
            "platform_retrieved_at": .optional(platformRetrievedAt),
        ]
    }
}

extension NewAcquisition {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let clipId = Column("clip_id")
    }
}
