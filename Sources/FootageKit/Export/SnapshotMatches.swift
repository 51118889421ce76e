import FootageCatalog
import FootageMatching
import Foundation

/// The stored matches that involve a snapshot's clips, and the clips on their other side: what a report or an
/// export shows of the footage those clips share with others.
///
/// A match is in scope when either of its clips is, so an article's or a clip's export names the other releases of
/// its footage even when they bear on no claim of it. Matches are read through `Catalog.matches(clipId:)` and
/// `allMatches()` (which return only the matches that hold), right after the snapshot: a match recorded in between
/// may appear, but every clip a match names is read too.
public struct SnapshotMatches: Sendable {
    /// In the catalogue's order: by A's row id, then B's.
    public let records: [MatchRecord]
    /// Clips a match names that the snapshot does not hold, by row id.
    public let others: [Int64: ClipRecord]
    /// The acquisition records of those other clips, and the titles analysts gave them: where and when each other
    /// release was published, for the report's chronology.
    public let otherAcquisitions: [Int64: [AcquisitionRecord]]
    public let otherTitles: [Int64: String]

    public static let none = SnapshotMatches(records: [], others: [:], otherAcquisitions: [:], otherTitles: [:])

    static func read(_ catalog: Catalog, for snapshot: CatalogSnapshot) throws -> SnapshotMatches {
        let inScope = Set(snapshot.clips.map(\.id))
        let records: [MatchRecord]
        if snapshot.scope == .all {
            records = try catalog.allMatches()
        } else {
            var byID: [Int64: MatchRecord] = [:]
            for id in inScope {
                for record in try catalog.matches(clipId: id) { byID[record.id] = record }
            }
            records = byID.values.sorted { ($0.clipA, $0.clipB) < ($1.clipA, $1.clipB) }
        }
        var others: [Int64: ClipRecord] = [:]
        var acquisitions: [Int64: [AcquisitionRecord]] = [:]
        var titles: [Int64: String] = [:]
        for record in records {
            for id in [record.clipA, record.clipB] where !inScope.contains(id) && others[id] == nil {
                let clip = try catalog.clip(id: id)
                others[id] = clip
                acquisitions[id] = try catalog.detail(of: clip).acquisitions
                titles[id] = try catalog.titles(clipId: id).last?.title
            }
        }
        return SnapshotMatches(records: records, others: others, otherAcquisitions: acquisitions, otherTitles: titles)
    }
}

extension SnapshotIndex {
    /// A snapshot of `scope` and the matches that involve its clips.
    static func read(_ catalog: Catalog, _ scope: CatalogSnapshot.Scope) throws -> SnapshotIndex {
        let snapshot = try catalog.snapshot(scope)
        return SnapshotIndex(snapshot, matches: try SnapshotMatches.read(catalog, for: snapshot))
    }

    /// A clip of the snapshot, or one on the other side of its matches.
    func anyClip(_ id: Int64) -> ClipRecord? { clips[id] ?? matches.others[id] }

    /// The title of a clip of the snapshot or of one on the other side of its matches.
    func anyTitle(of clipId: Int64) -> String? {
        title(of: clipId) ?? matches.otherTitles[clipId] ?? matches.others[clipId]?.title
            ?? matches.otherAcquisitions[clipId]?.lazy.compactMap(\.platformTitle).first
    }

    /// The acquisition records of a clip of the snapshot or of one on the other side of its matches.
    func anyAcquisitions(of clipId: Int64) -> [AcquisitionRecord] {
        acquisitions[clipId] ?? matches.otherAcquisitions[clipId] ?? []
    }
}

extension MatchRecord {
    /// The stored match as the matcher describes one (A this record's A): its shares, offset, segments and transform.
    var clipMatch: ClipMatch {
        ClipMatch(
            shareOfA: fields.shareA, shareOfB: fields.shareB, offset: fields.offset,
            segments: fields.segmentsValue.arrayItems.map(MatchSegment.init(json:)),
            matchedFrames: fields.matchedFrames, transform: fields.transform, meanDistance: fields.meanDistance)
    }
}

extension MatchText {
    /// Where B begins in A's time, or A in B's, as a sentence for a reader: `B starts 8.0 s into A` for an offset of
    /// −8 s (B's first second is A's eighth).
    public static func alignment(_ offset: Double) -> String {
        let tenths = (offset * 10).rounded() / 10
        let seconds = String(format: "%.1f", abs(tenths))
        if tenths < 0 { return "B starts \(seconds) s into A" }
        if tenths > 0 { return "A starts \(seconds) s into B" }
        return "A and B start together"
    }
}
