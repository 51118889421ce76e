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

            With --tsa URL, each RFC 3161 time-stamp authority named signs the SHA-256 of that line; the tokens are \
            checked and kept with the seal, and `footage verify` re-checks them offline. If any authority fails, \
            nothing is recorded. --tsa-ca FILE names the authorities' CA certificates (PEM or DER): the tokens must \
            chain to them, and they are kept in the catalogue for later checks.
            """)

    @Option(
        name: .customLong("tsa"),
        help: ArgumentHelp(
            "An RFC 3161 time-stamp authority to sign the seal (an http:// address). Repeatable.", valueName: "URL"))
    var authorities: [String] = []
    @Option(
        name: .customLong("tsa-ca"),
        help: ArgumentHelp(
            "CA certificates of the time-stamp authorities (PEM or DER), kept in the catalogue. Repeatable.",
            valueName: "FILE"))
    var authorityCertificates: [String] = []
    @Option(
        name: .customLong("tsa-timeout"),
        help: ArgumentHelp("Seconds to wait for each authority's answer.", valueName: "SECONDS"))
    var timeout: Double = 30
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        for text in authorities {
            guard let url = URL(string: text), url.scheme?.lowercased() == "http", url.host?.isEmpty == false else {
                throw ValidationError(
                    "--tsa takes the http:// address of a time-stamp authority, not '\(text)' (footage speaks plain "
                        + "HTTP to authorities, as RFC 3161 describes: the token is signed and checked, so TLS adds no "
                        + "proof; authorities serve http:// too)")
            }
        }
        if authorities.isEmpty && !authorityCertificates.isEmpty {
            throw ValidationError("--tsa-ca names the certificates of the authorities given with --tsa; give --tsa URL")
        }
        if authorities.isEmpty && timeout != 30 { throw ValidationError("--tsa-timeout applies with --tsa only") }
        guard timeout > 0 && timeout <= 600 else {
            throw ValidationError("--tsa-timeout takes seconds between 0 and 600, not \(timeout)")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open()
        let seal: SealRecord
        var timestamps: [SealTimestampRecord] = []
        if authorities.isEmpty {
            seal = try Sealing.seal(catalog, analyst: analyst.name)
        } else {
            let request = SealTimestamping.Request(
                authorities: authorities.compactMap(URL.init(string:)),
                certificateFiles: authorityCertificates.map { URL(fileURLWithPath: $0) }, timeout: timeout)
            let result = try SealTimestamping.seal(catalog, analyst: analyst.name, request: request)
            (seal, timestamps) = (result.seal, result.timestamps)
        }
        if output.json {
            Output.row(SealRow(seal, timestamps: timestamps))
            return
        }
        Output.line(seal.checkpoint.description)
        for timestamp in timestamps {
            Output.error(
                "timestamped by \(Output.safe(timestamp.authority)) at \(timestamp.time): token kept in the catalogue "
                    + "(seal \(seal.id), timestamp \(timestamp.id)); `footage export --format seal -o DIR` writes it "
                    + "for openssl")
        }
        if !timestamps.isEmpty && authorityCertificates.isEmpty {
            Output.error(
                "footage: note: no --tsa-ca was given: the tokens' signers are not yet traced to a trusted authority, "
                    + "and `footage verify` names that until it is given one with --tsa-ca FILE")
        }
        Output.error(
            "sealed \(seal.events) ledger events at \(seal.time); keep the line above outside the "
                + "catalogue and check it with `footage verify --since LINE`")
    }
}
