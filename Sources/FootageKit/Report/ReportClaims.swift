import FootageCatalog
import FootageCore
import Foundation

/// The claims of a report, each with its status, stance badges and evidence. The ledger events behind each link are
/// in the appendix (`ReportAppendix`); a link names its event here by number and short hash.
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
        let evidence: HTML = links.isEmpty ? .empty : evidenceTable(links)
        let status = ReportClaimStatus.of(claim, in: index)
        return """
            <section class="claim\(standing.isEmpty ? " none" as HTML : .empty)" id="claim-\(claim.shortID)">
            <div><span class="id">\(claim.shortID)</span>\(kinds)</div>
            <p class="text">\(index.review(of: claim.id).text(of: claim))</p>\(attribution)
            <div class="statusline">\(status.badge) · \(badges)</div>\(status.explanationLine)
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
            let title = index.name(of: link.clipId)
            let event: HTML =
                index.linkEvents[link.id].map {
                    "<br><span class=\"muted\">event \($0.seq)</span> <span class=\"mono\">\(String($0.hash.prefix(8)))</span>"
                } ?? .empty
            let retraction: HTML =
                link.isRetracted
                ? "<tr class=\"retracted\"><td></td><td class=\"why\" colspan=\"5\">Retracted \(link.retractedAt) "
                    + "by \(link.retractedBy)\(link.retractionNote.map { ": " + $0 } ?? "")</td></tr>"
                : .empty
            return """
                <tr\(link.isRetracted ? " class=\"retracted\"" as HTML : .empty)>\
                <td><span class="mono">\(link.shortID)</span>\(event)</td>\
                <td>\(badge(link.stance))<br><span class="muted">\(link.confidence) confidence</span></td>\
                <td><a href="#clip-\(link.clipSha256)">\(title)</a>\
                <br><span class="mono">\(String((clip?.sha256 ?? link.clipSha256).prefix(8)))</span></td>\
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
}
