import FootageMatching
import Foundation

/// One line of `match` and `match REF`: two catalogued clips that share footage, A the clip asked about (or the one
/// registered first), with the first path each was seen at.
public struct MatchPairRow: Encodable, Sendable {
    public var a: String
    public var b: String
    public var aPath: String?
    public var bPath: String?
    /// Whether the catalogue's record of the match changed (a new match, or different shares, offset or segments).
    public var changed: Bool
    public var match: MatchRow

    public init(_ found: MatchJob.Found, aPath: String?, bPath: String?) {
        a = found.clip.sha256
        b = found.other.sha256
        self.aPath = aPath
        self.bPath = bPath
        changed = found.changed
        match = MatchRow(found.match, overlap: found.overlap)
    }

    enum CodingKeys: String, CodingKey {
        case a, b, changed
        case aPath = "a_path"
        case bPath = "b_path"
    }

    public func encode(to encoder: any Encoder) throws {
        try match.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(a, forKey: .a)
        try container.encode(b, forKey: .b)
        try container.encodeIfPresent(aPath, forKey: .aPath)
        try container.encodeIfPresent(bPath, forKey: .bPath)
        try container.encode(changed, forKey: .changed)
    }
}
