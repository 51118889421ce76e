import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List what the catalogue holds.")

    enum What: String, ExpressibleByArgument, CaseIterable { case clips, articles, claims }

    @Argument(help: "What to list: \(What.allCases.map(\.rawValue).joined(separator: ", ")).") var what: What = .clips
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        switch what {
        case .clips: try listClips(catalog)
        case .articles: try listArticles(catalog)
        case .claims: try listClaims(catalog)
        }
    }

    private func listArticles(_ catalog: Catalog) throws {
        let articles = try catalog.articleSummaries()
        if output.json {
            for item in articles { Output.row(ArticleRow(item.article, claims: item.claims)) }
            return
        }
        if articles.isEmpty { return Output.line("no articles yet; add one with `footage article add FILE`") }
        Output.table(
            ["ID", "PUBLISHED", "OUTLET", "CLAIMS", "HEADLINE"],
            articles.map { item in
                [
                    item.article.shortID, item.article.published ?? "-", Output.safe(item.article.outlet ?? "-"),
                    String(item.claims), Output.safe(item.article.headline),
                ]
            })
    }

    private func listClaims(_ catalog: Catalog) throws {
        let claims = try ClaimRow.rows(try catalog.allClaims(), in: catalog)
        if output.json {
            for claim in claims { Output.row(claim) }
        } else {
            ClaimText.table(claims)
        }
    }

    private func listClips(_ catalog: Catalog) throws {
        let summaries = try catalog.clipSummaries()
        if output.json {
            let titles = try catalog.currentTitles()
            for summary in summaries { Output.row(ClipSummaryRow(summary, givenTitle: titles[summary.clip.id])) }
            return
        }
        if summaries.isEmpty {
            Output.line("no clips yet; add some with `footage register PATH`")
            return
        }
        Output.table(
            ["SHA-256", "DURATION", "SIZE", "VIDEO", "PUBLISHER", "PLATFORM", "FILE"],
            summaries.map { s in
                let clip = s.clip
                let video = [clip.videoCodec, clip.width.flatMap { w in clip.height.map { "\(w)x\($0)" } }]
                    .compactMap { $0 }.joined(separator: " ")
                return [
                    Output.short(clip.sha256), Output.duration(clip.duration), Output.bytes(clip.size),
                    video.isEmpty ? "-" : video, Output.safe(s.publisher ?? "-"), Output.safe(s.platform ?? "-"),
                    Output.safe(s.path.map { ($0 as NSString).lastPathComponent } ?? "-"),
                ]
            })
    }
}
