import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash every file, recompute the ledger chain and check the database. Exit 1 on any problem.")

    @Option(help: ArgumentHelp(
        "A checkpoint printed by `footage seal`: the ledger must only have been appended to since. Repeatable.",
        valueName: "footage-seal:v1:EVENTS:HEAD"))
    var since: [String] = []
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for text in since where LedgerCheckpoint(parsing: text) == nil {
            throw ValidationError(
                "--since takes a line printed by `footage seal` (footage-seal:v1:<events>:<sha256>), not '\(text)'")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open(.inspect)
        let report = try Verifier.verify(catalog, since: since.compactMap(LedgerCheckpoint.init(parsing:)))
        Verifier.record(report, in: catalog)
        if output.json {
            for file in report.files {
                Output.json(["check": "file", "path": .string(file.path), "sha256": .string(file.sha256),
                             "kind": .string(file.kind), "status": .string(file.status.rawValue)])
            }
            for problem in report.problems where !report.files.contains(where: { $0.path == problem.subject }) {
                Output.json(["check": "problem", "subject": .string(problem.subject), "message": .string(problem.message)])
            }
            for check in report.checkpoints {
                Output.json(["check": "checkpoint", "checkpoint": .string(check.checkpoint.description),
                             "source": .string(check.source), "holds": .bool(check.holds),
                             "appended": check.holds ? .int(check.appended) : .null])
            }
            Output.json(["check": "summary", "ok": .bool(report.ok), "files": .int(Int64(report.files.count)),
                         "problems": .int(Int64(report.problems.count)), "events": .int(report.events),
                         "head": .string(report.head)])
        } else {
            for problem in report.problems { Output.line("PROBLEM  \(Output.safe(problem.description))") }
            for check in report.checkpoints where check.holds && check.source == "given" {
                Output.line("checkpoint \(check.checkpoint) holds: \(check.checkpoint.events) events unchanged, "
                    + "\(check.appended) appended since")
            }
            let fine = report.files.filter { $0.status == .fine }.count
            Output.line("\(fine) of \(report.files.count) files unchanged; ledger: \(report.events) events, head \(report.head)")
            Output.line(report.ok ? "verified: no problems" : "\(report.problems.count) problem(s) found")
        }
        if !report.ok { throw ExitCode(1) }
    }
}
