import FootageCatalog
import FootageCore
import Foundation

/// The report's timeline: one horizontal bar per linked clip (its length the clip's duration), the linked ranges
/// drawn on it in their stance's colour, a tick for each keyframe, and the footage it shares with another clip.
/// Clips that share footage are drawn aligned at the offset `footage match` found, so that the same moment lies
/// above itself in each. Inline SVG, no script.
enum ReportTimeline {
    struct Row {
        var clip: ClipRecord
        var label: String
        var links: [LinkRecord]
        var keyframeTimes: [Double]
        /// Stretches of this clip that a matched clip shows too, in this clip's seconds.
        var matched: [ClosedRange<Double>] = []
    }

    /// Where each clip starts on the shared time axis, in seconds, by SHA-256. Clips joined by matches (directly or
    /// through one another) are placed by the offsets between them, from the first of them, and the group is then
    /// moved to start at zero; a clip that shares no footage with the others starts at zero.
    static func sharedFootageOffsets(for clips: [ClipRecord], matches: [MatchRecord] = []) -> [String: Double] {
        let ids = Set(clips.map(\.id))
        var shifts: [Int64: [(other: Int64, shift: Double)]] = [:]
        for match in matches where ids.contains(match.clipA) && ids.contains(match.clipB) {
            // b.time ≈ a.time + offset: a moment A shows at t lies at B's t + offset, so B begins `offset` to the
            // left of A.
            shifts[match.clipA, default: []].append((match.clipB, -match.offset))
            shifts[match.clipB, default: []].append((match.clipA, match.offset))
        }
        var start: [Int64: Double] = [:]
        for clip in clips where start[clip.id] == nil {
            var group = [clip.id]
            start[clip.id] = 0
            var next = 0
            while next < group.count {
                let id = group[next]
                next += 1
                for edge in shifts[id] ?? [] where start[edge.other] == nil {
                    start[edge.other] = start[id]! + edge.shift
                    group.append(edge.other)
                }
            }
            let lowest = group.compactMap { start[$0] }.min() ?? 0
            for id in group { start[id]! -= lowest }
        }
        return Dictionary(clips.map { ($0.sha256, start[$0.id] ?? 0) }, uniquingKeysWith: { first, _ in first })
    }

    static let width = 1000.0
    static let labelWidth = 230.0
    static let top = 34.0
    /// Each link gets a lane of its own inside the clip's bar, so that overlapping ranges never hide each other.
    static let laneHeight = 9.0

    static func barHeight(_ row: Row) -> Double { max(18, 4 + laneHeight * Double(row.links.count)) }

    static func svg(
        _ rows: [Row], offsets: [String: Double]? = nil, label: String = "Timeline of the linked clips"
    ) -> HTML {
        guard !rows.isEmpty else { return .empty }
        let offsets = offsets ?? sharedFootageOffsets(for: rows.map(\.clip))
        let start = min(0, rows.map { offsets[$0.clip.sha256] ?? 0 }.min() ?? 0)
        let end = rows.map { (offsets[$0.clip.sha256] ?? 0) + max($0.clip.duration ?? 0, 0.001) }.max() ?? 1
        let span = max(end - start, 0.001)
        let plot = width - labelWidth - 20
        func x(_ seconds: Double) -> Double { labelWidth + (seconds - start) / span * plot }
        let labels = distinctLabels(rows)
        let rowTops = rows.reduce(into: [top]) { tops, row in tops.append(tops.last! + barHeight(row) + 22) }
        let height = rowTops.last! + 28
        var body: [HTML] = []
        // The axis: a tick every "round" number of seconds.
        let step = axisStep(span)
        var tick = (start / step).rounded(.up) * step
        while tick <= end + 0.0001 {
            let tx = x(tick)
            body.append(
                """
                <line x1="\(tx)" y1="\(top - 8)" x2="\(tx)" y2="\(height - 24)" class="grid"/>\
                <text x="\(tx)" y="\(top - 12)" class="axis" text-anchor="middle">\(TimeText.axis(tick))</text>
                """)
            tick += step
        }
        for (index, row) in rows.enumerated() {
            let offset = offsets[row.clip.sha256] ?? 0
            let duration = max(row.clip.duration ?? 0, 0)
            let barY = rowTops[index] + 8
            let barHeight = barHeight(row)
            body.append(
                """
                <text x="\(labelWidth - 10)" y="\(barY + 10)" class="label" text-anchor="end">\
                \(labels[index])</text>\
                <text x="\(labelWidth - 10)" y="\(barY + 22)" class="sha" text-anchor="end">\
                \(String(row.clip.sha256.prefix(12)))</text>\
                <rect x="\(x(offset))" y="\(barY)" width="\(max(x(offset + duration) - x(offset), 1))" \
                height="\(barHeight)" class="clipbar">\
                <title>\(row.label) — \(TimeText.format(duration))</title></rect>
                """)
            // Under the links, so that evidence stays visible where the footage is shared.
            for range in row.matched {
                let x0 = x(offset + range.lowerBound), x1 = x(offset + range.upperBound)
                body.append(
                    """
                    <rect x="\(x0)" y="\(barY)" width="\(max(x1 - x0, 2))" height="\(barHeight)" class="shared">\
                    <title>shared footage \(TimeText.format(range.lowerBound))–\(TimeText.format(range.upperBound))\
                    </title></rect>
                    """)
            }
            for (lane, link) in row.links.sorted(by: { $0.id < $1.id }).enumerated() {
                let x0 = x(offset + link.start), x1 = x(offset + link.end)
                let laneY = barY + 2 + Double(lane) * laneHeight
                let css: HTML =
                    link.isRetracted ? "retracted" : HTML(trusted: "range \(ReportStyle.stanceClass(link.stance))")
                body.append(
                    """
                    <rect x="\(x0)" y="\(row.links.count == 1 ? barY : laneY)" width="\(max(x1 - x0, 2))" \
                    height="\(row.links.count == 1 ? barHeight : laneHeight - 1)" class="\(css)">\
                    <title>\(link.shortID) \
                    \(link.stance) C\(link.claimId) \(TimeText.format(link.start))–\(TimeText.format(link.end))\
                    \(link.isRetracted ? " (retracted)" : "")</title></rect>
                    """)
            }
            for time in row.keyframeTimes {
                let kx = x(offset + time)
                body.append(
                    "<line x1=\"\(kx)\" y1=\"\(barY + barHeight + 1)\" "
                        + "x2=\"\(kx)\" y2=\"\(barY + barHeight + 7)\" class=\"kf\"/>"
                )
            }
        }
        let legendY = height - 8
        var legend: [HTML] = []
        for (i, stance) in Stance.allCases.enumerated() {
            let lx = labelWidth + Double(i) * 120
            legend.append(
                """
                <rect x="\(lx)" y="\(legendY - 9)" width="12" height="10" \
                class="range \(HTML(trusted: ReportStyle.stanceClass(stance)))"/>\
                <text x="\(lx + 17)" y="\(legendY)" class="axis">\(stance)</text>
                """)
        }
        let lx = labelWidth + 4 * 120
        legend.append(
            """
            <line x1="\(lx + 6)" y1="\(legendY - 9)" x2="\(lx + 6)" y2="\(legendY + 1)" class="kf"/>\
            <text x="\(lx + 14)" y="\(legendY)" class="axis">keyframe</text>
            """)
        if rows.contains(where: { !$0.matched.isEmpty }) {
            legend.append(
                """
                <rect x="\(lx + 90)" y="\(legendY - 9)" width="12" height="10" class="shared"/>\
                <text x="\(lx + 107)" y="\(legendY)" class="axis">shared footage</text>
                """)
        }
        return """
            <svg class="timeline" viewBox="0 0 \(width) \(height)" role="img" \
            aria-label="\(label)" \
            xmlns="http://www.w3.org/2000/svg">\(body)\(legend)</svg>
            """
    }

    /// The rows' labels cut to fit beside the bars; two rows whose labels would read alike get their short hash too,
    /// so that two releases of one publisher are never drawn under one name.
    static func distinctLabels(_ rows: [Row]) -> [String] {
        let cut = rows.map { truncated($0.label, 30) }
        let counts = Dictionary(cut.map { ($0, 1) }, uniquingKeysWith: +)
        return zip(rows, cut).map { row, label in
            guard counts[label, default: 0] > 1 else { return label }
            return truncated(row.label, 20) + " " + String(row.clip.sha256.prefix(8))
        }
    }

    /// 1, 2, 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, … so that there are about eight ticks.
    static func axisStep(_ span: Double) -> Double {
        let steps: [Double] = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 18000, 36000]
        return steps.first { span / $0 <= 10 } ?? 36000
    }

    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

extension TimeText {
    /// `0:05`, `1:30`, `1:02:00`: axis labels.
    static func axis(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let h = total / 3600, m = (total / 60) % 60, s = total % 60
        if seconds != seconds.rounded() {
            return String(format: "%d:%04.1f", Int(seconds) / 60, seconds.truncatingRemainder(dividingBy: 60))
        }
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
