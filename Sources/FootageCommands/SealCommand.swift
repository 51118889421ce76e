import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct SealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seal",
        abstract: "Record a checkpoint of the ledger (event count and head hash) to publish or send elsewhere.",
        discussion: """
            Prints one line, footage-seal:v1:<events>:<head>, on stdout. Keep it outside the catalogue (publish it, \
            mail it, write it down): later, `footage verify --since <line>` proves that the ledger has only been \
            appended to since, or names what broke. The seal is also kept in the catalogue, and every `footage \
            verify` re-checks it; it is not a ledger event, so sealing changes no evidence and the same ledger \
            always gives the same line. A ledger whose chain is broken is not sealed.
            """)

    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open()
        let seal = try Sealing.seal(catalog, analyst: analyst.name)
        if output.json {
            Output.row(SealRow(seal))
        } else {
            Output.line(seal.checkpoint.description)
            Output.error(
                "sealed \(seal.events) ledger events at \(seal.time); keep the line above outside the "
                    + "catalogue and check it with `footage verify --since LINE`")
        }
    }
}
