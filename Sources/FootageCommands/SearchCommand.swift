import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over articles, claims, clip metadata tags, acquisition notes and link notes.",
        discussion: "All words must match; a word ending in * matches as a prefix. Ranked by relevance (bm25).")

    @Argument(help: "Words to search for.") var query: [String]
    @Option(help: "At most this many results.") var limit = 20
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let hits = try catalog.search(query.joined(separator: " "), limit: limit)
        for hit in hits {
            if output.json {
                Output.row(SearchHitRow(hit))
            } else {
                let ref = hit.ref.count == 64 ? Output.short(hit.ref) : hit.ref
                Output.line(
                    "\(hit.kind.padding(toLength: 11, withPad: " ", startingAt: 0)) "
                        + "\(ref.padding(toLength: 12, withPad: " ", startingAt: 0))  \(Output.safe(hit.snippet))"
                )
            }
        }
        if hits.isEmpty && !output.json { Output.error("no matches") }
    }
}
