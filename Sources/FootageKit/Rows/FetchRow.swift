import FootageCatalog
import Foundation

/// One line of `footage fetch`: what became of one URL — the registration of its download (as `register`'s line) and
/// what the fetch observed.
public struct FetchRow: Encodable, Sendable {
    public var url: String
    /// `registered`, `known` (the same bytes were registered before) or `error`.
    public var status: String
    public var sha256: String?
    /// Why the URL failed.
    public var message: String?
    /// The page URL yt-dlp ended at, redirects followed.
    public var resolvedUrl: String?
    /// The URL of the media yt-dlp downloaded.
    public var mediaUrl: String?
    /// `yt-dlp <version>`.
    public var tool: String?
    public var extractor: String?
    public var fetchedAt: String?
    public var size: Int64?
    public var duration: Double?
    public var formatName: String?
    /// The evidentiary copy in `Media/`, the download's only location.
    public var copy: String?
    public var keyframes: Int?
    public var fingerprintFrames: Int?
    public var notes: [String]
    /// The ledger events this fetch appended.
    public var events: [Int64]

    public init(_ outcome: Fetcher.Outcome) {
        let registration = outcome.registration
        url = registration.path
        status = registration.status.rawValue
        sha256 = registration.sha256
        message = registration.message
        resolvedUrl = outcome.fetched?.resolvedURL
        mediaUrl = outcome.fetched?.mediaURL
        tool = outcome.fetched?.tool
        extractor = outcome.fetched?.extractor
        fetchedAt = outcome.fetched?.fetchedAt
        size = registration.clip?.size
        duration = registration.clip?.duration
        formatName = registration.clip?.formatName
        copy = registration.copyPath
        keyframes = registration.keyframes
        fingerprintFrames = registration.fingerprintFrames
        notes = registration.notes
        events = registration.events
    }

    enum CodingKeys: String, CodingKey {
        case url, status, sha256, message, tool, extractor, size, duration, copy, keyframes, notes, events
        case resolvedUrl = "resolved_url"
        case mediaUrl = "media_url"
        case fetchedAt = "fetched_at"
        case formatName = "format_name"
        case fingerprintFrames = "fingerprint_frames"
    }
}
