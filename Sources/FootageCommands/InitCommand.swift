import ArgumentParser
import FootageCatalog
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a catalogue folder (Catalog/ and Media/) in DIR, default the current folder.")

    @Argument(help: "The folder to make a catalogue of.") var folder: String = "."
    @OptionGroup var output: OutputOptions

    func run() throws {
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL
        let catalog = try Catalog.create(at: root)
        let head = try catalog.ledgerHead()
        if output.json {
            Output.json(["catalog": .string(root.path), "database": .string(catalog.databaseURL.path),
                         "events": .int(head.count)])
        } else {
            Output.line("catalogue ready: \(root.path) (\(head.count) ledger events)")
        }
    }
}
