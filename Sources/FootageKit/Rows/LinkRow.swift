import FootageCatalog
import Foundation

/// An evidence link, the same wherever one is shown (`link`, `unlink`, and inside `xref`).
public struct LinkRow: Encodable, Sendable {
    /// `L5`.
    public var id: String
    /// `C17`.
    public var claim: String
    public var claimId: Int64
    public var clipId: Int64
    public var clipSha256: String
    public var start: Double
    public var end: Double
    public var stance: Stance
    public var confidence: Confidence
    public var note: String?
    /// The keyframes inside the range when the link was made: `{id, time, sha256, pdq}`.
    public var keyframes: JSONValue
    public var createdAt: String
    public var createdBy: String
    public var retractedAt: String?
    public var retractedBy: String?
    public var retractionNote: String?

    public init(_ link: LinkRecord) {
        id = link.shortID
        claim = "C\(link.claimId)"
        claimId = link.claimId
        clipId = link.clipId
        clipSha256 = link.clipSha256
        start = link.start
        end = link.end
        stance = link.stance
        confidence = link.confidence
        note = link.note
        keyframes = link.keyframesValue
        createdAt = link.createdAt
        createdBy = link.createdBy
        retractedAt = link.retractedAt
        retractedBy = link.retractedBy
        retractionNote = link.retractionNote
    }

    enum CodingKeys: String, CodingKey {
        case id, claim, start, end, stance, confidence, note, keyframes
        case claimId = "claim_id"
        case clipId = "clip_id"
        case clipSha256 = "clip_sha256"
        case createdAt = "created_at"
        case createdBy = "created_by"
        case retractedAt = "retracted_at"
        case retractedBy = "retracted_by"
        case retractionNote = "retraction_note"
    }
}
