import Foundation
import Testing

@testable import FootageArticles

/// Inputs an attacker or a broken download could hand the importer.
@Suite struct ArticleHostileInputTests {
    private func importing(_ bytes: [UInt8], _ name: String) -> Result<ImportedArticle, ArticleError> {
        do {
            return .success(try ArticleImporter.parse(data: Data(bytes), fileName: name))
        } catch {
            return .failure(error)
        }
    }

    private func importing(_ text: String, _ name: String) -> Result<ImportedArticle, ArticleError> {
        importing(Array(text.utf8), name)
    }

    @Test func anEmptyFileIsRefused() {
        #expect(importing([], "a.txt") == .failure(.empty(fileName: "a.txt")))
        #expect(importing(" \n\t\n", "a.txt") == .failure(.empty(fileName: "a.txt")))
    }

    @Test func binaryFilesAreRefused() {
        #expect(
            importing([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "a.png")
                == .failure(.binary(fileName: "a.png")))
        let controls = [UInt8](repeating: 0x01, count: 100) + Array("text".utf8)
        #expect(importing(controls, "a.txt") == .failure(.binary(fileName: "a.txt")))
    }

    @Test func filesOverFiveMebibytesAreRefusedBeforeParsing() {
        let size = ArticleImporter.maximumBytes + 1
        let result = importing([UInt8](repeating: UInt8(ascii: "a"), count: size), "big.txt")
        #expect(result == .failure(.tooLarge(fileName: "big.txt", bytes: size, limit: 5 * 1024 * 1024)))
        if case .failure(let error) = result { #expect(error.description.contains("5 MiB")) }
    }

    @Test func invalidUTF8FallsBackToWindows1252WhenClearlyText() throws {
        // "Caf\xe9 \x93quoted\x94" in Windows-1252
        let bytes: [UInt8] = Array("Headline\n\nCaf".utf8) + [0xE9, 0x20, 0x93] + Array("quoted".utf8) + [0x94]
        let article = try importing(bytes, "legacy.txt").get()
        #expect(article.encoding == "windows-1252")
        #expect(article.body == "Café “quoted”")
    }

    @Test func bytesUndefinedInWindows1252AreRefused() {
        let bytes: [UInt8] = Array("Headline\n\nBad ".utf8) + [0xC3, 0x28, 0x81]
        guard case .failure(.undecodable(let name, _)) = importing(bytes, "bad.txt") else {
            Issue.record("expected undecodable")
            return
        }
        #expect(name == "bad.txt")
    }

    @Test func utf16WithAByteOrderMarkIsDecoded() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Headline\r\n\r\nBody “text”.".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let article = try importing(bytes, "wide.txt").get()
        #expect(article.encoding == "utf-16le")
        #expect(article.headline == "Headline")
        #expect(article.body == "Body “text”.")
    }

    @Test func scriptsHandlersAndHiddenElementsNeverReachTheBody() throws {
        let page = """
            <html><head><title>T</title></head><body>
            <p>Visible <b>one</b>.<script>alert(1)</script></p>
            <img src=x onerror="alert('img')"><img src="y" alt="<b>alt</b>">
            <p title="a > b" data-x='c > d'>Visible two.</p>
            <noscript>no script text</noscript><template><p>template text</p></template>
            <svg><title>svg title</title><text>svg text</text></svg>
            <p>Visible three &amp; &#8220;four&#8221; &#x2014; &eacute;&nbsp;end &bogus; &#0; &#x110000;</p>
            </body></html>
            """
        let article = try importing(page, "page.html").get()
        #expect(article.headline == "T")
        #expect(
            article.body == "Visible one.\n\nVisible two.\n\n"
                + "Visible three & “four” — é end &bogus; \u{FFFD} \u{FFFD}")
    }

    @Test func unclosedAndUnterminatedMarkupDoesNotSwallowOrCrash() throws {
        let cases: [(String, String)] = [
            ("<title>T</title><p>Before<!-- never closed <p>hidden", "Before"),
            ("<title>T</title><p>Kept text<p>Second <div class=\"unterminated", "Kept text\n\nSecond"),
            ("<title>T</title><p>One<p>Two<li>Three</b></i></span></div></div>", "One\n\nTwo\nThree"),
            ("<title>T</title><p>Text</p><script>never closed <p>hidden</p>", "Text"),
            ("<title>T</title><p>a < b and c <> d</p>", "a < b and c <> d"),
        ]
        for (page, expected) in cases {
            let article = try importing(page, "page.html").get()
            #expect(article.body == expected, "\(page)")
        }
    }

    @Test func deeplyNestedTagsAreBoundedAndLinear() throws {
        let depth = 20_000
        let page =
            "<title>T</title><body><p>Top text.</p>" + String(repeating: "<div>", count: depth)
            + "deep text" + String(repeating: "</div>", count: depth) + "<p>After.</p>"
        let article = try importing(page, "deep.html").get()
        #expect(article.body.hasPrefix("Top text."))
        #expect(article.body.hasSuffix("After."))
        let spans = String(repeating: "<span><b>", count: depth) + "inline"
        let inlineArticle = try importing("<title>T</title>" + spans, "inline.html").get()
        #expect(inlineArticle.body == "inline")
    }

    @Test func pagesWithoutTextHaveNoBody() {
        let result = importing(
            "<html><head><title>Only a title</title></head><body><script>x()</script></body></html>", "a.html")
        #expect(result == .failure(.noBodyText(fileName: "a.html", format: .html)))
    }

    @Test func jsonLDArraysAndGraphsAreSearchedForTheArticle() throws {
        let array = """
            [{"@type": "BreadcrumbList"}, {"@type": ["Thing", "ReportageNewsArticle"], "headline": "H",
              "articleBody": "Body one.\\n\\nBody two.", "author": ["A. Writer", {"name": "B. Writer"}],
              "publisher": "Example Wire", "datePublished": "2016-07-01T10:00:00Z"}]
            """
        let article = try importing(array, "a.json").get()
        #expect(article.format == .jsonld)
        #expect(article.headline == "H")
        #expect(article.body == "Body one.\n\nBody two.")
        #expect(article.author == "A. Writer, B. Writer")
        #expect(article.outlet == "Example Wire")
        #expect(article.published == "2016-07-01T10:00:00Z")
    }

    @Test(arguments: [
        "{\"@type\": \"NewsArticle\", ",
        "[1, 2, 3]",
        "{\"@type\": \"Person\", \"name\": \"x\"}",
        String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
        "\"just a string\"",
    ])
    func garbageJSONLDIsMalformed(text: String) {
        guard case .failure(.malformedJSONLD(let name, _)) = importing(text, "a.jsonld") else {
            Issue.record("expected malformed JSON-LD for \(text.prefix(40))")
            return
        }
        #expect(name == "a.jsonld")
    }

    @Test func aJSONLDArticleWithoutBodyHasNoBodyText() {
        let result = importing("{\"@type\": \"NewsArticle\", \"headline\": \"H\"}", "a.jsonld")
        #expect(result == .failure(.noBodyText(fileName: "a.jsonld", format: .jsonld)))
    }

    @Test func errorDescriptionsNameTheFileAndTheFix() {
        let errors: [ArticleError] = [
            .empty(fileName: "a"), .binary(fileName: "a"), .tooLarge(fileName: "a", bytes: 9, limit: 5),
            .undecodable(fileName: "a", detail: "x"), .noBodyText(fileName: "a", format: .html),
            .malformedJSONLD(fileName: "a", detail: "x"), .tooManyClaims(fileName: "a", limit: 5),
        ]
        for error in errors {
            #expect(error.description.hasPrefix("a: "))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func pathologicalMarkdownIsLinear() throws {
        let brackets = "# H\n\n" + String(repeating: "[", count: 20_000) + String(repeating: "*_`<", count: 5_000)
        let article = try importing(brackets, "a.md").get()
        #expect(article.body.unicodeScalars.count > 20_000)
    }

    @Test func jsonLDWithMoreValuesThanAnArticleHoldsIsRefusedBeforeParsing() {
        let values = Array(repeating: "{}", count: JSONLDArticleReader.maximumValues).joined(separator: ",")
        let text = #"{"@type": "NewsArticle", "headline": "H", "articleBody": "Body.", "x": ["# + values + "]}"
        guard case .failure(.malformedJSONLD(_, let detail)) = importing(text, "a.jsonld") else {
            Issue.record("expected malformed JSON-LD")
            return
        }
        #expect(detail == "JSON with more than \(JSONLDArticleReader.maximumValues) values")
        let small = #"{"@type": "NewsArticle", "headline": "H", "articleBody": "Body.", "x": [{}, {}, {}]}"#
        #expect((try? importing(small, "a.jsonld").get())?.body == "Body.")
    }

    @Test func codeSpansAndLiteralBackticksKeepTheirText() throws {
        let article = try importing("# H\n\n`a` `b` and ``not closed", "a.md").get()
        #expect(article.body == "a b and ``not closed")
    }

    @Test func thematicBreaksAreStillRecognised() throws {
        let article = try importing("# H\n\nOne.\n\n* * *\n\nTwo.\n\n___\n\nThree.\n", "a.md").get()
        #expect(article.body == "One.\n\nTwo.\n\nThree.")
    }
}
