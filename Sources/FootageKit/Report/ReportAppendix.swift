import FootageCatalog
import FootageCore
import Foundation

/// The report's appendix, after a page break: the full hashes anyone can recompute — the article's file, each clip's
/// bytes, the ledger events behind each link and each clip, and the ledger's head. The body shows short hashes at
/// most; this is where the long ones live.
struct ReportAppendix {
    let index: SnapshotIndex

    /// - Parameter record: the article's record as imported, for an article's report.
    func section(articles: [ArticleRecord], clips: [ClipRecord], links: [LinkRecord], record: HTML? = nil) -> HTML {
        var identities: [HTML] = articles.map { article in
            """
            <tr><th>Article \(article.shortID)</th><td>imported file</td><td class="mono">\(article.sha256)</td></tr>
            """
        }
        identities += clips.map { clip in
            """
            <tr><th>\(index.name(of: clip.id))</th><td>clip bytes</td><td class="mono">\(clip.sha256)</td></tr>
            """
        }
        let linkEvents = Set(links.map(\.shortID)).flatMap { index.snapshot.events(about: $0) }
        let clipEvents = clips.flatMap { index.snapshot.events(about: $0.sha256) }
        let events = Dictionary((linkEvents + clipEvents).map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
            .values.sorted { $0.seq < $1.seq }
        let ledger: HTML =
            events.isEmpty
            ? "<p class=\"muted\">No ledger events about the links and clips of this report.</p>"
            : """
            <table class="grid ledger"><thead><tr><th>Seq</th><th>Time (UTC)</th><th>Actor</th><th>Action</th>\
            <th>Hash</th><th>Previous hash</th></tr></thead><tbody>\(events.map(Self.eventRow))</tbody></table>
            """
        return """
            <section class="appendix" id="appendix">
            <h2>Appendix: hashes and ledger events</h2>
            <p class="muted">Every hash below can be recomputed: <code>footage verify</code> re-hashes the files and \
            replays the ledger; <code>footage log</code> lists the events.</p>
            \(record.map { "<h3>The article as imported</h3><table class=\"meta\">\($0)</table>" as HTML } ?? .empty)
            <h3>What the report is about</h3>
            <table class="grid ledger"><tbody>\(identities)</tbody></table>
            <h3>Ledger events behind the links and clips</h3>
            \(ledger)
            <p>Catalogue ledger: \(index.snapshot.ledgerEvents) events, head \
            <span class="mono">\(index.snapshot.ledgerHead)</span>.</p>
            </section>
            """
    }

    static func eventRow(_ event: LedgerEvent) -> HTML {
        """
        <tr><td>\(event.seq)</td><td class="nowrap">\(event.time)</td><td>\(event.actor)</td>\
        <td>\(event.action) \(event.subject.count == 64 ? String(event.subject.prefix(12)) : event.subject)</td>\
        <td class="mono">\(event.hash)</td><td class="mono">\(event.prevHash)</td></tr>
        """
    }
}
