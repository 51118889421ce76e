import FootageTestSupport
import Foundation
import Testing

/// The report as an editor gets it: the demo article's report (`Catalog/demo.sh`, what `make demo` runs) printed by
/// headless Chromium to at most six pages before its appendix, with page one's sections in the rendered page, and
/// text from files still text once rendered. Skipped, with a note, where Chromium is not installed.
@Suite(.serialized) struct ReportPrintEndToEndTests {
    /// Pages an editor reads before the appendix of hashes.
    static let pageLimit = 6

    /// The demo catalogue, as `make demo` makes it, in a folder of its own holding copies of the samples and the
    /// example articles (the demo script reads them from the catalogue folder).
    private func demoCatalogue(_ root: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: root.appendingPathComponent("Media"), withIntermediateDirectories: true)
        try files.createDirectory(at: root.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
        try files.copyItem(at: FootageBinary.samples, to: root.appendingPathComponent("Media/samples"))
        try files.copyItem(
            at: Repository.root.appendingPathComponent("Catalog/examples"),
            to: root.appendingPathComponent("Catalog/examples"))
        let demo = try runProcess(
            "/bin/sh", [Repository.root.appendingPathComponent("Catalog/demo.sh").path, FootageBinary.path, root.path],
            environment: ["FOOTAGE_HOME": ""])
        #expect(demo.status == 0, "the demo failed: \(demo.stderr)")
    }

    /// Pages of a PDF Chromium wrote: its page objects (`/Type /Page`, not `/Pages`).
    static func pages(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: Unicode.ASCII.self)
        let regex = try! NSRegularExpression(pattern: #"/Type\s*/Page(?![A-Za-z])"#)
        return regex.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    private func printed(_ page: URL, profile: URL) throws -> Int {
        let pdf = page.deletingPathExtension().appendingPathExtension("pdf")
        let result = try ExternalTool.chromium(
            page, ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], profile: profile)
        #expect(result.status == 0, "\(result.stderr)")
        return Self.pages(try Data(contentsOf: pdf))
    }

    @Test func theDemoArticlesReportPrintsToSixPagesBeforeItsAppendix() throws {
        guard ExternalTool.chromium != nil else {
            print("note: chromium is not installed; the report's print was not checked (make test-deps installs it)")
            return
        }
        try withTemporaryFolder { root in
            try demoCatalogue(root)
            let footage = FootageBinary(catalog: root)
            let out = root.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let page = out.appendingPathComponent("report.html")
            let made = try footage.run(["report", "A1", "-o", page.path])
            #expect(made.status == 0, "\(made.stderr)")
            let html = try String(contentsOf: page, encoding: .utf8)
            let appendix = try #require(html.range(of: "<section class=\"appendix\" id=\"appendix\">"))
            // The body alone: everything before the appendix, closed as the page closes.
            let body = out.appendingPathComponent("body.html")
            try (String(html[..<appendix.lowerBound]) + "</main></body></html>\n").write(
                to: body, atomically: true, encoding: .utf8)
            let profile = root.appendingPathComponent("chromium")
            let bodyPages = try printed(body, profile: profile)
            let allPages = try printed(page, profile: profile)
            #expect(bodyPages >= 1 && bodyPages <= Self.pageLimit, "\(bodyPages) pages before the appendix")
            #expect(allPages > bodyPages, "the appendix starts on a page of its own")
            print(
                "note: the demo article's report prints to \(bodyPages) pages before the appendix, \(allPages) in all")

            // Page one, as Chromium built the page: the article, the claims at a glance, the shared footage and the
            // chronology, before the details; full hashes only in the appendix.
            let dom = try ExternalTool.chromium(page, ["--dump-dom"], profile: profile)
            #expect(dom.status == 0, "\(dom.stderr)")
            let rendered = dom.stdout
            let order = [
                "id=\"page-one\"", "Footage said to show air strikes", "id=\"claims-at-a-glance\"", "no verdict yet",
                "id=\"same-footage-summary\"", "starts 8.0 s into", "id=\"chronology\"", "Who posted it first",
                "id=\"details\"", "id=\"appendix\"",
            ]
            var from = rendered.startIndex
            for marker in order {
                let found = rendered.range(of: marker, range: from..<rendered.endIndex)
                #expect(found != nil, "\(marker) is missing from the rendered page, or out of order")
                if let found { from = found.upperBound }
            }
            let pageOne = try #require(rendered.range(of: "id=\"details\"")).lowerBound
            let first = String(rendered[..<pageOne])
            #expect(first.contains("https://www.youtube.com/watch?v=q7Zr3mK2vXc"), "the acquisition's URL")
            #expect(first.contains("Retrieved by demo"))
            let sha = try #require(
                footage.run(["list", "clips", "--json"]).rows.compactMap { $0["sha256"] as? String }.first)
            // Anchors name clips by their hash (`#clip-…`); as text, a full hash appears only in the appendix.
            let appendixStart = try #require(rendered.range(of: "id=\"appendix\"")).lowerBound
            let readable = rendered[..<appendixStart].replacingOccurrences(of: "clip-\(sha)", with: "")
            #expect(!readable.contains(sha), "a full hash before the appendix")
            #expect(rendered[appendixStart...].contains(sha))
        }
    }

    @Test func aTitleWithMarkupStaysTextInTheRenderedReport() throws {
        guard ExternalTool.chromium != nil else {
            print("note: chromium is not installed; the rendered report was not checked (make test-deps installs it)")
            return
        }
        try withCatalogFolder { footage, root in
            let ministry = FootageBinary.samples.appendingPathComponent("ministry-upload.mp4").path
            let pentagon = FootageBinary.samples.appendingPathComponent("pentagon-release.webm").path
            for (file, platform) in [(ministry, "YouTube"), (pentagon, "X")] {
                let result = try footage.run([
                    "register", file, "--no-fingerprint", "--no-sidecar", "--source", "One publisher", "--platform",
                    platform,
                ])
                #expect(result.status == 0, "\(result.stderr)")
            }
            let markup = "<img src=x onerror=alert(1)><b>Strike</b> & \"cut\""
            #expect(try footage.run(["title", pentagon, markup]).status == 0)
            let imported = try footage.run(["article", "add", Repository.exampleArticle.path, "--json"])
            let claims = imported.rows.dropFirst().compactMap { $0["id"] as? String }
            #expect(try footage.run(["link", claims[0], ministry, "--stance", "supports"]).status == 0)
            #expect(try footage.run(["link", claims[1], pentagon, "--stance", "context"]).status == 0)
            let page = root.appendingPathComponent("report.html")
            #expect(try footage.run(["report", "A1", "-o", page.path]).status == 0)
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;Strike&lt;/b&gt; &amp; &quot;cut&quot;"))
            #expect(HTMLCheck.scripts(in: html).isEmpty, "something could run in the report")
            // The untitled clip is named by publisher, platform and short hash: the two releases read apart.
            #expect(html.contains("One publisher · YouTube · "))

            let dom = try ExternalTool.chromium(page, ["--dump-dom"], profile: root.appendingPathComponent("chromium"))
            #expect(dom.status == 0, "\(dom.stderr)")
            #expect(dom.stdout.contains("&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;Strike&lt;/b&gt;"))
            #expect(!dom.stdout.contains("<b>Strike</b>"))
            #expect(HTMLCheck.scripts(in: dom.stdout).isEmpty, "something could run in the rendered DOM")
            #expect(HTMLCheck.imageSources(dom.stdout).allSatisfy { $0.hasPrefix("data:") }, "an element was injected")
        }
    }
}
