import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Import news articles; set where their reviews are published.",
        subcommands: [Add.self, ReviewURL.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Import an article and split it into claims.",
            discussion: """
                Formats, detected by content: Markdown with YAML front matter, plain text (first line = headline), \
                HTML (title, og:/article: meta, the article body without navigation and scripts), and schema.org \
                NewsArticle JSON-LD. The imported bytes' SHA-256 is kept; the same file imported again adds nothing.
                """)

        @Argument(help: "The article file.") var file: String
        @Option(help: "The article's URL (replaces the file's).") var url: String?
        @Option(help: "The outlet that published it.") var outlet: String?
        @Option(help: "When it was published (date or date-time).") var published: String?
        @Option(help: "Its author.") var author: String?
        @OptionGroup var analyst: AnalystOptions
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            try DateText.check("--published", published)
        }

        func run() throws {
            let catalog = try catalogOptions.open()
            var overrides = ArticleJob.Overrides()
            overrides.url = url
            overrides.outlet = outlet
            overrides.published = published
            overrides.author = author
            let result = try ArticleJob.add(file: file, overrides: overrides, catalog: catalog, analyst: analyst.name)
            let rows = try ClaimRow.rows(result.claims, in: catalog)
            if output.json {
                Output.row(
                    ArticleRow(
                        result.article, claims: result.claims.count,
                        status: result.added ? "imported" : "known"))
                for row in rows { Output.row(row) }
            } else {
                Output.line(
                    "\(result.added ? "imported" : "known   ") \(result.article.shortID)  "
                        + "\(Output.safe(result.article.headline))  (\(result.claims.count) claims)"
                )
                ClaimText.table(rows)
            }
        }
    }
}

struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "claims", abstract: "List an article's claims.")

    @Argument(help: "The article (A3).") var article: String
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let article = try catalog.article(matching: self.article)
        let rows = try ClaimRow.rows(try catalog.claims(articleId: article.id), in: catalog)
        if output.json {
            for row in rows { Output.row(row) }
        } else {
            Output.line("\(article.shortID)  \(Output.safe(article.headline))")
            ClaimText.table(rows)
        }
    }
}

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Add claims by hand, dismiss or correct them.",
        subcommands: [Add.self, Dismiss.self, Edit.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a claim to an article.")

        @Argument(help: "The article (A3).") var article: String
        @Argument(help: "The claim's text.") var text: String
        @OptionGroup var analyst: AnalystOptions
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let catalog = try catalogOptions.open()
            let article = try catalog.article(matching: self.article)
            let claim = try ArticleJob.addClaim(text: text, to: article, catalog: catalog, analyst: analyst.name)
            let row = ClaimRow(claim, review: ClaimReviewState())
            if output.json {
                Output.row(row)
            } else {
                ClaimText.table([row])
            }
        }
    }
}

enum ClaimText {
    /// One line per claim: its id, status (`open`, `dismissed`, or the verdict's rating), kinds and text now.
    static func table(_ rows: [ClaimRow]) {
        for row in rows {
            let status = row.verdict.map { "\($0.rating)" } ?? row.status.rawValue
            Output.line(
                "\(row.id.padding(toLength: 6, withPad: " ", startingAt: 0)) "
                    + "\(status.padding(toLength: 15, withPad: " ", startingAt: 0)) "
                    + "[\(row.kinds.joined(separator: ","))] \(Output.safe(row.text))"
            )
        }
    }
}
