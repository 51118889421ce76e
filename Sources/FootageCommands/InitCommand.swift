import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

/// `footage init [DIR]`. It has no `--catalog`: the folder to make is its argument, and it makes a catalogue
/// rather than finding one (see the README's command-line contract).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a catalogue folder (Catalog/ and Media/) in DIR, default the current folder.")

    @Argument(help: "The folder to make a catalogue of.") var folder: String = "."
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try Catalog.create(at: URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL)
        let row = try CatalogFolderRow(catalog)
        if output.json {
            Output.row(row)
        } else {
            Output.line("catalogue ready: \(row.catalog) (\(row.events) ledger events)")
        }
    }
}
