import ArgumentParser
import FootageCatalog
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
        var events: [LedgerEvent]
        if let subject {
            let key = (try? catalog.clip(matching: subject).sha256) ?? subject
            events = try catalog.ledgerEvents(subject: key)
        } else {
            events = try catalog.ledgerEvents(from: from, limit: limit)
        }
        if let limit, subject != nil { events = Array(events.prefix(limit)) }
        for event in events {
            if output.json {
                var row = Output.object(event)
                row["payload"] = (try? JSONValue(parsing: event.payload)) ?? .string(event.payload)
                Output.json(.object(row))
            } else {
                Output.line("\(event.seq)  \(event.time)  \(Output.safe(event.actor))  \(event.action)  "
                    + "\(Output.safe(event.subject.count == 64 ? Output.short(event.subject) : event.subject))  "
                    + "\(Output.short(event.hash))")
            }
        }
    }
}
