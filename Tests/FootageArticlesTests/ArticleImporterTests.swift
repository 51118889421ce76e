import Foundation
import Testing

@testable import FootageArticles

@Suite struct ArticleImporterTests {
    private func importText(_ text: String, fileName: String) throws -> ImportedArticle {
        try ArticleImporter.parse(data: Data(text.utf8), fileName: fileName)
    }

    @Test func theExampleArticleReadsTheSameInEveryFormat() throws {
        let files = try ArticleFixtures.convoyStrikeFiles()
        let articles = try files.map { try ArticleImporter.parse(data: $0.1, fileName: $0.0) }
        #expect(articles.map(\.format) == [.markdown, .text, .html, .jsonld])
        let reference = articles[0]
        #expect(reference.headline == ArticleFixtures.headline)
        #expect(reference.body.hasPrefix("The Pentagon and the Iraqi army have released footage"))
        #expect(reference.body.hasSuffix("to Iraqi government forces."))
        #expect(reference.body.components(separatedBy: "\n\n").count == 13)
        for article in articles {
            #expect(article.headline == reference.headline, "\(article.format)")
            #expect(article.body == reference.body, "\(article.format)")
        }
    }

    @Test func markdownFrontMatterGivesTheMetadata() throws {
        let article = try ArticleImporter.parse(
            data: Data(contentsOf: ArticleFixtures.example), fileName: "convoy-strike.md")
        #expect(article.outlet == "Example Wire")
        #expect(article.url == "https://example.org/2016/07/01/isil-convoy-strike-footage")
        #expect(article.published == "2016-07-01")
        #expect(article.publishedText == nil)
        #expect(article.author == "Example Wire staff")
        #expect(article.standfirst?.hasPrefix("Iraqi and US militaries publish aerial video") == true)
        #expect(article.sha256.count == 64)
        #expect(article.encoding == "utf-8")
    }

    @Test func htmlMetadataComesFromOpenGraphAndJSONLD() throws {
        let data = try Data(contentsOf: ArticleFixtures.fixtures.appendingPathComponent("convoy-strike.html"))
        let article = try ArticleImporter.parse(data: data, fileName: "convoy-strike.html")
        #expect(article.outlet == "Example Wire")
        #expect(article.url == "https://example.org/2016/07/01/isil-convoy-strike-footage")
        #expect(article.published == "2016-07-01T09:30:00+03:00")
        #expect(article.author == "Example Wire staff")
        #expect(article.standfirst?.hasPrefix("Iraqi and US militaries") == true)
        for noise in ["must not appear", "alert", "Home", "tracking", "Related", "Search", "Burnt vehicles", "&ldquo;"]
        {
            #expect(!article.body.contains(noise), "\(noise)")
        }
        #expect(article.body.contains("“The coalition destroyed 55 ISIL trucks"))
        #expect(article.body.contains("The group's advance stalled"))
    }

    @Test func jsonLDReadsAuthorsPublisherAndGraph() throws {
        let data = try Data(contentsOf: ArticleFixtures.fixtures.appendingPathComponent("convoy-strike.jsonld"))
        let article = try ArticleImporter.parse(data: data, fileName: "convoy-strike.jsonld")
        #expect(article.outlet == "Example Wire")
        #expect(article.author == "Example Wire staff")
        #expect(article.published == "2016-07-01")
        #expect(article.url == "https://example.org/2016/07/01/isil-convoy-strike-footage")
    }

    @Test func theSHA256IsTheHashOfTheBytesAsRead() throws {
        let article = try importText("Headline\n\nBody text.", fileName: "a.txt")
        // printf 'Headline\n\nBody text.' | sha256sum
        #expect(article.sha256 == "1137d742f91bc24b0bf2e84e18080bc1b798014849d104424fd0158129adcf9e")
    }

    @Test func plainTextTakesTheFirstLineAsHeadline() throws {
        let article = try importText("\n\n  Strike on convoy  \nFirst line of body.\nSecond line.\n", fileName: "a.txt")
        #expect(article.format == .text)
        #expect(article.headline == "Strike on convoy")
        #expect(article.body == "First line of body.\n\nSecond line.")
    }

    @Test func plainTextUnwrapsHardWrappedParagraphs() throws {
        let text = """
            Headline

            The Iraqi army said on Friday that a long column of vehicles had been
            struck on the road south of the city, and that it had filmed the attack.

            Second paragraph.
            """
        let article = try importText(text, fileName: "wrapped.txt")
        #expect(
            article.body == "The Iraqi army said on Friday that a long column of vehicles had been "
                + "struck on the road south of the city, and that it had filmed the attack.\n\nSecond paragraph.")
    }

    @Test func longLinesAreNeverJoined() throws {
        let long = String(repeating: "word ", count: 30)
        let text = "Headline\n\n\(long)with no stop\nREAD MORE: a promotion line\n\nNext paragraph."
        let article = try importText(text, fileName: "a.txt")
        #expect(article.body == "\(long)with no stop\nREAD MORE: a promotion line\n\nNext paragraph.")
    }

    @Test func markdownMarkupBecomesPlainText() throws {
        let text = """
            ---
            headline: 'It''s a test'
            authors:
              - Ann Writer
              - "Bo Reporter"
            site: Example Wire # the outlet
            date: "1 July 2016"
            ---
            # Heading inside the body

            Some **bold** and _emphasised_ text with a [link](https://example.org/a_(b)) and
            ![a photo](https://example.org/p.jpg) an image, `code`, snake_case and 5 * 3.

            - first item
            - second *item*

            > A quoted paragraph.

            [ref]: https://example.org
            """
        let article = try importText(text, fileName: "a.md")
        #expect(article.headline == "It's a test")
        #expect(article.author == "Ann Writer, Bo Reporter")
        #expect(article.outlet == "Example Wire")
        #expect(article.published == "2016-07-01")
        #expect(
            article.body == """
                Heading inside the body

                Some bold and emphasised text with a link and an image, code, snake_case and 5 * 3.

                first item
                second item

                A quoted paragraph.
                """)
    }

    @Test func markdownWithoutFrontMatterTakesTheFirstHeading() throws {
        let article = try importText("# The headline\n\nBody paragraph.", fileName: "notes.md")
        #expect(article.format == .markdown)
        #expect(article.headline == "The headline")
        #expect(article.body == "Body paragraph.")
    }

    @Test func unparseableDatesAreKeptAsWritten() throws {
        let article = try importText("---\ntitle: T\ndate: last summer\n---\nBody.", fileName: "a.md")
        #expect(article.published == nil)
        #expect(article.publishedText == "last summer")
    }

    @Test(arguments: [
        ("2016-07-01", "2016-07-01"),
        ("2016-07-01T14:03:22.5+0300", "2016-07-01T14:03:22+03:00"),
        ("2016-07-01 14:03Z", "2016-07-01T14:03:00Z"),
        ("Fri, 01 Jul 2016 14:03:00 GMT", "2016-07-01T14:03:00Z"),
        ("July 1st, 2016 at 2:03 pm UTC", "2016-07-01T14:03:00Z"),
        ("1 July 2016", "2016-07-01"),
        ("2016/07/01", "2016-07-01"),
    ])
    func publishedDatesAreNormalised(raw: String, expected: String) {
        #expect(PublishedDate.normalise(raw) == expected)
    }

    @Test(arguments: ["01/07/2016", "2016-02-30", "1 July 2016 25:00", "yesterday", "2016-07-01T10:00+99"])
    func ambiguousOrInvalidDatesAreNotGuessed(raw: String) {
        #expect(PublishedDate.normalise(raw) == nil)
    }

    @Test func formatIsDetectedByContentNotName() throws {
        #expect(ArticleImporter.detectFormat("<!DOCTYPE html><p>x</p>", fileName: "a.txt") == .html)
        #expect(ArticleImporter.detectFormat("{\"@type\": \"NewsArticle\"}", fileName: "a.txt") == .jsonld)
        #expect(ArticleImporter.detectFormat("---\ntitle: x\n---\nbody", fileName: "a.txt") == .markdown)
        #expect(ArticleImporter.detectFormat("Just words.", fileName: "a.html") == .text)
        #expect(ArticleImporter.detectFormat("{ not json", fileName: "a.txt") == .text)
        let deep = String(repeating: "[", count: 100_000)
        #expect(ArticleImporter.detectFormat(deep, fileName: "a.txt") == .jsonld)
    }
}
