import Foundation

/// Which pictures of a clip become keyframe stills.
public enum KeyframeMode: Sendable, Equatable, Codable {
    /// The coded keyframes (I/IDR pictures) only; the pictures between them are never decoded.
    case key
    /// The first picture and every picture that differs from the one before it by at least `threshold`
    /// (0…1, see `SceneScorer`; 0.3 finds hard cuts and ignores motion within a shot).
    case scene(threshold: Double)
    /// The first picture at or after 0, N, 2N… seconds from the stream start (frame-accurate).
    case interval(every: Double)

    /// The letter in file names: k, s or i.
    var letter: String {
        switch self {
        case .key: "k"
        case .scene: "s"
        case .interval: "i"
        }
    }
}

/// What `KeyframeExtractor.extract` should take from a clip and where to put it.
public struct KeyframeRequest: Sendable, Codable {
    public var mode: KeyframeMode
    /// Stop after this many images.
    public var maxFrames: Int?
    /// Output width in pixels, aspect kept (after rotation); nil keeps the decoded size.
    public var width: Int?
    public var format: ImageFormat
    /// Where images (and the sheet) are written; created if missing.
    public var folder: URL
    /// Also write `contact-sheet.jpg` in `folder`.
    public var sheet: Bool
    /// Overall deadline in seconds, opening included.
    public var timeout: Double

    public init(mode: KeyframeMode, folder: URL) {
        self.mode = mode
        self.maxFrames = nil
        self.width = nil
        self.format = .jpeg
        self.folder = folder
        self.sheet = false
        self.timeout = 300
    }
}

/// One still written by `KeyframeExtractor`.
public struct ExtractedKeyframe: Sendable, Equatable, Codable {
    /// 1-based, in presentation order.
    public var index: Int
    /// Presentation timestamp in the stream's time base (`best_effort_timestamp`).
    public var pts: Int64
    /// The stream's time base, "num/den".
    public var timeBase: String
    /// Seconds from the stream start, `(pts - start_time) × time base`, exact.
    public var time: Double
    /// Size of the written image.
    public var width: Int
    public var height: Int
    /// Relative to the request's folder, e.g. "000012.345-k0001.jpg"; made of digits and fixed letters only.
    public var fileName: String
    /// SHA-256 of the image file's bytes, lowercase hex.
    public var sha256: String
    /// PDQ hash of the upright picture at most 512 px on its long side, and its quality (0–100).
    public var pdq: PDQHash
    public var quality: Int
    /// Scene mode: the change score that selected it (nil for the first picture, and in the other modes).
    public var score: Double?

    public init(
        index: Int, pts: Int64, timeBase: String, time: Double, width: Int, height: Int, fileName: String,
        sha256: String, pdq: PDQHash, quality: Int, score: Double?
    ) {
        self.index = index
        self.pts = pts
        self.timeBase = timeBase
        self.time = time
        self.width = width
        self.height = height
        self.fileName = fileName
        self.sha256 = sha256
        self.pdq = pdq
        self.quality = quality
        self.score = score
    }
}

/// The result of one extraction.
public struct KeyframeExtraction: Sendable, Codable {
    public var frames: [ExtractedKeyframe]
    /// `contact-sheet.jpg` when a sheet was asked for, and its SHA-256.
    public var sheetFileName: String?
    public var sheetSha256: String?
    /// The index of the video stream the stills come from.
    public var streamIndex: Int
    /// Packets or pictures the decoder could not decode (skipped; damaged footage still yields what it can).
    public var decodeErrors: Int
    /// Packets interval mode left undecoded because no still depended on them (see `VideoFrameReader.unwantedBefore`).
    public var undecodedPackets: Int

    public init(
        frames: [ExtractedKeyframe], sheetFileName: String?, sheetSha256: String?, streamIndex: Int,
        decodeErrors: Int = 0, undecodedPackets: Int = 0
    ) {
        self.frames = frames
        self.sheetFileName = sheetFileName
        self.sheetSha256 = sheetSha256
        self.streamIndex = streamIndex
        self.decodeErrors = decodeErrors
        self.undecodedPackets = undecodedPackets
    }
}
