import FootageCatalog
import Foundation

/// One stream of a clip, as the probe described it (`show`'s `streams`).
public struct StreamRow: Encodable, Sendable {
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

    public init(_ stream: StreamRecord) {
        clipId = stream.clipId
        streamIndex = stream.streamIndex
        codecType = stream.codecType
        codecName = stream.codecName
        profile = stream.profile
        width = stream.width
        height = stream.height
        pixFmt = stream.pixFmt
        frameRate = stream.frameRate
        timeBase = stream.timeBase
        duration = stream.duration
        nbFrames = stream.nbFrames
        sampleRate = stream.sampleRate
        channels = stream.channels
        channelLayout = stream.channelLayout
        language = stream.language
        rotation = stream.rotation
    }

    enum CodingKeys: String, CodingKey {
        case profile, width, height, duration, channels, language, rotation
        case clipId = "clip_id"
        case streamIndex = "stream_index"
        case codecType = "codec_type"
        case codecName = "codec_name"
        case pixFmt = "pix_fmt"
        case frameRate = "frame_rate"
        case timeBase = "time_base"
        case nbFrames = "nb_frames"
        case sampleRate = "sample_rate"
        case channelLayout = "channel_layout"
    }
}
