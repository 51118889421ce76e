/// Limits applied whenever FootageMedia opens a media file; the defaults suit probing untrusted files.
public struct InputOptions: Sendable, Hashable {
    /// Wall-clock budget for opening and reading stream information, in seconds (monotonic clock).
    public var timeout: Double
    /// Bytes FFmpeg may read to detect the format and streams (`probesize`).
    public var probeSize: Int64
    /// Media duration FFmpeg may read to analyse streams, in microseconds (`analyzeduration`).
    public var analyzeDuration: Int64
    /// Files with more streams than this are refused (`max_streams`).
    public var maxStreams: Int32
    /// Largest picture (width × height) a decoder may allocate (`max_pixels`).
    public var maxPixels: Int64
    /// Whether to run `avformat_find_stream_info` after opening (needed for complete stream parameters).
    public var findStreamInfo: Bool

    /// Probing defaults: FFmpeg's own probe size and analyse duration (so results agree with ffprobe),
    /// at most 64 streams, pictures up to 8192 × 8192, 20 seconds.
    public static let probing = InputOptions(
        timeout: 20, probeSize: 5_000_000, analyzeDuration: 5_000_000, maxStreams: 64,
        maxPixels: 8192 * 8192, findStreamInfo: true
    )

    public init(
        timeout: Double, probeSize: Int64, analyzeDuration: Int64, maxStreams: Int32, maxPixels: Int64,
        findStreamInfo: Bool
    ) {
        self.timeout = timeout
        self.probeSize = probeSize
        self.analyzeDuration = analyzeDuration
        self.maxStreams = maxStreams
        self.maxPixels = maxPixels
        self.findStreamInfo = findStreamInfo
    }
}
