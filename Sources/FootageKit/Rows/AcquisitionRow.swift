import FootageCatalog
import Foundation

/// Where a clip came from (`show`'s `acquisitions`): what the analyst asserts, what a yt-dlp sidecar said (the
/// `platform_…` fields, not verified fact), and the sidecar itself as JSON.
public struct AcquisitionRow: Encodable, Sendable {
    public var id: Int64?
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
    /// The sidecar as kept (verbatim bytes, parsed here); absent without a sidecar or when it is not JSON.
    public var sidecar: JSONValue?
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
    /// What `footage fetch` observed itself; absent for acquisitions registered from a file.
    public var fetchUrl: String?
    public var fetchResolvedUrl: String?
    public var fetchMediaUrl: String?
    public var fetchTool: String?
    public var fetchExtractor: String?
    public var fetchedAt: String?

    public init(_ acquisition: AcquisitionRecord) {
        id = acquisition.id
        clipId = acquisition.clipId
        publisher = acquisition.publisher
        platform = acquisition.platform
        url = acquisition.url
        published = acquisition.published
        retrieved = acquisition.retrieved
        retrievedBy = acquisition.retrievedBy
        note = acquisition.note
        sidecarPath = acquisition.sidecarPath
        sidecarSha256 = acquisition.sidecarSha256
        sidecar = acquisition.sidecarJson.flatMap(YtDlpSidecar.json)
        platformUrl = acquisition.platformUrl
        platformExtractor = acquisition.platformExtractor
        platformVideoId = acquisition.platformVideoId
        platformUploader = acquisition.platformUploader
        platformChannel = acquisition.platformChannel
        platformUploadTime = acquisition.platformUploadTime
        platformTitle = acquisition.platformTitle
        platformDescription = acquisition.platformDescription
        platformRetrievedAt = acquisition.platformRetrievedAt
        recordedAt = acquisition.recordedAt
        recordedBy = acquisition.recordedBy
        fetchUrl = acquisition.fetchUrl
        fetchResolvedUrl = acquisition.fetchResolvedUrl
        fetchMediaUrl = acquisition.fetchMediaUrl
        fetchTool = acquisition.fetchTool
        fetchExtractor = acquisition.fetchExtractor
        fetchedAt = acquisition.fetchedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, publisher, platform, url, published, retrieved, note, sidecar
        case clipId = "clip_id"
        case retrievedBy = "retrieved_by"
        case sidecarPath = "sidecar_path"
        case sidecarSha256 = "sidecar_sha256"
        case platformUrl = "platform_url"
        case platformExtractor = "platform_extractor"
        case platformVideoId = "platform_video_id"
        case platformUploader = "platform_uploader"
        case platformChannel = "platform_channel"
        case platformUploadTime = "platform_upload_time"
        case platformTitle = "platform_title"
        case platformDescription = "platform_description"
        case platformRetrievedAt = "platform_retrieved_at"
        case recordedAt = "recorded_at"
        case recordedBy = "recorded_by"
        case fetchUrl = "fetch_url"
        case fetchResolvedUrl = "fetch_resolved_url"
        case fetchMediaUrl = "fetch_media_url"
        case fetchTool = "fetch_tool"
        case fetchExtractor = "fetch_extractor"
        case fetchedAt = "fetched_at"
    }
}
