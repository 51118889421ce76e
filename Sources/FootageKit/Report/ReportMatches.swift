import FootageCatalog
import FootageCore
import FootageMatching
import Foundation

/// The report's "Same footage" section: each stored match that involves a clip of the report — the two clips, how
/// much of each the other shows, where one begins in the other, the matched segments on both, and the two clips'
/// timelines drawn aligned at the offset. A match's other clip may lie outside the report (another release that
/// bears on no claim of it): it is named, and said to be outside.
struct ReportMatches {
    let index: SnapshotIndex

    func section() -> HTML {
        guard !index.snapshot.clips.isEmpty else { return .empty }
        let pairs = index.matches.records.compactMap(pair)
        guard !pairs.isEmpty else {
            return """
                <h2>Same footage</h2>
                <p class="muted">No clip of this report is recorded as sharing footage with another clip \
                (<code>footage match</code> finds them).</p>
                """
        }
        return """
            <h2>Same footage</h2>
            <p class="muted">Clips that <code>footage match</code> found showing the same footage. A is the clip \
            registered first; the offset is what to add to a time in A to find the same picture in B.</p>
            \(pairs)
            """
    }

    private func pair(_ record: MatchRecord) -> HTML? {
        guard let a = index.anyClip(record.clipA), let b = index.anyClip(record.clipB) else { return nil }
        let match = record.clipMatch
        let overlap = MatchJob.overlap(offset: match.offset, durationA: a.duration, durationB: b.duration)
        var facts: [(StaticString, HTML)] = [
            ("A", clip(a, share: match.shareOfA, other: "B")),
            ("B", clip(b, share: match.shareOfB, other: "A")),
            ("Offset", "\(Self.seconds(match.offset)) <span class=\"muted\">(B’s time ≈ A’s time + offset)</span>"),
        ]
        if let transform = MatchText.transform(match.transform) { facts.append(("Transform", "B is A \(transform)")) }
        if let overlap {
            facts.append(
                (
                    "Overlap at this offset",
                    "A \(range(overlap.aStart, overlap.aEnd)) ≈ B \(range(overlap.bStart, overlap.bEnd)) "
                        + "<span class=\"muted\">(\(Self.seconds(overlap.aEnd - overlap.aStart, signed: false)); "
                        + "the segments below are where sampled frames confirm it)</span>"
                ))
        }
        facts.append(
            (
                "Recorded",
                "\(record.matchedAt) by \(record.matchedBy) <span class=\"muted\">(\(match.matchedFrames) frames "
                    + "matched, mean Hamming distance \(String(format: "%.1f", match.meanDistance)))</span>"
            ))
        let segments = match.segments.map { segment -> HTML in
            """
            <tr><td class="mono nowrap">\(range(segment.aStart, segment.aEnd))</td>\
            <td class="mono nowrap">\(range(segment.bStart, segment.bEnd))</td>\
            <td>\(Self.seconds(segment.aEnd - segment.aStart, signed: false))</td></tr>
            """
        }
        let segmentTable: HTML =
            segments.isEmpty
            ? "<p class=\"muted\">No matched segments recorded.</p>"
            : """
            <table class="grid"><thead><tr><th>In A</th><th>In B</th><th>Length</th></tr></thead>\
            <tbody>\(segments)</tbody></table>
            """
        let rows = [
            timelineRow(a, letter: "A", matched: match.segments.map { $0.aStart...max($0.aStart, $0.aEnd) }),
            timelineRow(b, letter: "B", matched: match.segments.map { $0.bStart...max($0.bStart, $0.bEnd) }),
        ]
        let timeline = ReportTimeline.svg(
            rows, offsets: ReportTimeline.sharedFootageOffsets(for: [a, b], matches: [record]),
            label: "The two clips aligned at the offset")
        return """
            <section class="match" id="match-\(String(a.sha256.prefix(12)))-\(String(b.sha256.prefix(12)))">
            <p class="sentence">\(MatchText.alignment(match.offset)).</p>
            <table class="meta">\(facts.map { "<tr><th>\(HTML(stringLiteral: $0.0))</th><td>\($0.1)</td></tr>" as HTML })\
            </table>
            <h4>Matched segments</h4>
            \(segmentTable)
            \(timeline)
            </section>
            """
    }

    /// A clip as the report names it elsewhere: its title (a link to its section when the report has one), short
    /// hash and publisher, and the share of its frames the other clip shows.
    private func clip(_ clip: ClipRecord, share: Double, other: String) -> HTML {
        let title = index.name(of: clip.id)
        let name: HTML =
            index.clips[clip.id] == nil
            ? "\(title) <span class=\"muted\">(not in this report)</span>"
            : "<a href=\"#clip-\(clip.sha256)\">\(title)</a>"
        let publisher: HTML = index.publisher(of: clip.id).map { " · \($0)" } ?? .empty
        return """
            \(name) <span class="mono">\(String(clip.sha256.prefix(12)))</span>\(publisher)<br>\
            <span class="muted">\(MatchText.share(share)) of its frames are found in \(other)</span>
            """
    }

    private func timelineRow(_ clip: ClipRecord, letter: String, matched: [ClosedRange<Double>]) -> ReportTimeline.Row {
        ReportTimeline.Row(
            clip: clip, label: "\(letter) · \(index.name(of: clip.id))",
            links: index.linksByClip[clip.id] ?? [], keyframeTimes: (index.keyframes[clip.id] ?? []).map(\.time),
            matched: matched)
    }

    private func range(_ start: Double, _ end: Double) -> String {
        "\(TimeText.format(start))–\(TimeText.format(end))"
    }

    /// `−8.0 s`, `+2.5 s`, or without a sign for a length.
    static func seconds(_ value: Double, signed: Bool = true) -> String {
        let tenths = (value * 10).rounded() / 10
        let text = String(format: "%.1f s", abs(tenths))
        guard signed else { return text }
        return (tenths < 0 ? "−" : tenths > 0 ? "+" : "") + text
    }
}
