import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import FootageMedia
import FootageWorkers
import Foundation

struct FingerprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fingerprint",
        abstract: "(Re)compute the video fingerprints of registered clips, for `footage match`.",
        discussion: """
            A fingerprint is the PDQ hash of one frame per 1/RATE seconds, with its rotated and mirrored variants \
            and the hash of its middle 90 % (for cropped copies), \
            taken inside any letterbox or pillarbox bars. `footage register` computes it already; this command \
            recomputes it (for instance at another rate), replacing the stored one, with its own ledger event.
            """)

    @Argument(help: "Registered clips: SHA-256 prefix or path.") var refs: [String]
    @Option(help: "Frames sampled per second.") var rate = FingerprintJob.defaultRate
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var jobs: JobsOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !FingerprintSampler.rates.contains(rate) {
            throw ValidationError("--rate must be between 1/60 and 30 frames per second")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open()
        var options = FingerprintJob.Options(analyst: analyst.name)
        options.rate = rate
        let json = output.json
        let failed = FingerprintJob.run(refs: refs, catalog: catalog, options: options, jobs: jobs.count) {
            ref, outcome in
            switch outcome {
            case .success(let result): Self.print(result, json: json)
            case .failure(let error): Output.error(Output.safe(ErrorWording.line(error, path: ref)))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private static func print(_ result: FingerprintJob.Result, json: Bool) {
        if json { return Output.row(FingerprintRow(result)) }
        if let frames = result.frameCount, let usable = result.usableCount {
            Output.line(
                "\(Output.short(result.clip.sha256))  \(frames) frames, \(usable) usable"
                    + (result.replaced ? "  (replaced the earlier fingerprint)" : ""))
        }
        if let note = result.note { Output.error("\(Output.short(result.clip.sha256)): \(note)") }
    }
}
