import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write an HTML evidence report of an article or a clip, to read, print or hand over.",
        discussion: """
            ARTICLE (A3): its metadata, every claim with its stance badges and evidence, each linked clip (source, \
            hashes, metadata warnings, the keyframes inside the linked ranges, the contact sheet), a timeline, the \
            ledger events behind each link and the last `footage verify`. REF (a clip): the clip and every claim it \
            bears on. One self-contained page without scripts; pictures are embedded unless --images-folder is \
            given. Text from articles, files and sidecars is escaped, never interpreted as markup.
            """)

    @Argument(help: "An article (A3) or a clip (SHA-256 prefix or path).") var subject: String
    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "FILE"))
    var file: String
    @Flag(help: "Copy the pictures into a folder beside the report (REPORT_files) instead of embedding them.")
    var imagesFolder = false
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let target = URL(fileURLWithPath: file).standardizedFileURL
        do { try ReportWriter.checkTarget(target) } catch { throw CommandFailure(Output.safe("\(error)")) }
        let catalog = try catalogOptions.open(.read)
        let subject = try ReportSubject.resolve(self.subject, in: catalog)
        let folder = imagesFolder ? ReportWriter.defaultImagesFolder(for: target) : nil
        let page = try EvidenceReport.render(subject, catalog: catalog, options: .init(imagesFolder: folder))
        do {
            try ReportWriter.write(page, to: target, imagesFolder: folder)
        } catch {
            throw CommandFailure(Output.safe("\(error)"))
        }
        if output.json {
            Output.json(["path": .string(target.path), "bytes": .int(Int64(page.html.utf8.count)),
                         "claims": .int(Int64(page.claims)), "clips": .int(Int64(page.clips)),
                         "images_folder": .optional(folder)])
        } else {
            Output.line("wrote \(Output.safe(target.path)) (\(page.claims) claims, \(page.clips) clips, "
                + "\(Output.bytes(Int64(page.html.utf8.count))))")
        }
    }
}

/// ARTICLE or REF, as `xref` reads them: `A3` names an article when there is one, anything else a clip.
enum ReportSubject {
    static func resolve(_ text: String, in catalog: Catalog) throws -> EvidenceReport.Subject {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.first.map({ "Aa".contains($0) }) == true, ShortID.article.id(in: trimmed) != nil {
            return .article(try catalog.article(matching: trimmed))
        }
        return .clip(try catalog.clip(matching: trimmed))
    }
}
