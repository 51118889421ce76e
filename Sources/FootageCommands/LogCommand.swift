import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Show the ledger: every change to the catalogue, hash-chained.")

    @Option(help: "Start at this sequence number.") var from: Int64 = 1
    @Option(help: "Show at most this many events.") var limit: Int?
    @Option(help: "Only events about this subject (a clip SHA-256 or REF, or a record id).") var subject: String?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        for event in try LedgerLog.events(catalog, from: from, limit: limit, subject: subject) {
            if output.json {
                Output.row(LedgerEventRow(event))
            } else {
                Output.line(
                    "\(event.seq)  \(event.time)  \(Output.safe(event.actor))  \(event.action)  "
                        + "\(Output.safe(event.subject.count == 64 ? Output.short(event.subject) : event.subject))  "
                        + "\(Output.short(event.hash))")
            }
        }
    }
}
