import Foundation

/// What `Probe` read from a media file: ffprobe's `-show_format -show_streams`, plus FootageMedia's
/// normalised reading of the metadata (`footage`). Plain values, safe to keep after the file is closed.
///
/// Its JSON (`jsonData()`) is `{"format": {…}, "streams": […], "footage": {…}}` with ffprobe's field names
/// and typed values: numbers are JSON numbers (ffprobe writes many as strings), rationals stay strings as
/// ffprobe writes them ("30000/1001", "16:9"), absent fields are omitted, keys are sorted.
public struct ProbeResult: Sendable, Codable, Equatable {
    public var format: FormatInfo
    public var streams: [StreamInfo]
    public var footage: NormalizedMetadata

    public init(format: FormatInfo, streams: [StreamInfo], footage: NormalizedMetadata) {
        self.format = format
        self.streams = streams
        self.footage = footage
    }

    /// Deterministic JSON: sorted keys, no escaped slashes.
    public func jsonData(prettyPrinted: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// Reads back what `jsonData()` wrote.
    public static func decode(json: Data) throws -> ProbeResult {
        try JSONDecoder().decode(ProbeResult.self, from: json)
    }

    /// The first stream of a type ("video", "audio", …).
    public func firstStream(ofType type: String) -> StreamInfo? {
        streams.first { $0.codecType == type }
    }
}

/// The container: ffprobe's `format` section.
public struct FormatInfo: Sendable, Codable, Equatable {
    /// The path as given to `Probe`.
    public var filename: String
    public var nbStreams: Int
    public var nbPrograms: Int
    /// The demuxer, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm".
    public var formatName: String
    public var formatLongName: String?
    /// Seconds.
    public var startTime: Double?
    /// Seconds.
    public var duration: Double?
    /// Bytes.
    public var size: Int64?
    /// Bits per second.
    public var bitRate: Int64?
    public var probeScore: Int
    /// Every container tag, verbatim; nil when there are none.
    public var tags: [String: String]?

    enum CodingKeys: String, CodingKey {
        case filename, size, duration, tags
        case nbStreams = "nb_streams"
        case nbPrograms = "nb_programs"
        case formatName = "format_name"
        case formatLongName = "format_long_name"
        case startTime = "start_time"
        case bitRate = "bit_rate"
        case probeScore = "probe_score"
    }

    public init(
        filename: String, nbStreams: Int, nbPrograms: Int, formatName: String, formatLongName: String?,
        startTime: Double?, duration: Double?, size: Int64?, bitRate: Int64?, probeScore: Int, tags: [String: String]?
    ) {
        self.filename = filename
        self.nbStreams = nbStreams
        self.nbPrograms = nbPrograms
        self.formatName = formatName
        self.formatLongName = formatLongName
        self.startTime = startTime
        self.duration = duration
        self.size = size
        self.bitRate = bitRate
        self.probeScore = probeScore
        self.tags = tags
    }
}

/// One stream: ffprobe's `streams[]` entry. Fields that do not apply or are unknown are nil.
public struct StreamInfo: Sendable, Codable, Equatable {
    public var index: Int
    /// The container's own stream id where the format shows one (MPEG-TS PIDs), e.g. "0x100".
    public var id: String?
    public var codecName: String?
    public var codecLongName: String?
    public var profile: String?
    /// "video", "audio", "subtitle", "data", "attachment".
    public var codecType: String?
    public var codecTagString: String?
    public var codecTag: String?

    // Video
    public var width: Int?
    public var height: Int?
    public var codedWidth: Int?
    public var codedHeight: Int?
    public var hasBFrames: Int?
    /// "1:1".
    public var sampleAspectRatio: String?
    /// "16:9".
    public var displayAspectRatio: String?
    public var pixFmt: String?
    /// Codec level; nil when unknown (ffprobe writes -99).
    public var level: Int?
    public var colorRange: String?
    public var colorSpace: String?
    public var colorTransfer: String?
    public var colorPrimaries: String?
    public var chromaLocation: String?
    /// "progressive", "tt", "bb", "tb", "bt".
    public var fieldOrder: String?

    // Audio
    public var sampleFmt: String?
    public var sampleRate: Int?
    public var channels: Int?
    public var channelLayout: String?
    public var bitsPerSample: Int?

    // Timing: rationals as ffprobe writes them ("30000/1001", "0/0" when unknown).
    public var rFrameRate: String
    public var avgFrameRate: String
    public var timeBase: String
    public var startPts: Int64?
    /// Seconds.
    public var startTime: Double?
    public var durationTs: Int64?
    /// Seconds.
    public var duration: Double?
    public var bitRate: Int64?
    public var bitsPerRawSample: Int?
    public var nbFrames: Int64?
    public var extradataSize: Int?

    /// ffprobe's disposition flags, each 0 or 1 ("default", "forced", "attached_pic", …).
    public var disposition: [String: Int]?
    /// Every stream tag, verbatim; nil when there are none.
    public var tags: [String: String]?
    /// Side data FootageMedia reads: the display matrix rotation.
    public var sideDataList: [SideData]?

    /// The rotation of the display matrix in degrees as `av_display_rotation_get` gives it (ffprobe's
    /// `rotation`): counter-clockwise is positive.
    public var displayRotation: Double? {
        sideDataList?.first { $0.sideDataType == SideData.displayMatrix }?.rotation
    }

    enum CodingKeys: String, CodingKey {
        case index, id, profile, width, height, level, channels, duration, disposition, tags
        case codecName = "codec_name"
        case codecLongName = "codec_long_name"
        case codecType = "codec_type"
        case codecTagString = "codec_tag_string"
        case codecTag = "codec_tag"
        case codedWidth = "coded_width"
        case codedHeight = "coded_height"
        case hasBFrames = "has_b_frames"
        case sampleAspectRatio = "sample_aspect_ratio"
        case displayAspectRatio = "display_aspect_ratio"
        case pixFmt = "pix_fmt"
        case colorRange = "color_range"
        case colorSpace = "color_space"
        case colorTransfer = "color_transfer"
        case colorPrimaries = "color_primaries"
        case chromaLocation = "chroma_location"
        case fieldOrder = "field_order"
        case sampleFmt = "sample_fmt"
        case sampleRate = "sample_rate"
        case channelLayout = "channel_layout"
        case bitsPerSample = "bits_per_sample"
        case rFrameRate = "r_frame_rate"
        case avgFrameRate = "avg_frame_rate"
        case timeBase = "time_base"
        case startPts = "start_pts"
        case startTime = "start_time"
        case durationTs = "duration_ts"
        case bitRate = "bit_rate"
        case bitsPerRawSample = "bits_per_raw_sample"
        case nbFrames = "nb_frames"
        case extradataSize = "extradata_size"
        case sideDataList = "side_data_list"
    }

    public init(index: Int, rFrameRate: String = "0/0", avgFrameRate: String = "0/0", timeBase: String = "0/0") {
        self.index = index
        self.rFrameRate = rFrameRate
        self.avgFrameRate = avgFrameRate
        self.timeBase = timeBase
    }
}

/// One entry of a stream's side data, as ffprobe's `side_data_list` shows it.
public struct SideData: Sendable, Codable, Equatable {
    public static let displayMatrix = "Display Matrix"

    /// "Display Matrix".
    public var sideDataType: String
    /// Degrees, for a display matrix.
    public var rotation: Double?

    enum CodingKeys: String, CodingKey {
        case rotation
        case sideDataType = "side_data_type"
    }

    public init(sideDataType: String, rotation: Double?) {
        self.sideDataType = sideDataType
        self.rotation = rotation
    }
}
