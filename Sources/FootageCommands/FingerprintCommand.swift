import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import Foundation
import FootageWorkers
import FootageCore

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
    @Option(help: "Frames sampled per second.") var rate = 1.0
    @Option(help: "The analyst (default: the login name).") var by: String?
    @Option(help: "Clips processed at once (default: the number of cores).") var jobs: Int?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !FingerprintSampler.rates.contains(rate) {
            throw ValidationError("--rate must be between 1/60 and 30 frames per second")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let catalog = try catalogOptions.open()
        var options = FingerprintJob.Options(analyst: Analyst.name(by))
        options.rate = rate
        let jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let filesAtOnce = min(jobs, refs.count)
        options.decoderThreads = FingerprintSampler.decoderThreads(filesAtOnce: filesAtOnce)
        MediaRunner.prewarm(filesAtOnce)
        let failed = FailureFlag()
        let serial = NSLock()
        let work = refs
        let settings = options
        let json = output.json
        Parallel.forEach(work.count, jobs: jobs) { index in
            do {
                let clip = try catalog.clip(matching: work[index])
                let result = try FingerprintJob.run(clip: clip, catalog: catalog, options: settings)
                serial.withLock { Self.print(result, json: json) }
            } catch {
                failed.set()
                serial.withLock { Output.error(Output.safe(ErrorWording.line(error, path: work[index]))) }
            }
        }
        if failed.value { throw ExitCode(1) }
    }

    private static func print(_ result: FingerprintJob.Result, json: Bool) {
        if json {
            var row: [String: JSONValue] = ["clip": .string(result.clip.sha256)]
            row["frames"] = result.frameCount.map { .int(Int64($0)) } ?? .null
            row["usable"] = result.usableCount.map { .int(Int64($0)) } ?? .null
            row["replaced"] = .bool(result.replaced)
            row["event"] = result.event.map(JSONValue.int) ?? .null
            row["note"] = .optional(result.note)
            Output.json(.object(row))
            return
        }
        if let frames = result.frameCount, let usable = result.usableCount {
            Output.line("\(Output.short(result.clip.sha256))  \(frames) frames, \(usable) usable"
                + (result.replaced ? "  (replaced the earlier fingerprint)" : ""))
        }
        if let note = result.note { Output.error("\(Output.short(result.clip.sha256)): \(note)") }
    }
}
