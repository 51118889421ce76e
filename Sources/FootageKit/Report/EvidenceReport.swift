import FootageCatalog
import Foundation

/// `footage report`: one self-contained HTML page that shows an article's claims with the footage evidence for
/// each, or one clip with every claim it bears on — for an editor to read or print, and to hand over.
///
/// The page has no script at all; its style is inline; pictures are embedded as `data:` URIs or copied into a
/// folder beside the page. Every piece of text that came from a file is escaped (see `HTML`).
public enum EvidenceReport {
    public enum Subject: Sendable {
        case article(ArticleRecord)
        case clip(ClipRecord)
    }

    public struct Options: Sendable {
        /// Copy pictures into this folder (a name beside the report) instead of embedding them.
        public var imagesFolder: String?
        public init(imagesFolder: String? = nil) { self.imagesFolder = imagesFolder }
    }

    /// The page and, when pictures go into a folder, the files for it.
    public struct Page: Sendable {
        public var html: String
        public var images: [String: Data]
        public var claims: Int
        public var clips: Int
    }

    /// Builds the page from one consistent snapshot of the catalogue.
    public static func render(
        _ subject: Subject, catalog: Catalog, options: Options = Options(),
        generatedAt: String = Timestamp.now()
    ) throws -> Page {
        let scope: CatalogSnapshot.Scope
        switch subject {
        case .article(let article): scope = .article(article.id)
        case .clip(let clip): scope = .clip(clip.id)
        }
        let index = try SnapshotIndex.read(catalog, scope)
        let images = ReportImages(
            root: catalog.root, placement: options.imagesFolder.map(ReportImages.Placement.folder) ?? .embedded)
        let page = ReportPage(index: index, images: images, generatedAt: generatedAt)
        let html: HTML
        switch subject {
        case .article(let article): html = page.article(index.articles[article.id] ?? article)
        case .clip(let clip): html = page.clip(index.clips[clip.id] ?? clip)
        }
        return Page(
            html: html.markup, images: images.files, claims: index.snapshot.claims.count,
            clips: index.snapshot.clips.count)
    }
}

/// The page's parts. An article's report opens with page one — what an editor reads first: the article, one line per
/// claim with its status and the footage behind it, the footage the releases share, and the chronology of the footage
/// across publishers — then the details (timeline, the claims with evidence, the shared footage, each clip), then,
/// after a page break, the appendix of full hashes and ledger events.
struct ReportPage {
    let index: SnapshotIndex
    let images: ReportImages
    let generatedAt: String

    func article(_ article: ArticleRecord) -> HTML {
        let claims = index.claimsByArticle[article.id] ?? []
        let withEvidence = claims.filter { !(index.linksByClaim[$0.id] ?? []).isEmpty }
        let standing = claims.filter { !index.standingLinks(claim: $0.id).isEmpty }
        let clips = linkedClips(order: claims.flatMap { index.linksByClaim[$0.id] ?? [] })
        let summary = ReportSummary(page: self)
        let counts: HTML = """
            <p class="counts">\(claims.count) claims · \(standing.count) with footage evidence · \
            \(claims.count - standing.count) without · \(clips.count) clips linked</p>
            """
        let details: HTML =
            withEvidence.isEmpty
            ? "<p class=\"check none\">No claim of this article has footage evidence yet.</p>"
            : ReportClaims(index: index).section(withEvidence)
        let without = claims.count - withEvidence.count
        let body: HTML = """
            <section class="page-one" id="page-one">
            <header class="masthead"><div class="kicker">Evidence report · article \(article.shortID)</div>
            <h1>\(article.headline)</h1>
            \(article.standfirst.map { "<p class=\"muted\">\($0)</p>" as HTML } ?? .empty)
            <p class="byline">\(byline(article))</p>
            </header>
            \(counts)\(verification())
            <h2 id="claims-at-a-glance">Claims at a glance</h2>
            \(summary.claims(claims))
            <h2 id="same-footage-summary">Same footage between releases</h2>
            \(summary.sameFootage())
            <h2 id="chronology">Chronology of the footage</h2>
            \(ReportChronology(page: self).section(clips))
            </section>
            <section class="details" id="details">
            \(timeline(clips))
            <h2>Claims with footage evidence</h2>
            \(without > 0 ? "<p class=\"muted\">The \(without) claim(s) without footage are listed on page one only.</p>" as HTML : .empty)\
            \(details)
            \(ReportMatches(index: index).section())
            \(clipsPart(clips))
            </section>
            \(ReportAppendix(index: index).section(
                articles: [article], clips: clips, links: index.snapshot.links, record: articleFacts(article)))
            """
        return document(title: "Evidence report: \(article.headline)", body: body)
    }

    func clip(_ clip: ClipRecord) -> HTML {
        let links = index.linksByClip[clip.id] ?? []
        let articles = index.snapshot.articles
        var claimsPart: [HTML] = []
        for article in articles {
            let claims = (index.claimsByArticle[article.id] ?? [])
                .filter { claim in links.contains { $0.claimId == claim.id } }
            claimsPart.append(
                """
                <h3 class="article-head"><span class="id">\(article.shortID)</span>\(article.headline)</h3>
                <p class="byline">\(byline(article))</p>
                \(ReportClaims(index: index).section(claims, onlyClip: clip.id))
                """)
        }
        if claimsPart.isEmpty {
            claimsPart = ["<p class=\"check none\">No claim has been linked to this clip yet.</p>"]
        }
        let title = index.name(of: clip.id)
        let body: HTML = """
            <section class="page-one" id="page-one">
            <header class="masthead"><div class="kicker">Evidence report · clip \
            <span class="hash">\(String(clip.sha256.prefix(12)))</span></div>
            <h1>\(title)</h1></header>
            <p class="counts">\(links.filter { !$0.isRetracted }.count) standing links · \
            \(Set(links.map(\.claimId)).count) claims it bears on · \(articles.count) articles · \
            \((index.keyframes[clip.id] ?? []).count) keyframes extracted</p>
            \(verification())
            <h2 id="same-footage-summary">Same footage between releases</h2>
            \(ReportSummary(page: self).sameFootage())
            <h2 id="chronology">Chronology of the footage</h2>
            \(ReportChronology(page: self).section([clip]))
            </section>
            <section class="details" id="details">
            \(timeline([clip]))
            \(ReportClip(index: index, images: images).section(clip))
            <h2>Claims this clip bears on</h2>
            \(claimsPart)
            \(ReportMatches(index: index).section())
            </section>
            \(ReportAppendix(index: index).section(articles: articles, clips: [clip], links: links))
            """
        return document(title: "Evidence report: \(title)", body: body)
    }

    private func document(title: String, body: HTML) -> HTML {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="footage \(FootageVersion.string)">
        <meta http-equiv="Content-Security-Policy" \
        content="default-src 'none'; img-src data: 'self'; style-src 'unsafe-inline'">
        <title>\(title)</title>
        <style>\(ReportStyle.css)</style></head>
        <body><main>
        \(body)
        <footer>Generated \(generatedAt) by footage \(FootageVersion.string). \
        Catalogue ledger: \(index.snapshot.ledgerEvents) events, \
        head <span class="mono">\(String(index.snapshot.ledgerHead.prefix(16)))…</span> (in full in the appendix). \
        Text from articles, files and sidecars is shown as written, never as markup.</footer>
        </main></body></html>

        """
    }

    /// Outlet, date, author and URL on one line, under the headline.
    private func byline(_ article: ArticleRecord) -> HTML {
        var parts: [HTML] = []
        parts.append("<b>\(article.outlet ?? "outlet not recorded")</b>")
        parts.append("\(article.published ?? "date not recorded")")
        if let author = article.author { parts.append("by \(author)") }
        parts.append(HTML.link(article.url))
        return parts.joined(separator: " · ")
    }

    private func articleFacts(_ article: ArticleRecord) -> HTML {
        let rows: [(StaticString, HTML)] = [
            ("Outlet", "\(article.outlet ?? "not recorded")"),
            ("URL", HTML.link(article.url)),
            ("Published", "\(article.published ?? "not recorded")"),
            ("Author", "\(article.author ?? "not recorded")"),
            ("SHA-256 of the imported file", "<span class=\"mono\">\(article.sha256)</span>"),
            (
                "Imported",
                "\(article.importedAt) by \(article.importedBy) <span class=\"muted\">(\(article.format))</span>"
            ),
        ]
        return rows.map { "<tr><th>\(HTML(stringLiteral: $0.0))</th><td>\($0.1)</td></tr>" as HTML }.joined()
    }

    /// The last `footage verify` the ledger recorded (a run whose row is not its event's is not shown), and whether
    /// the ledger grew since.
    private func verification() -> HTML {
        guard let recorded = index.snapshot.lastVerification else {
            return
                "<p class=\"check none\"><b>Not verified.</b> Run <code>footage verify</code> to re-hash every file "
                + "and check the ledger.</p>"
        }
        let last = recorded.verification
        let since = index.snapshot.ledgerEvents - recorded.event.seq
        let event: HTML = " Recorded as ledger event \(recorded.event.seq)."
        let growth: HTML =
            since > 0
            ? " \(since) event(s) have been recorded since; run it again." : " Nothing has been recorded since."
        if last.ok {
            return """
                <p class="check"><b>Verified \(last.time):</b> \(last.files) files re-hashed, no problems; ledger of \
                \(last.events) events, head <span class="mono">\(String(last.head.prefix(16)))…</span>.\
                \(event)\(growth)</p>
                """
        }
        let problems = last.problemTexts.prefix(5).map { "<li>\($0)</li>" as HTML }
        return """
            <div class="check bad"><b>Last verification, \(last.time), found \(last.problems) problem(s):</b>\
            <ul>\(Array(problems))</ul>\(event)\(growth)</div>
            """
    }

    private func linkedClips(order links: [LinkRecord]) -> [ClipRecord] {
        var seen = Set<Int64>()
        return links.compactMap { link in
            guard seen.insert(link.clipId).inserted else { return nil }
            return index.clips[link.clipId]
        }
    }

    private func timeline(_ clips: [ClipRecord]) -> HTML {
        guard !clips.isEmpty else { return .empty }
        let rows = clips.map { clip -> ReportTimeline.Row in
            ReportTimeline.Row(
                clip: clip, label: index.name(of: clip.id),
                links: index.linksByClip[clip.id] ?? [],
                keyframeTimes: (index.keyframes[clip.id] ?? []).map(\.time))
        }
        let offsets = ReportTimeline.sharedFootageOffsets(for: clips, matches: index.matches.records)
        let aligned: HTML =
            offsets.values.contains { $0 != 0 }
            ? "<p class=\"muted\">Clips that share footage are drawn aligned at the offset between them (see Same "
                + "footage): a moment lies at the same place in each, so the axis is not each clip’s own time.</p>"
            : .empty
        return "<h2>Timeline</h2>\(ReportTimeline.svg(rows, offsets: offsets))\(aligned)"
    }

    private func clipsPart(_ clips: [ClipRecord]) -> HTML {
        guard !clips.isEmpty else { return .empty }
        let section = ReportClip(index: index, images: images)
        return "<h2>The footage</h2>\(clips.map(section.section))"
    }
}
