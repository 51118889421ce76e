import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import FootageMedia
import Foundation

extension ExtractionMode: ExpressibleByArgument {}

struct KeyframesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyframes",
        abstract: "Extract stills with exact timestamps and PDQ hashes: I-frames, scene changes or fixed intervals.",
        discussion: """
            For a registered clip the images go to Catalog/keyframes/<sha256>/ and are recorded (a ledger event); \
            the same extraction again adds nothing. For a file outside the catalogue, give --out DIR: nothing is \
            recorded. Images are upright (the display rotation is applied).
            """)

    typealias Mode = ExtractionMode
    enum Format: String, ExpressibleByArgument, CaseIterable { case jpg, png }

    @Argument(help: "Registered clips (SHA-256 prefix or path) or any media files.") var targets: [String]
    @Option(help: "key (I-frames, default), scene (picture changes) or interval (every N seconds).") var mode: Mode =
        .key
    @Option(name: .customLong("scene-threshold"), help: "Scene mode: change score from 0 to 1 that starts a new scene.")
    var sceneThreshold = 0.3
    @Option(help: "Interval mode: seconds between stills.") var every = 2.0
    @Option(help: "At most N stills.") var max: Int?
    @Option(help: "Image width in pixels (aspect kept).") var width: Int?
    @Option(help: "jpg or png.") var format: Format = .jpg
    @Option(help: "Also write the images to this folder.") var out: String?
    @Flag(help: "Also write contact-sheet.jpg: the stills in a grid with their timecodes.") var sheet = false
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var jobs: JobsOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !(0.0...1.0).contains(sceneThreshold) { throw ValidationError("--scene-threshold must be between 0 and 1") }
        if !(every > 0 && every <= 86_400) { throw ValidationError("--every must be a number of seconds above 0") }
        if let max, max < 1 { throw ValidationError("--max must be at least 1") }
        if let width, !(16...8192).contains(width) {
            throw ValidationError("--width must be between 16 and 8192 pixels")
        }
    }

    func run() throws {
        var options = KeyframeJob.Options(analyst: analyst.name)
        switch mode {
        case .key: options.mode = .key
        case .scene: options.mode = .scene(threshold: sceneThreshold)
        case .interval: options.mode = .interval(every: every)
        }
        options.maxFrames = max
        options.width = width
        options.format = format == .png ? .png : .jpeg
        options.sheet = sheet
        options.out = out.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL }
        let json = output.json
        let failed = KeyframeBatch.run(targets, catalog: try openCatalog(), options: options, jobs: jobs.count) {
            target, outcome in
            switch outcome {
            case .success(let extracted): Self.print(extracted, json: json)
            case .failure(let error): Output.error(Self.message(error, target: target))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// Without a catalogue, files can still be extracted to --out; a catalogue that is there but refused is an error.
    private func openCatalog() throws -> Catalog? {
        do {
            return catalogOptions.root == nil ? nil : try catalogOptions.openRemovingLeftovers()
        } catch let error as CatalogError where error.kind == .notFound {
            return nil
        }
    }

    /// A target's stills: JSON rows, or for people a line each, the contact sheet, and a summary on stderr.
    private static func print(_ extracted: KeyframeBatch.Extracted, json: Bool) {
        if json { return extracted.rows.forEach(Output.row) }
        for row in extracted.rows {
            Output.line(
                "\(TimeText.format(row.time))  \(row.pdq.prefix(16))  q\(row.quality)  "
                    + Output.safe(row.path))
        }
        if let sheet = extracted.sheet { Output.line("contact sheet: \(Output.safe(sheet))") }
        if let clip = extracted.clip {
            Output.error(
                "\(extracted.added ? "extracted" : "already extracted") \(extracted.rows.count) keyframes of "
                    + "clip \(Output.short(clip.sha256)) (\(extracted.mode.rawValue))")
        } else {
            Output.error(
                "extracted \(extracted.rows.count) keyframes of \(Output.safe(extracted.file)) "
                    + "(not catalogued)")
        }
    }

    /// The line for a target that failed; the flag to give is named here, where flags are known.
    private static func message(_ error: any Error, target: String) -> String {
        if case KeyframeBatch.Unresolved.noFolder = error {
            return Output.safe("\(target): not a registered clip; to extract without the catalogue give --out DIR")
        }
        return Output.safe(ErrorWording.line(error, path: target))
    }
}
