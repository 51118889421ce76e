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
    /// What `footage fetch` observed itself (nil for an acquisition registered from a file): the URL it was given, the
    /// page URL yt-dlp ended at (redirects followed), the URL of the media it downloaded, yt-dlp's name and version, its
    /// extractor, and when the download finished (UTC ISO 8601).
    public var fetchUrl: String?
    public var fetchResolvedUrl: String?
    public var fetchMediaUrl: String?
    public var fetchTool: String?
    public var fetchExtractor: String?
    public var fetchedAt: String?

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
        var fields: [String: JSONValue] = [
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
        // Only when set: the events of acquisitions that were not fetched, and of those recorded before fetching
        // existed, hold none of these keys.
        for (key, value) in [
            ("fetch_url", fetchUrl), ("fetch_resolved_url", fetchResolvedUrl), ("fetch_media_url", fetchMediaUrl),
            ("fetch_tool", fetchTool), ("fetch_extractor", fetchExtractor), ("fetched_at", fetchedAt),
        ] {
            if let value { fields[key] = .string(value) }
        }
        return fields
    }
}

extension NewAcquisition {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let clipId = Column("clip_id")
    }
}
