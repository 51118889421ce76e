import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article", abstract: "Import news articles.", subcommands: [Add.self])

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
            if let published, !DateText.isDate(published) {
                throw ValidationError(
                    "--published takes a date like 2016-07-01 or 2016-07-01T14:05:00Z, not '\(published)'")
            }
        }

        func run() throws {
            let catalog = try catalogOptions.open()
            var overrides = ArticleJob.Overrides()
            overrides.url = url
            overrides.outlet = outlet
            overrides.published = published
            overrides.author = author
            let result = try ArticleJob.add(file: file, overrides: overrides, catalog: catalog, analyst: analyst.name)
            if output.json {
                Output.row(
                    ArticleRow(
                        result.article, claims: result.claims.count,
                        status: result.added ? "imported" : "known"))
                for claim in result.claims { Output.row(ClaimRow(claim)) }
            } else {
                Output.line(
                    "\(result.added ? "imported" : "known   ") \(result.article.shortID)  \(Output.safe(result.article.headline))  (\(result.claims.count) claims)"
                )
                ClaimText.table(result.claims)
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
        let claims = try catalog.claims(articleId: article.id)
        if output.json {
            for claim in claims { Output.row(ClaimRow(claim)) }
        } else {
            Output.line("\(article.shortID)  \(Output.safe(article.headline))")
            ClaimText.table(claims)
        }
    }
}

struct ClaimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claim", abstract: "Add claims by hand.", subcommands: [Add.self])

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
            if output.json {
                Output.row(ClaimRow(claim))
            } else {
                ClaimText.table([claim])
            }
        }
    }
}

enum ClaimText {
    static func table(_ claims: [ClaimRecord]) {
        for claim in claims {
            Output.line(
                "\(claim.shortID.padding(toLength: 6, withPad: " ", startingAt: 0)) [\(claim.kindList.joined(separator: ","))] \(Output.safe(claim.text))"
            )
        }
    }
}
