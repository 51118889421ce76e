import FootageCatalog
import FootageCore
import Foundation

/// Page one of an article's report, what an editor reads first: one line per claim with its status and the footage
/// behind it, the footage the releases share, and the chronology of the footage across publishers.
struct ReportSummary {
    let page: ReportPage
    var index: SnapshotIndex { page.index }

    /// Longer claims are cut on page one; the claim's own section below holds the whole text.
    static let claimLength = 220

    func claims(_ claims: [ClaimRecord]) -> HTML {
        guard !claims.isEmpty else {
            return "<p class=\"muted\">This article has no claims. Add them with <code>footage claim add</code>.</p>"
        }
        let rows = claims.map { claim -> HTML in
            let standing = index.standingLinks(claim: claim.id)
            // Claims with links (retracted ones too) have a section below; a claim without has only this line.
            let hasSection = !(index.linksByClaim[claim.id] ?? []).isEmpty
            // The claim as the analyst corrected it (`footage claim edit`), if they did.
            let text = ReportTimeline.truncated(index.review(of: claim.id).text(of: claim), Self.claimLength)
            let said: HTML = claim.attribution.map { " <span class=\"muted\">— \($0)</span>" } ?? .empty
            let status = ReportClaimStatus.of(claim, in: index)
            let textCell: HTML =
                (!hasSection
                    ? "\(text)\(said)" : "<a href=\"#claim-\(claim.shortID)\" class=\"plain\">\(text)</a>\(said)")
                + status.explanationLine
            let anchor: HTML = !hasSection ? " id=\"claim-\(claim.shortID)\"" : .empty
            return """
                <tr\(anchor)><td class="nowrap"><span class="id">\(claim.shortID)</span>\
                \(status.badge)</td><td class="claimtext">\(textCell)</td>\
                <td>\(footage(standing))</td></tr>
                """
        }
        return """
            <table class="grid lines"><thead><tr><th>Claim · status</th><th></th>\
            <th>Footage behind it (stance, clip, seconds)</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// The standing links of a claim, one line each: stance, clip, seconds.
    private func footage(_ links: [LinkRecord]) -> HTML {
        guard !links.isEmpty else { return "<span class=\"muted\">none linked</span>" }
        return links.map { link -> HTML in
            """
            <div>\(ReportClaims(index: index).badge(link.stance)) \(page.clipName(link.clipId)) \
            <span class="mono nowrap">\(TimeText.format(link.start))–\(TimeText.format(link.end))</span></div>
            """
        }.joined()
    }

    /// One sentence per stored match: which release starts where in which, and how much of each the other shows.
    func sameFootage() -> HTML {
        let pairs = index.matches.records.compactMap { record -> HTML? in
            guard let a = index.anyClip(record.clipA), let b = index.anyClip(record.clipB) else { return nil }
            let match = record.clipMatch
            let tenths = (match.offset * 10).rounded() / 10
            let seconds = ReportMatches.seconds(tenths, signed: false)
            // b.time ≈ a.time + offset: a negative offset puts B's start inside A.
            let starts: HTML =
                tenths < 0
                ? "\(page.clipName(b.id)) starts \(seconds) into \(page.clipName(a.id))"
                : tenths > 0
                    ? "\(page.clipName(a.id)) starts \(seconds) into \(page.clipName(b.id))"
                    : "\(page.clipName(a.id)) and \(page.clipName(b.id)) start together"
            let anchor = "match-\(a.sha256.prefix(12))-\(b.sha256.prefix(12))"
            let transform: HTML =
                MatchText.transform(match.transform).map {
                    "; \(index.name(of: b.id)) is \(index.name(of: a.id)) \($0)"
                } ?? .empty
            return """
                <li>\(starts): \(MatchText.share(match.shareOfA)) of \(index.name(of: a.id))’s frames and \
                \(MatchText.share(match.shareOfB)) of \(index.name(of: b.id))’s are the same footage\(transform). \
                <a href="#\(anchor)">Details</a></li>
                """
        }
        guard !pairs.isEmpty else {
            return "<p class=\"muted\">No clip of this report is recorded as sharing footage with another "
                + "(<code>footage match</code> finds them).</p>"
        }
        return "<ul class=\"findings\">\(pairs)</ul>"
    }
}
