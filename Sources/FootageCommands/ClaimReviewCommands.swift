import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

extension VerdictRating: ExpressibleByArgument {}

extension ClaimCommand {
    struct Dismiss: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss",
            abstract: "Set a claim aside as not a claim (or not one worth checking), with the reason.",
            discussion: """
                The claim stays in the catalogue, with its status `dismissed`, the reason, the analyst and the time, \
                as a ledger event (claim.dismiss). A claim is dismissed once; a dismissed claim takes no verdict.
                """)

        @Argument(help: "The claim (C17).") var claim: String
        @Option(help: "Why it is not a claim, in the analyst's words.") var reason: String
        @OptionGroup var analyst: AnalystOptions
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--reason is empty: say why the claim is set aside")
            }
        }

        func run() throws {
            let catalog = try catalogOptions.open()
            let claim = try catalog.claim(matching: self.claim)
            let row = try ClaimReviewJob.dismiss(
                claim, reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), catalog: catalog,
                analyst: analyst.name)
            output.json ? Output.row(row) : ClaimText.table([row])
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a claim's text; the text it replaces is kept.",
            discussion: """
                The new text is a ledger event (claim.edit) that keeps the text it replaces; the text the claim was \
                extracted (or added) with stays in the catalogue, so every text the claim has had can be read back \
                (`footage xref CLAIM`). With --json the claim's row has `original_text` once it was edited.
                """)

        @Argument(help: "The claim (C17).") var claim: String
        @Argument(help: "The claim's corrected text.") var text: String
        @OptionGroup var analyst: AnalystOptions
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let catalog = try catalogOptions.open()
            let claim = try catalog.claim(matching: self.claim)
            let row = try ClaimReviewJob.edit(claim, text: text, catalog: catalog, analyst: analyst.name)
            output.json ? Output.row(row) : ClaimText.table([row])
        }
    }
}

struct VerdictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verdict",
        abstract: "Rate a claim: false, misleading, missing-context, unproven, mostly-true or true.",
        discussion: """
            The scale, worst to best, with its ratingValue in ClaimReview exports (worstRating 1, bestRating 6): \
            \(VerdictRating.allCases.map { "\($0.rawValue) (\($0.ratingValue), \($0.meaning))" }.joined(separator: "; ")). \
            Each verdict is a ledger event (claim.verdict); the latest stands and earlier ones stay as history. A \
            dismissed claim takes none.
            """)

    @Argument(help: "The claim (C17).") var claim: String
    @Argument(help: "\(VerdictRating.allCases.map(\.rawValue).joined(separator: ", ")).") var rating: VerdictRating
    @Option(help: "Why: the sentences a reader of the review sees.") var explanation: String
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("--explanation is empty: say why the claim is rated \(rating)")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open()
        let claim = try catalog.claim(matching: self.claim)
        let row = try ClaimReviewJob.verdict(
            claim, rating: rating, explanation: explanation.trimmingCharacters(in: .whitespacesAndNewlines),
            catalog: catalog, analyst: analyst.name)
        output.json ? Output.row(row) : ClaimText.table([row])
    }
}

extension ArticleCommand {
    struct ReviewURL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review-url",
            abstract: "Set the page where the reviews of an article's claims are published.",
            discussion: """
                Each ClaimReview of the article's claims gets this URL (`export --format claimreview`; \
                `--review-url` there overrides it). A ledger event (article.review-url); the latest stands.
                """)

        @Argument(help: "The article (A3).") var article: String
        @Argument(help: "The review page's URL (http or https).") var url: String
        @OptionGroup var analyst: AnalystOptions
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var output: OutputOptions

        func validate() throws { try WebURLArgument.check(url, flag: "URL") }

        func run() throws {
            let catalog = try catalogOptions.open()
            let article = try catalog.article(matching: self.article)
            let record = try catalog.setReviewURL(articleId: article.id, url: url, actor: analyst.name)
            if output.json {
                Output.row(ReviewSettingRow(record))
            } else {
                Output.line("\(article.shortID): reviews published at \(Output.safe(record.url))")
            }
        }
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Settings of the catalogue that exports carry.",
        subcommands: [Reviewer.self])

    struct Reviewer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reviewer",
            abstract: "Set (or show) the organisation that publishes the catalogue's claim reviews.",
            discussion: """
                The name (and --url) become each ClaimReview's `author` (schema.org Organization). A ledger event \
                (catalog.reviewer); the latest stands. Without NAME, prints the one set.
                """)

        @Argument(help: "The organisation's name.") var name: String?
        @Option(help: "Its web site (http or https).") var url: String?
        @OptionGroup var analyst: AnalystOptions
        @OptionGroup var catalogOptions: CatalogOptions
        @OptionGroup var output: OutputOptions

        func validate() throws {
            if let name, name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("the reviewer's name is empty")
            }
            if name == nil, url != nil { throw ValidationError("--url needs the organisation's NAME") }
            if let url { try WebURLArgument.check(url, flag: "--url") }
        }

        func run() throws {
            guard let name else {
                let catalog = try catalogOptions.open(.read)
                guard let record = try catalog.reviewer() else {
                    throw ValidationError("no reviewer set yet: footage config reviewer NAME --url URL")
                }
                return show(record)
            }
            let catalog = try catalogOptions.open()
            show(
                try catalog.setReviewer(
                    name: name.trimmingCharacters(in: .whitespacesAndNewlines), url: url, actor: analyst.name))
        }

        private func show(_ record: ReviewerRecord) {
            if output.json {
                Output.row(ReviewSettingRow(record))
            } else {
                Output.line(
                    "reviewer: \(Output.safe(record.name))" + (record.url.map { " (\(Output.safe($0)))" } ?? ""))
            }
        }
    }
}

/// A URL argument that a published document will link to: http or https only.
enum WebURLArgument {
    static func check(_ text: String, flag: String) throws {
        guard WebAddress.http(text) != nil, !text.contains(where: \.isWhitespace) else {
            throw ValidationError("\(flag) takes an http:// or https:// URL, not '\(text)'")
        }
    }
}
