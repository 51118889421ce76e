import FootageCatalog
import FootageCore
import FootageMatching
import Foundation

/// A match as the catalogue keeps it, both clips named: an element of the JSON export's `matches` and a line of the
/// CSV export's `matches` table. A is the clip registered first; `b.time ≈ a.time + offset`. The match's own
/// fields have the names `match --json` gives them.
public struct StoredMatchRow: Encodable, Sendable {
    /// The row id, as the `match:<id>` subject of the match's ledger events names it.
    public var matchId: Int64
    public var a: String
    public var b: String
    public var aTitle: String?
    public var bTitle: String?
    public var shareA: Double
    public var shareB: Double
    public var offset: Double
    /// How B was turned or cropped from A; absent when B is A as it is.
    public var transform: MatchTransform?
    public var segments: [MatchRow.Segment]
    public var matchedFrames: Int
    public var meanDistance: Double
    /// Where the clips overlap at the offset; absent when a duration is unknown.
    public var overlap: MatchRow.Segment?
    /// The rule the match was decided under; absent if the stored text is not JSON (which `verify` reports).
    public var rule: JSONValue?
    public var matchedAt: String
    public var matchedBy: String

    init(_ record: MatchRecord, a: ClipRecord, b: ClipRecord, aTitle: String?, bTitle: String?) {
        matchId = record.id
        self.a = a.sha256
        self.b = b.sha256
        self.aTitle = aTitle
        self.bTitle = bTitle
        shareA = record.shareA
        shareB = record.shareB
        offset = record.offset
        transform = record.transform
        segments = record.clipMatch.segments.map(MatchRow.Segment.init)
        matchedFrames = record.matchedFrames
        meanDistance = record.meanDistance
        overlap = MatchJob.overlap(offset: record.offset, durationA: a.duration, durationB: b.duration)
            .map(MatchRow.Segment.init)
        rule = try? JSONValue(parsing: record.rule)
        matchedAt = record.matchedAt
        matchedBy = record.matchedBy
    }

    /// Every match of the index whose clips it knows, in the catalogue's order.
    static func rows(_ index: SnapshotIndex) -> [StoredMatchRow] {
        index.matches.records.compactMap { record in
            guard let a = index.anyClip(record.clipA), let b = index.anyClip(record.clipB) else { return nil }
            return StoredMatchRow(
                record, a: a, b: b, aTitle: index.anyTitle(of: a.id), bTitle: index.anyTitle(of: b.id))
        }
    }

    /// The keys of a row in the order the CSV table writes them: every key the JSON export writes.
    static let columns = [
        "match_id", "a", "b", "a_title", "b_title", "share_a", "share_b", "offset", "transform", "segments",
        "matched_frames", "mean_distance", "overlap", "rule", "matched_at", "matched_by",
    ]

    enum CodingKeys: String, CodingKey {
        case a, b, offset, transform, segments, overlap, rule
        case matchId = "match_id"
        case aTitle = "a_title"
        case bTitle = "b_title"
        case shareA = "share_a"
        case shareB = "share_b"
        case matchedFrames = "matched_frames"
        case meanDistance = "mean_distance"
        case matchedAt = "matched_at"
        case matchedBy = "matched_by"
    }
}
