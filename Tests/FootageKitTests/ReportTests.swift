import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

@Suite struct ReportHTMLTests {
    @Test func theFiveSpecialCharactersAreEscaped() {
        #expect(
            HTML.escape(#"<a href="x" title='y'>&</a>"#)
                == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.escape("tab\tline\nbell\u{07}") == "tab\tline\nbell")
        #expect(HTML.escape("café\u{a0}au lait") == "café\u{a0}au lait")
        #expect(HTML.escape("next\u{85}line") == "nextline")
        #expect(HTML.escape("data:image/jpeg;base64,/9j+AA==") == "data:image/jpeg;base64,/9j+AA==")
    }

    @Test func interpolatedTextIsEscapedInContentAndAttributes() {
        let title = ReportFixture.hostileAttribute
        let html: HTML = "<img alt=\"\(title)\"><p>\(ReportFixture.hostileTitle)</p>"
        #expect(
            html.markup == "<img alt=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\">"
                + "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    }

    @Test func onlyHTTPAndHTTPSURLsBecomeLinks() {
        #expect(HTML.link("javascript:alert(1)").markup == "javascript:alert(1)")
        #expect(HTML.link("JAVASCRIPT:alert(1)").markup.contains("href") == false)
        #expect(HTML.link("data:text/html,<script>").markup == "data:text/html,&lt;script&gt;")
        #expect(
            HTML.link("https://example.org/?a=1&b=\"2\"").markup
                == "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">"
                + "https://example.org/?a=1&amp;b=&quot;2&quot;</a>")
        #expect(HTML.link("http://exa mple.org").markup.contains("href") == false)
    }
}

@Suite struct ReportTests {
    @Test func anArticleReportShowsEveryClaimItsEvidenceAndTheClips() throws {
        try withReportFixture { fixture in
            let page = try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog)
            let html = page.html
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            for claim in fixture.claims { #expect(html.contains("id=\"claim-\(claim.shortID)\"")) }
            #expect(html.contains("id=\"clip-\(fixture.hostile.sha256)\""))
            #expect(html.contains("id=\"clip-\(fixture.plain.sha256)\""))
            #expect(html.contains("none linked"))
            #expect(html.contains("no verdict yet"))
            #expect(html.contains("<svg class=\"timeline\""))
            #expect(html.contains("badge s-supports"))
            #expect(html.contains("badge s-contradicts"))
            #expect(html.contains("shown out of context"))
            #expect(html.contains("link.add"))
            #expect(html.contains("Not verified."))
            #expect(html.contains("@media print"))
            // Keyframes inside 2–12 s only: 3, 5 and 8 s, not 20 s.
            #expect(html.contains("<b>0:03.000</b>"))
            #expect(html.contains("<b>0:05.000</b>"))
            #expect(html.contains("<b>0:08.000</b>"))
            #expect(!html.contains("<b>0:20.000</b>"))
        }
    }

    @Test func textFromFilesIsShownEscapedAndNoScriptOrHandlerAppears() throws {
        try withReportFixture { fixture in
            for subject in [EvidenceReport.Subject.article(fixture.article), .clip(fixture.hostile)] {
                let html = try EvidenceReport.render(subject, catalog: fixture.catalog).html
                #expect(HTMLCheck.scripts(in: html).isEmpty, "something could run in the report")
                #expect(!html.contains("<img src=x"))
                #expect(!html.contains("<b>bold</b>"))
                #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
                #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            }
        }
    }

    @Test func picturesAreDataURIsOrSayWhyNot() throws {
        try withReportFixture { fixture in
            let html = try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
            let sources = HTMLCheck.imageSources(html)
            // The intact still inside 2–12 s (3 s; 5 s is missing, 8 s changed) and the contact sheet.
            #expect(sources.count == 2)
            for source in sources {
                #expect(source.hasPrefix("data:image/jpeg;base64,"))
                #expect(Data(base64Encoded: String(source.dropFirst("data:image/jpeg;base64,".count))) != nil)
            }
            #expect(html.contains("Image missing"))
            #expect(html.contains("Image changed since extraction"))
        }
    }

    @Test func aClipReportListsTheClaimsItBearsOn() throws {
        try withReportFixture { fixture in
            let html = try EvidenceReport.render(.clip(fixture.hostile), catalog: fixture.catalog).html
            #expect(html.contains("id=\"claim-\(fixture.claims[0].shortID)\""))
            #expect(!html.contains("id=\"claim-\(fixture.claims[1].shortID)\""))
            #expect(html.contains("Claims this clip bears on"))
            let lonely = try EvidenceReport.render(.clip(fixture.plain), catalog: fixture.catalog).html
            #expect(lonely.contains("id=\"claim-\(fixture.claims[1].shortID)\""))
        }
    }

    @Test func anArticleWithoutClaimsOrEvidenceSaysSo() throws {
        try withReportFixture(withArticle: false) { fixture in
            let empty = try fixture.catalog.add(
                article: NewArticle(
                    sha256: String(repeating: "d4", count: 32),
                    format: "text", headline: "Nothing to check", body: "Nothing."), claims: [], actor: "a"
            ).article
            let html = try EvidenceReport.render(.article(empty), catalog: fixture.catalog).html
            #expect(html.contains("This article has no claims."))
            let unlinked = try fixture.catalog.add(
                article: NewArticle(
                    sha256: String(repeating: "e5", count: 32),
                    format: "text", headline: "Unchecked", body: "One."),
                claims: [
                    NewClaim(
                        text: "One claim.", start: nil, end: nil, kinds: ["event"], attribution: nil,
                        details: .object([:]), origin: .extracted)
                ], actor: "a"
            ).article
            let second = try EvidenceReport.render(.article(unlinked), catalog: fixture.catalog).html
            #expect(second.contains("No claim of this article has footage evidence yet."))
        }
    }

    /// A verification row the ledger did not record (written with `sqlite3`), or a recorded one edited, is not the
    /// ledger's own: the report does not show it.
    @Test func aVerificationTheLedgerDidNotRecordIsNotShown() throws {
        try withReportFixture { fixture in
            try fixture.catalog.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO verification (time, ok, files, problems, problem_list, events, head)
                        VALUES ('2099-01-01T00:00:00Z', 1, 9, 0, '[]', 1, 'forged')
                        """)
            }
            let forged = try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
            #expect(!forged.contains("2099"))
            #expect(forged.contains("Not verified."))
            let head = try fixture.catalog.ledgerHead()
            let run = try fixture.catalog.record(
                verification: NewVerification(
                    ok: false, files: 3, problems: ["x"], events: head.count, head: head.hash),
                actor: "analyst")
            #expect(
                try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
                    .contains("found 1 problem(s)"))
            try fixture.catalog.write { db in
                try db.execute(sql: "UPDATE verification SET ok = 1, problems = 0 WHERE id = ?", arguments: [run.id])
            }
            let edited = try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
            #expect(edited.contains("Not verified."))
        }
    }

    @Test func theLastVerificationIsShownWithWhatWasAddedSince() throws {
        try withReportFixture { fixture in
            let head = try fixture.catalog.ledgerHead()
            try fixture.catalog.record(
                verification: NewVerification(
                    ok: false, files: 3,
                    problems: ["/x.mp4: missing <gone>"], events: head.count, head: head.hash), actor: "analyst")
            _ = try fixture.catalog.assess(
                clip: fixture.plain, category: .original, note: nil, actor: "analyst")
            let html = try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
            #expect(html.contains("found 1 problem(s)"))
            #expect(html.contains("/x.mp4: missing &lt;gone&gt;"))
            #expect(html.contains("1 event(s) have been recorded since"))
        }
    }

    @Test func aReportIsWrittenWholeOrNotAtAll() throws {
        try withReportFixture { fixture in
            let page = try EvidenceReport.render(
                .article(fixture.article), catalog: fixture.catalog,
                options: .init(imagesFolder: "out_files"))
            let missing = fixture.root.appendingPathComponent("no-such-folder/out.html")
            #expect(throws: ReportWriter.Failure.self) {
                try ReportWriter.write(page, to: missing, imagesFolder: "out_files")
            }
            #expect(!FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))

            let folder = fixture.root.appendingPathComponent("reports")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let target = folder.appendingPathComponent("out.html")
            try ReportWriter.write(page, to: target, imagesFolder: "out_files")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["out.html", "out_files"])
            let html = try String(contentsOf: target, encoding: .utf8)
            #expect(!html.contains("src=\"data:"))
            for name in try FileManager.default.contentsOfDirectory(
                atPath: folder.appendingPathComponent("out_files").path)
            {
                #expect(html.contains("src=\"out_files/\(name)\""))
            }
        }
    }

    @Test func anImagesFolderNameIsPercentEncodedInSources() throws {
        try withReportFixture { fixture in
            let page = try EvidenceReport.render(
                .article(fixture.article), catalog: fixture.catalog,
                options: .init(imagesFolder: "my report#1_files"))
            #expect(page.html.contains("src=\"my%20report%231_files/"))
            #expect(page.images.keys.allSatisfy { $0.count == 64 + 4 && $0.hasSuffix(".jpg") })
        }
    }

    @Test func theTimelineHookStartsEveryClipAtZero() {
        let fields = NewClip(sha256: String(repeating: "0", count: 64), size: 1, probeJson: "{}")
        var clip = ClipRecord(id: 1, fields: fields)
        clip.duration = 10
        #expect(ReportTimeline.sharedFootageOffsets(for: [clip]) == [clip.sha256: 0])
        let shifted = ReportTimeline.svg(
            [.init(clip: clip, label: "a", links: [], keyframeTimes: [1])],
            offsets: [clip.sha256: 5]
        ).markup
        #expect(shifted.contains("<svg"))
    }
}
