import FootageCatalog
import Foundation

/// A clip's own fields: its identity and the summary of its probe. Every row about a clip as a whole (`list clips`,
/// `show`) starts with these; the probe itself and the clip's other records are added by those rows.
public struct ClipRow: Encodable, Sendable {
    public var id: Int64?
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
    /// What the metadata means for an investigator ("re-encoded by a platform…").
    public var warnings: [String]
    public var registeredAt: String
    public var registeredBy: String

    public init(_ clip: ClipRecord) {
        id = clip.id
        sha256 = clip.sha256
        size = clip.size
        formatName = clip.formatName
        duration = clip.duration
        bitRate = clip.bitRate
        width = clip.width
        height = clip.height
        videoCodec = clip.videoCodec
        audioCodec = clip.audioCodec
        frameRate = clip.frameRate
        title = clip.title
        creationTime = clip.creationTime
        creationTimeSource = clip.creationTimeSource
        latitude = clip.latitude
        longitude = clip.longitude
        altitude = clip.altitude
        locationSource = clip.locationSource
        make = clip.make
        model = clip.model
        software = clip.software
        rotation = clip.rotation
        warnings = clip.warningList
        registeredAt = clip.registeredAt
        registeredBy = clip.registeredBy
    }

    enum CodingKeys: String, CodingKey {
        case id, sha256, size, duration, width, height, title, latitude, longitude, altitude, make, model, software
        case rotation, warnings
        case formatName = "format_name"
        case bitRate = "bit_rate"
        case videoCodec = "video_codec"
        case audioCodec = "audio_codec"
        case frameRate = "frame_rate"
        case creationTime = "creation_time"
        case creationTimeSource = "creation_time_source"
        case locationSource = "location_source"
        case registeredAt = "registered_at"
        case registeredBy = "registered_by"
    }
}
