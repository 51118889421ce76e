import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML evidence report of an article or a clip, to read, print or hand over.",
        discussion: """
            ARTICLE (A3): page one first — the article, one line per claim with its status and the footage behind \
            it, the footage the releases share, and the chronology of the footage across publishers (upload times, \
            acquisition records, who posted it first) — then the timeline, the claims with their evidence and each \
            linked clip (every acquisition record, metadata warnings, the keyframes inside the linked ranges, the \
            contact sheet), and an appendix of full hashes and the ledger events behind each link and clip. REF (a \
            clip): the clip and every claim it bears on. One self-contained page without scripts that prints well; \
            pictures are embedded unless --images-folder is given. Text from articles, files and sidecars is \
            escaped, never interpreted as markup.
            """)

    @Argument(help: "An article (A3) or a clip (SHA-256 prefix or path).") var subject: String
    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("The HTML file to write.", valueName: "FILE"))
    var file: String
    @Flag(help: "Copy the pictures into a folder beside the report (REPORT_files) instead of embedding them.")
    var imagesFolder = false
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let target = URL(fileURLWithPath: file).standardizedFileURL
        let row: ReportRow
        do {
            row = try EvidenceReport.write(subject, catalog: catalog, to: target, imagesFolder: imagesFolder)
        } catch let failure as ReportWriter.Failure {
            throw CommandFailure(Output.safe(failure.description))
        }
        if output.json {
            Output.row(row)
        } else {
            Output.line(
                "wrote \(Output.safe(row.path)) (\(row.claims) claims, \(row.clips) clips, "
                    + "\(Output.bytes(Int64(row.bytes))))")
        }
    }
}
