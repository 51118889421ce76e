import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import Foundation

extension CatalogExport.Format: ExpressibleByArgument {}
extension CSVExport.Table: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the catalogue, an article or a clip as JSON, CSV, W3C PROV-JSON or schema.org ClaimReview.",
        discussion: """
            json: clips (locations, streams, tags, acquisitions, keyframes, assessments), articles with claims, links, \
            the matches of the clips and the ledger head; sorted keys and id order, so the same catalogue gives the \
            same bytes. csv: the tables clips, claims, links and matches (RFC 4180, CRLF line ends) into the folder \
            given by -o, or one --table to stdout or -o FILE. prov-json: entities, activities and agents with their \
            relations. claimreview: a ClaimReview per claim with a verdict (footage verdict) and a MediaReview per clip \
            its evidence rests on (JSON-LD); it needs the reviewing organisation (footage config reviewer) and a \
            review URL (--review-url, or footage article review-url), and refuses, writing nothing, without them or \
            without any verdict. \
            seal: into the folder given by -o, each seal's line (seal-N.txt), each RFC 3161 token kept with it \
            (seal-N-tsa-M.tst), the certificates the token carries and the authority certificates kept (ca.pem), \
            with the `openssl ts -verify` command that checks each token.
            """)

    @Option(help: "json, csv, prov-json, claimreview or seal.") var format: CatalogExport.Format
    @Argument(help: "Only this clip (SHA-256 prefix or path) and the claims it bears on.") var ref: String?
    @Option(help: "Only this article (A3), its claims, links and linked clips.") var article: String?
    @Option(help: "CSV: only this table (clips, claims, links or matches).") var table: CSVExport.Table?
    @Flag(
        help: """
            CSV: write every cell as stored. By default a cell a spreadsheet would run as a formula (starting with =, \
            +, -, @) gets a leading apostrophe.
            """)
    var raw = false
    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("Write here instead of stdout (for CSV without --table: a folder).", valueName: "PATH"))
    var path: String?
    @Option(
        help: ArgumentHelp(
            "ClaimReview: the page the reviews are published on (in place of each article's review URL).",
            valueName: "URL"))
    var reviewURL: String?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let reviewURL {
            guard format == .claimReview else {
                throw ValidationError("--review-url applies to --format claimreview only")
            }
            try WebURLArgument.check(reviewURL, flag: "--review-url")
        }
        if article != nil && ref != nil { throw ValidationError("give either --article or a clip, not both") }
        if table != nil && format != .csv { throw ValidationError("--table applies to --format csv only") }
        if raw && format != .csv { throw ValidationError("--raw applies to --format csv only") }
        if format == .csv && table == nil && path == nil {
            throw ValidationError("--format csv writes one file per table: give -o FOLDER, or --table NAME for stdout")
        }
        if format == .seal && (path == nil || ref != nil || article != nil) {
            throw ValidationError(
                "--format seal writes several files of every seal: give -o FOLDER, and no clip or --article")
        }
        if output.json && path == nil {
            throw ValidationError("--json prints a line per file written, but without -o the export goes to stdout")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        if format == .seal, let path {
            let result = try SealExport.write(catalog, to: URL(fileURLWithPath: path).standardizedFileURL)
            for note in result.notes { Output.error("footage: note: \(Output.safe(note))") }
            if output.json { result.files.forEach(Output.row) }
            return
        }
        let scope = try CatalogExport.scope(article: article, clip: ref, in: catalog)
        let result = try CatalogExport.export(
            catalog, scope: scope, format: format, table: table, raw: raw, reviewURL: reviewURL)
        for note in result.notes { Output.error("footage: note: \(Output.safe(note))") }
        guard let path else {
            for file in result.files { FileHandle.standardOutput.write(Data(file.text.utf8)) }
            return
        }
        let written = try ExportFiles.write(
            result, format: format, table: table,
            to: URL(fileURLWithPath: path).standardizedFileURL)
        if output.json { written.forEach(Output.row) }
    }
}
