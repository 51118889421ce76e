import FootageCatalog
import FootageCore
import FootageMatching
import Foundation

/// A stored match seen from one of its clips: the other clip, and the match oriented so that this clip is A.
public struct SharedFootage: Sendable {
    public var other: ClipRecord
    /// `other.time ≈ this.time + match.offset`.
    public var match: ClipMatch
    public var record: MatchRecord
    /// Where the clips overlap at the offset (`MatchJob.overlap`).
    public var overlap: MatchSegment?

    /// Every clip the catalogue records as sharing footage with `clip`, the largest share of this clip first.
    public static func of(_ clip: ClipRecord, catalog: Catalog) throws -> [SharedFootage] {
        try catalog.matches(clipId: clip.id).map { record in
            let stored = ClipMatch(record)
            let isA = record.clipA == clip.id
            let other = try catalog.clip(id: isA ? record.clipB : record.clipA)
            let match = isA ? stored : stored.reversed
            return SharedFootage(
                other: other, match: match, record: record,
                overlap: MatchJob.overlap(offset: match.offset, durationA: clip.duration, durationB: other.duration))
        }.sorted { $0.match.shareOfA > $1.match.shareOfA }
    }

    /// The same shared footage seen from the other clip (whose `other` is still the clip it was found from).
    public var fromTheOtherSide: SharedFootage {
        SharedFootage(other: other, match: match.reversed, record: record, overlap: overlap?.reversed)
    }

    /// The parts of `start…end` of this clip that the other clip shows too, each with the corresponding range in
    /// the other clip: where evidence found in one release lies in the other.
    public func corresponding(from start: Double, to end: Double) -> [MatchSegment] {
        match.segments.compactMap { segment in
            // A segment's ends are sample times: it covers up to one sample interval past its last sample.
            let interval = (try? JSONValue(parsing: record.rule))?["sampling_interval"]?.doubleValue ?? 1
            let lower = max(start, segment.aStart)
            let upper = min(end, segment.aEnd + interval)
            guard lower < upper else { return nil }
            let bUpperLimit = segment.bEnd + interval
            return MatchSegment(
                aStart: lower, aEnd: upper,
                bStart: max(0, lower + match.offset), bEnd: min(bUpperLimit, upper + match.offset))
        }
    }
}

/// Match results as people read them.
public enum MatchText {
    /// `A 0:12–0:31 ≈ B 0:03–0:22`.
    public static func segment(_ segment: MatchSegment, a: String = "A", b: String = "B") -> String {
        "\(a) \(time(segment.aStart))–\(time(segment.aEnd)) ≈ \(b) \(time(segment.bStart))–\(time(segment.bEnd))"
    }

    /// `offset −9.0 s`.
    public static func offset(_ seconds: Double) -> String {
        let tenths = (seconds * 10).rounded() / 10
        let text = String(format: "%.1f", abs(tenths))
        return "offset \(tenths < 0 ? "−" : "")\(text) s"
    }

    /// `64 %`.
    public static func share(_ value: Double) -> String { "\(Int((value * 100).rounded())) %" }

    /// `0:12`, `1:02:03`: whole seconds, as sampling at one frame a second is accurate to about a second.
    public static func time(_ seconds: Double) -> String {
        let total = Int(max(0, seconds).rounded())
        let h = total / 3600, m = (total / 60) % 60, s = total % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    /// What a transform means to a person.
    public static func transform(_ transform: MatchTransform?) -> String? {
        guard let transform else { return nil }
        switch transform {
        case .flipY: return "mirrored left to right (flipY)"
        case .flipX: return "mirrored top to bottom (flipX)"
        case .rot90, .rot270: return "turned a quarter turn (\(transform))"
        case .rot180: return "turned upside down (rot180)"
        case .cropped: return "cropped to its middle, by about 10 % (cropped)"
        case .widened: return "with more picture around it: A is B cropped by about 10 % (widened)"
        case .flipPlus1, .flipMinus1: return "transposed (\(transform))"
        }
    }
}
