import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import FootageWorkers
import Foundation

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download footage by URL with yt-dlp and register it.",
        discussion: """
            Each URL is downloaded with yt-dlp into a temporary folder inside the catalogue, with its .info.json, \
            and registered like any file; the download is kept as the clip's evidentiary copy in Media/. The \
            acquisition records the URL given, the URL yt-dlp resolved, the media URL, yt-dlp's version and \
            extractor and the time of the download; the .info.json's fields are recorded as what the platform \
            said, not as verified fact. yt-dlp is found at FOOTAGE_YT_DLP, in .build-venv/ above the footage \
            executable, or on the PATH.
            """)

    @Argument(help: "The URLs to download (http:// or https://).") var urls: [String]
    @Option(help: "Who published the footage (e.g. a ministry).") var source: String?
    @Option(help: "Where it was published (e.g. YouTube).") var platform: String?
    @Option(help: "When it was published (date or date-time).") var published: String?
    @OptionGroup var analyst: AnalystOptions
    @Option(help: "A note on the acquisition.") var note: String?
    @Flag(help: "Keep the evidentiary copy in Media/ (always done: the download has no other place).") var copy = false
    @OptionGroup var steps: RegistrationStepOptions
    @Option(help: ArgumentHelp("Seconds one download may take.", valueName: "SECONDS"))
    var timeout: Double = 1800
    @Option(
        name: .customLong("max-size"),
        help: ArgumentHelp("The largest download accepted: bytes, or with K, M or G.", valueName: "SIZE"))
    var maxSize = "4G"
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        try DateText.check("--published", published)
        if !(timeout.isFinite && timeout >= 1 && timeout <= 86_400) {
            throw ValidationError("--timeout takes seconds between 1 and 86400")
        }
        if Self.bytes(maxSize) == nil {
            throw ValidationError(
                "--max-size takes a size like 500M or 4G (at least 1K, at most 64G), not '\(maxSize)'")
        }
    }

    /// `500M` → 524288000; nil for anything else, or outside 1 KiB – 64 GiB.
    static func bytes(_ text: String) -> Int64? {
        let units: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = Substring(text)
        var unit: Int64 = 1
        if let last = text.last?.uppercased().first, let factor = units[last] {
            digits = digits.dropLast()
            unit = factor
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 12,
            let number = Int64(digits), number <= (64 << 30) / unit
        else { return nil }
        let size = number * unit
        return size >= 1 << 10 ? size : nil
    }

    func run() throws {
        let catalog = try catalogOptions.openRemovingLeftovers()
        let ytDlp = try YtDlp.locate()
        var registration = Registrar.Options(analyst: analyst.name)
        registration.acquisition.publisher = source
        registration.acquisition.platform = platform
        registration.acquisition.published = published
        registration.acquisition.note = note
        registration.copy = true
        registration.jobs = 1
        steps.apply(to: &registration)
        var options = Fetcher.Options(registration: registration)
        options.timeout = timeout
        options.maximumSize = Self.bytes(maxSize) ?? options.maximumSize
        let json = output.json
        let summary = Fetcher(catalog: catalog, options: options, ytDlp: ytDlp).fetch(urls) { outcome in
            if json {
                Output.row(FetchRow(outcome))
            } else {
                Self.printText(outcome)
            }
        }
        if !json {
            Output.error("\(summary.registered) registered, \(summary.known) already known, \(summary.failed) failed")
        }
        if summary.failed > 0 { throw ExitCode(1) }
    }

    private static func printText(_ outcome: Fetcher.Outcome) {
        let registration = outcome.registration
        guard registration.status != .error, let fetched = outcome.fetched else {
            Output.error(Output.safe(registration.message ?? registration.path))
            return
        }
        let resolved = fetched.resolvedURL.map { $0 == registration.path ? "" : "  → \(Output.safe($0))" } ?? ""
        RegisterCommand.printLine(registration, afterPath: resolved)
    }
}
