import FootageCatalog
import FootageCore
import Foundation

/// The claims of a report, each with its stance badges, its evidence and the ledger events behind each link.
struct ReportClaims {
    let index: SnapshotIndex

    func section(_ claims: [ClaimRecord], onlyClip: Int64? = nil) -> HTML {
        claims.map { claim(for: $0, onlyClip: onlyClip) }.joined()
    }

    func claim(for claim: ClaimRecord, onlyClip: Int64? = nil) -> HTML {
        let links = (index.linksByClaim[claim.id] ?? []).filter { onlyClip == nil || $0.clipId == onlyClip }
        let standing = links.filter { !$0.isRetracted }
        let kinds = claim.kindList.map { "<span class=\"kind\">\($0)</span>" as HTML }.joined()
        let attribution: HTML = claim.attribution.map { "<div class=\"muted\">Attributed to: \($0)</div>" } ?? .empty
        let badges: HTML
        if standing.isEmpty {
            badges =
                "<span class=\"badge neutral\">no evidence</span>"
                + "<span class=\"muted\">No footage has been linked to this claim.</span>"
        } else {
            let counts = Dictionary(grouping: standing, by: \.stance)
            badges =
                Stance.allCases.compactMap { stance -> HTML? in
                    guard let n = counts[stance]?.count else { return nil }
                    return badge(stance, count: n)
                }.joined() + "<span class=\"muted\">\(StanceSummary.text(standing))</span>"
        }
        let evidence: HTML = links.isEmpty ? .empty : evidenceTable(links) + ledger(links)
        return """
            <section class="claim\(standing.isEmpty ? " none" as HTML : .empty)" id="claim-\(claim.shortID)">
            <div><span class="id">\(claim.shortID)</span>\(kinds)</div>
            <p class="text">\(claim.text)</p>\(attribution)
            <div>\(badges)</div>
            \(evidence)
            </section>
            """
    }

    func badge(_ stance: Stance, count: Int = 1) -> HTML {
        let css = HTML(trusted: ReportStyle.stanceClass(stance))
        return "<span class=\"badge \(css)\">\(stance)\(count > 1 ? " ×\(count)" : "")</span>"
    }

    private func evidenceTable(_ links: [LinkRecord]) -> HTML {
        let rows = links.map { link -> HTML in
            let clip = index.clips[link.clipId]
            let title = index.title(of: link.clipId) ?? "untitled clip"
            let source = [index.publisher(of: link.clipId), index.platform(of: link.clipId)].compactMap { $0 }
                .joined(separator: " / ")
            let retraction: HTML =
                link.isRetracted
                ? "<tr class=\"retracted\"><td></td><td class=\"why\" colspan=\"5\">Retracted \(link.retractedAt) "
                    + "by \(link.retractedBy)\(link.retractionNote.map { ": " + $0 } ?? "")</td></tr>"
                : .empty
            return """
                <tr\(link.isRetracted ? " class=\"retracted\"" as HTML : .empty)>\
                <td><span class="mono">\(link.shortID)</span></td>\
                <td>\(badge(link.stance))<br><span class="muted">\(link.confidence) confidence</span></td>\
                <td><a href="#clip-\(link.clipSha256)">\(title)</a>\
                <br><span class="mono">\(String((clip?.sha256 ?? link.clipSha256).prefix(16)))…</span>\
                \(source.isEmpty ? HTML.empty : "<br>\(source)")</td>\
                <td class="mono nowrap">\(TimeText.format(link.start))–<br>\(TimeText.format(link.end))</td>\
                <td>\(link.note ?? "")</td>\
                <td>\(link.createdBy)<br><span class="muted">\(link.createdAt)</span></td></tr>\(retraction)
                """
        }
        return """
            <table class="grid"><thead><tr>\
            <th>Link</th><th>Stance</th><th>Clip</th><th>Seconds</th><th>Analyst's note</th>\
            <th>By</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// The ledger events that recorded (and retracted) the links: anyone can recompute these hashes.
    private func ledger(_ links: [LinkRecord]) -> HTML {
        let events = links.flatMap { index.snapshot.events(about: $0.shortID) }.sorted { $0.seq < $1.seq }
        guard !events.isEmpty else { return "<p class=\"muted\">No ledger events found for these links.</p>" }
        return """
            <h4>Ledger events behind the evidence</h4>
            <table class="grid ledger"><thead><tr><th>Seq</th><th>Time (UTC)</th><th>Actor</th><th>Action</th>\
            <th>Hash</th><th>Previous hash</th></tr></thead><tbody>\(events.map(ReportClaims.eventRow))</tbody></table>
            """
    }

    static func eventRow(_ event: LedgerEvent) -> HTML {
        """
        <tr><td>\(event.seq)</td><td>\(event.time)</td><td>\(event.actor)</td>\
        <td>\(event.action) \(event.subject.count == 64 ? String(event.subject.prefix(12)) : event.subject)</td>\
        <td class="mono">\(event.hash)</td><td class="mono">\(event.prevHash)</td></tr>
        """
    }
}
