import FootageCatalog
import FootageCore
import Foundation

/// The chronology of the footage across publishers, on page one: when each platform says each release was posted,
/// every acquisition record (retrieved when, by whom, from where), and for footage two releases share, which was
/// posted first and where one starts in the other.
///
/// Times are shown as recorded: a platform's upload time (from a yt-dlp sidecar) is what the platform said, a
/// published date is what the analyst asserted, and the two are said apart. They are ordered as ISO 8601 text; a
/// date alone and a time on that same day cannot be ordered, and the report says so rather than guess.
struct ReportChronology {
    let page: ReportPage
    var index: SnapshotIndex { page.index }

    struct Entry {
        var time: String
        var clipId: Int64
        var what: HTML
    }

    /// The clips of the report and the other releases they share footage with, in the report's order.
    private func clipIds(_ clips: [ClipRecord]) -> [Int64] {
        var ids = clips.map(\.id)
        for record in index.matches.records {
            for id in [record.clipA, record.clipB] where !ids.contains(id) { ids.append(id) }
        }
        return ids
    }

    func section(_ clips: [ClipRecord]) -> HTML {
        let ids = clipIds(clips)
        guard !ids.isEmpty else { return "<p class=\"muted\">No footage is linked to this article yet.</p>" }
        var entries: [Entry] = []
        var undated: [Int64] = []
        for id in ids {
            let acquisitions = index.anyAcquisitions(of: id)
            if !acquisitions.contains(where: { $0.platformUploadTime != nil || $0.published != nil }) {
                undated.append(id)
            }
            for acquisition in acquisitions { entries += self.entries(acquisition, clipId: id) }
        }
        entries.sort { ($0.time, $0.clipId) < ($1.time, $1.clipId) }
        let rows = entries.map { entry -> HTML in
            """
            <tr><td class="mono nowrap">\(entry.time)</td><td>\(page.clipName(entry.clipId))</td>\
            <td>\(entry.what)</td></tr>
            """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"muted\">No acquisition record of these clips gives a time.</p>"
            : """
            <table class="grid chrono"><thead><tr><th>When</th><th>Clip</th><th>What happened</th></tr></thead>\
            <tbody>\(rows)</tbody></table>
            """
        let missing: HTML =
            undated.isEmpty
            ? .empty
            : "<p class=\"muted\">No upload or publication time is recorded for \(undated.map(page.clipName).joined(separator: ", ")) "
                + "(<code>footage register --published</code>, or a yt-dlp sidecar).</p>"
        return table + missing + firstPosted()
    }

    /// What one acquisition record says happened when.
    private func entries(_ a: AcquisitionRecord, clipId: Int64) -> [Entry] {
        var out: [Entry] = []
        if let time = a.platformUploadTime {
            let who = a.platformUploader ?? a.platformChannel
            let site = a.platformExtractor ?? a.platform
            out.append(
                Entry(
                    time: time, clipId: clipId,
                    what: """
                        Posted\(site.map { " on \($0)" as HTML } ?? .empty)\(who.map { " by \($0)" as HTML } ?? .empty) \
                        <span class="muted">(the platform’s time, from its sidecar)</span>\
                        \(a.platformUrl.map { "<br>\(HTML.link($0))" as HTML } ?? .empty)
                        """))
        }
        if let time = a.published {
            out.append(
                Entry(
                    time: time, clipId: clipId,
                    what: """
                        Published\(a.platform.map { " on \($0)" as HTML } ?? .empty)\
                        \(a.publisher.map { " by \($0)" as HTML } ?? .empty) \
                        <span class="muted">(as the analyst recorded it)</span>\
                        \(a.url.map { "<br>\(HTML.link($0))" as HTML } ?? .empty)
                        """))
        }
        if let time = a.retrieved ?? a.platformRetrievedAt {
            let from = a.url ?? a.platformUrl
            out.append(
                Entry(
                    time: time, clipId: clipId,
                    what: """
                        Retrieved\(a.retrievedBy.map { " by \($0)" as HTML } ?? .empty)\
                        \(from.map { " from \(HTML.link($0))" as HTML } ?? a.platform.map { " from \($0)" as HTML } ?? .empty)\
                        \(a.retrieved == nil ? " <span class=\"muted\">(yt-dlp’s time)</span>" as HTML : .empty)
                        """))
        }
        return out
    }

    /// For each pair of releases that share footage: which was posted first, by the times recorded, and the offset.
    private func firstPosted() -> HTML {
        let lines = index.matches.records.compactMap { record -> HTML? in
            guard let a = index.anyClip(record.clipA), let b = index.anyClip(record.clipB) else { return nil }
            let offset = ReportMatches.seconds(record.clipMatch.offset)
            let pair: HTML =
                "<span class=\"muted\">(offset \(offset): a moment at t in \(index.name(of: a.id)) is at t \(offset) "
                + "in \(index.name(of: b.id)))</span>"
            guard let timeA = earliest(a.id), let timeB = earliest(b.id) else {
                let unknown = earliest(a.id) == nil ? a.id : b.id
                return
                    "<li>Who posted it first cannot be told: no time is recorded for \(page.clipName(unknown)). \(pair)</li>"
            }
            if Self.comparable(timeA, timeB), timeA != timeB {
                let (first, firstTime, later, laterTime) =
                    timeA < timeB ? (a.id, timeA, b.id, timeB) : (b.id, timeB, a.id, timeA)
                return """
                    <li><b>\(index.name(of: first)) was posted first</b> (\(firstTime)\(publisher(first))), \
                    \(index.name(of: later)) later (\(laterTime)\(publisher(later))). \(pair)</li>
                    """
            }
            return """
                <li>\(index.name(of: a.id)) (\(timeA)\(publisher(a.id))) and \(index.name(of: b.id)) \
                (\(timeB)\(publisher(b.id))): the times recorded cannot tell which was posted first. \(pair)</li>
                """
        }
        guard !lines.isEmpty else { return .empty }
        return "<h3>Who posted it first</h3><ul class=\"findings\">\(lines)</ul>"
    }

    /// The earliest upload or publication time recorded for a clip.
    private func earliest(_ clipId: Int64) -> String? {
        index.anyAcquisitions(of: clipId).flatMap { [$0.platformUploadTime, $0.published].compactMap { $0 } }.min()
    }

    private func publisher(_ clipId: Int64) -> HTML {
        let (who, site) = (index.publisher(of: clipId), index.platform(of: clipId))
        return (who.map { ", \($0)" as HTML } ?? .empty) + (site.map { " on \($0)" as HTML } ?? .empty)
    }

    /// Two recorded times can be ordered unless one is a date alone and the other falls on that day.
    static func comparable(_ a: String, _ b: String) -> Bool {
        let dayA = a.prefix(10), dayB = b.prefix(10)
        guard dayA == dayB else { return true }
        return a.count > 10 && b.count > 10
    }
}
