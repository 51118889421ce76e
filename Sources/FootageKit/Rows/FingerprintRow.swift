import Foundation

/// One line of `footage fingerprint`: a clip's fingerprint as (re)computed.
public struct FingerprintRow: Encodable, Sendable {
    public var clip: String
    /// Frames sampled; absent when the clip was skipped (it has no video).
    public var frames: Int?
    /// Frames bright and detailed enough to compare.
    public var usable: Int?
    /// Whether it replaced a fingerprint the clip had.
    public var replaced: Bool
    /// The ledger event's sequence number.
    public var event: Int64?
    /// Why the fingerprint can match little or nothing, or why the clip was skipped.
    public var note: String?

    public init(_ result: FingerprintJob.Result) {
        clip = result.clip.sha256
        frames = result.frameCount
        usable = result.usableCount
        replaced = result.replaced
        event = result.event
        note = result.note
    }
}
