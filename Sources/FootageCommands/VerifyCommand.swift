import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash every file, recompute the ledger chain and check the database. Exit 1 on any problem.")

    @Option(
        help: ArgumentHelp(
            "A checkpoint printed by `footage seal`: the ledger must only have been appended to since. Repeatable.",
            valueName: "footage-seal:v1:EVENTS:HEAD"))
    var since: [String] = []
    @Flag(
        name: .customLong("ledger-only"),
        help: "Check the ledger and the records only, without re-hashing the files (seconds on a large catalogue).")
    var ledgerOnly = false
    @Option(
        name: .customLong("tsa-ca"),
        help: ArgumentHelp(
            "CA certificates (PEM or DER) to check the seals' time-stamp tokens against, besides those kept in the "
                + "catalogue. Repeatable.",
            valueName: "FILE"))
    var authorityCertificates: [String] = []
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for text in since where LedgerCheckpoint(parsing: text) == nil {
            throw ValidationError(
                "--since takes a line printed by `footage seal` (footage-seal:v1:<events>:<sha256>), not '\(text)'")
        }
    }

    func run() throws {
        let (catalog, writable) = try catalogOptions.openForVerifying()
        let report = try Verifier.verify(
            catalog, since: since.compactMap(LedgerCheckpoint.init(parsing:)), files: !ledgerOnly,
            authorityFiles: authorityCertificates.map { URL(fileURLWithPath: $0) })
        // A run is recorded (a `catalog.verify` event) when the catalogue can be written; a read-only copy is
        // verified all the same, and the run says it was not recorded.
        if writable {
            try Verifier.record(report, in: catalog, actor: analyst.name)
        } else {
            Output.error("footage: note: the catalogue is read-only; this run is not recorded in it")
        }
        if output.json {
            VerificationRow.rows(report).forEach(Output.row)
        } else {
            for problem in report.problems { Output.line("PROBLEM  \(Output.safe(problem.description))") }
            for check in report.checkpoints where check.holds && check.source == "given" {
                Output.line(
                    "checkpoint \(check.checkpoint) holds: \(check.checkpoint.events) events unchanged, "
                        + "\(check.appended) appended since")
            }
            // A token holds only while its seal does (`Verifier`); problems are named above.
            for check in report.timestamps where check.holds {
                Output.line(
                    "seal \(check.seal): the ledger up to event \(check.checkpoint.events) existed at "
                        + "\(check.time ?? "?") (time-stamp by \(Output.safe(check.authority)))")
            }
            let fine = report.files.filter { $0.status == .fine }.count
            Output.line(
                "\(fine) of \(report.files.count) files unchanged; ledger: \(report.events) events, head \(report.head)"
            )
            Output.line(report.ok ? "verified: no problems" : "\(report.problems.count) problem(s) found")
        }
        if !report.ok { throw ExitCode(1) }
    }
}
