import FootageCatalog
import FootageMedia
import Foundation

/// One still, the same from `keyframes` (as it is extracted) and from `show` (as it was recorded).
public struct KeyframeRow: Encodable, Sendable {
    /// The clip's SHA-256; absent for a file outside the catalogue.
    public var clip: String?
    /// The file the still was taken from, for a file outside the catalogue.
    public var file: String?
    /// 1-based position in its extraction.
    public var index: Int
    /// `key`, `scene` or `interval`.
    public var mode: ExtractionMode
    /// Presentation timestamp in `time_base` units, exactly as the stream has it.
    public var pts: Int64
    public var timeBase: String
    public var time: Double
    public var width: Int
    public var height: Int
    /// Where the image is, absolute.
    public var path: String
    public var sha256: String
    /// The PDQ hash, 64 hex digits.
    public var pdq: String
    public var quality: Int
    /// The scene-change score, in scene mode.
    public var score: Double?

    enum CodingKeys: String, CodingKey {
        case clip, file, index, mode, pts, time, width, height, path, sha256, pdq, quality, score
        case timeBase = "time_base"
    }
}

// In an extension, so that the struct keeps its memberwise initialiser for these two to share.
extension KeyframeRow {
    /// A recorded still; `root` is the catalogue folder its path is relative to.
    public init(_ frame: KeyframeRecord, clip: String, mode: ExtractionMode, root: URL) {
        self.init(
            clip: clip, index: frame.idx, mode: mode, pts: frame.pts, timeBase: frame.timeBase, time: frame.time,
            width: frame.width, height: frame.height, path: root.appendingPathComponent(frame.path).path,
            sha256: frame.sha256, pdq: frame.pdq, quality: frame.quality, score: frame.score)
    }

    /// A still of a file outside the catalogue, written into `folder`.
    public init(_ frame: ExtractedKeyframe, file: String, mode: ExtractionMode, folder: URL) {
        self.init(
            file: file, index: frame.index, mode: mode, pts: frame.pts, timeBase: frame.timeBase,
            time: frame.time, width: frame.width, height: frame.height,
            path: folder.appendingPathComponent(frame.fileName).path,
            sha256: frame.sha256, pdq: frame.pdq.hex, quality: frame.quality, score: frame.score)
    }
}
