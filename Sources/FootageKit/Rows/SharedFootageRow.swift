import FootageMatching
import Foundation

/// A clip sharing footage with the clip `show` is about (`shares_footage_with`): the match seen from the shown clip
/// (A) to the other (B), and when it was recorded.
public struct SharedFootageRow: Encodable, Sendable {
    /// The other clip's SHA-256.
    public var clip: String
    public var matchedAt: String
    public var match: MatchRow

    public init(_ shared: SharedFootage) {
        clip = shared.other.sha256
        matchedAt = shared.record.matchedAt
        match = MatchRow(shared.match, overlap: shared.overlap)
    }

    enum CodingKeys: String, CodingKey {
        case clip
        case matchedAt = "matched_at"
    }

    public func encode(to encoder: any Encoder) throws {
        try match.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clip, forKey: .clip)
        try container.encode(matchedAt, forKey: .matchedAt)
    }
}
