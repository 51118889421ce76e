import FootageCatalog
import Foundation

/// One line of `footage search`, best first.
public struct SearchHitRow: Encodable, Sendable {
    /// `article`, `claim`, `tag`, `acquisition`, `assessment` or `link`.
    public var kind: String
    /// The short id or clip SHA-256 the hit belongs to.
    public var ref: String
    public var field: String
    /// The matching text with the hits between `[` and `]`.
    public var snippet: String
    /// FTS5's bm25 rank (lower is better).
    public var rank: Double

    public init(_ hit: SearchHit) {
        kind = hit.kind
        ref = hit.ref
        field = hit.field
        snippet = hit.snippet
        rank = hit.rank
    }
}
