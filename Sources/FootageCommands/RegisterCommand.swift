import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import FootageWorkers
import Foundation

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Hash, probe and catalogue footage files (folders are walked recursively).",
        discussion: """
            The same bytes registered again are the same clip: the new path and any new acquisition record \
            are added, never a duplicate. A yt-dlp sidecar NAME.info.json beside NAME.EXT is read \
            automatically; its fields are recorded as what the platform said, not as verified fact.
            """)

    @Argument(help: "Files or folders to register.") var paths: [String]
    @Option(help: "Who published the footage (e.g. a ministry).") var source: String?
    @Option(help: "Where it was published (e.g. YouTube).") var platform: String?
    @Option(help: "The URL it was published at.") var url: String?
    @Option(help: "When it was published (date or date-time).") var published: String?
    @Option(help: "When it was retrieved (date or date-time).") var retrieved: String?
    @OptionGroup var analyst: AnalystOptions
    @Option(help: "A note on the acquisition.") var note: String?
    @Option(name: .customLong("info-json"), help: "A yt-dlp .info.json sidecar for the file.") var infoJSON: String?
    @Flag(
        name: .customLong("no-sidecar"),
        help: "Read no yt-dlp sidecar: register the files even when a sidecar beside them is refused.")
    var noSidecar = false
    @Flag(help: "Keep an evidentiary copy in Media/, named by SHA-256, read-only.") var copy = false
    @OptionGroup var steps: RegistrationStepOptions
    @OptionGroup var jobs: JobsOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if infoJSON != nil && paths.count > 1 {
            throw ValidationError("--info-json describes one file; give one file with it")
        }
        if infoJSON != nil && noSidecar {
            throw ValidationError("--info-json names a sidecar; --no-sidecar reads none")
        }
        try DateText.check("--published", published)
        try DateText.check("--retrieved", retrieved)
    }

    func run() throws {
        Registrar.prewarm(for: paths, jobs: jobs.count)
        let catalog = try catalogOptions.openRemovingLeftovers()
        var options = Registrar.Options(analyst: analyst.name)
        options.acquisition.publisher = source
        options.acquisition.platform = platform
        options.acquisition.url = url
        options.acquisition.published = published
        options.acquisition.retrieved = retrieved
        options.acquisition.note = note
        options.acquisition.infoJSON = infoJSON
        options.acquisition.readsSidecars = !noSidecar
        options.copy = copy
        options.jobs = jobs.count
        steps.apply(to: &options)
        let json = output.json
        let progress = Progress()
        let named = infoJSON != nil
        let notice = CredentialsNotice()
        let summary = Registrar(catalog: catalog, options: options).register(paths) { outcome in
            var outcome = outcome
            // A sidecar found beside the file keeps it from being registered; the flag that skips it is the way on.
            if outcome.sidecarRefused && !named {
                outcome.message = (outcome.message ?? outcome.path) + "; --no-sidecar registers it without its sidecar"
            }
            progress.clear()
            notice.note(outcome.credentials)
            if json {
                Output.row(RegistrationRow(outcome))
            } else {
                Self.printText(outcome)
            }
            progress.step()
        }
        progress.clear()
        if !json {
            Output.error(
                "\(summary.registered) registered, \(summary.known) already known, \(summary.failed) failed, "
                    + "\(summary.skipped) skipped")
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }

    private static func printText(_ outcome: Registrar.Outcome) {
        switch outcome.status {
        case .error:
            Output.error(Output.safe(outcome.message ?? outcome.path))
        case .skipped:
            Output.error("\(Output.safe(outcome.path)): skipped (\(outcome.message ?? ""))")
        case .registered, .known:
            let added = outcome.status == .known && !outcome.addedLocations.isEmpty ? "  (new location)" : ""
            printLine(outcome, afterPath: added)
        }
    }

    /// The line of a file (or URL) registered or known, with `afterPath` after its name; its notes on stderr.
    static func printLine(_ outcome: Registrar.Outcome, afterPath: String) {
        let sha = outcome.sha256.map(Output.short) ?? "-"
        let what = outcome.clip.map { "\(Output.duration($0.duration)) \($0.formatName ?? "")" } ?? ""
        let status = outcome.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
        var line = "\(status) \(sha)  \(what)  \(Output.safe(outcome.path))" + afterPath
        if let copy = outcome.copyPath { line += "  copy: \(Output.safe(copy))" }
        if let count = outcome.keyframes { line += "  \(count) keyframes" }
        if let count = outcome.fingerprintFrames { line += "  fingerprint \(count) frames" }
        if let state = outcome.credentials?.state { line += "  c2pa: \(state.rawValue)" }
        Output.line(line)
        for note in outcome.notes { Output.error("\(Output.safe(outcome.path)): \(note)") }
    }
}
