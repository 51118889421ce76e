import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import Foundation
import FootageCore

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
    @Option(help: "key (I-frames, default), scene (picture changes) or interval (every N seconds).") var mode: Mode = .key
    @Option(name: .customLong("scene-threshold"), help: "Scene mode: change score from 0 to 1 that starts a new scene.")
    var sceneThreshold = 0.3
    @Option(help: "Interval mode: seconds between stills.") var every = 2.0
    @Option(help: "At most N stills.") var max: Int?
    @Option(help: "Image width in pixels (aspect kept).") var width: Int?
    @Option(help: "jpg or png.") var format: Format = .jpg
    @Option(help: "Also write the images to this folder.") var out: String?
    @Flag(help: "Also write contact-sheet.jpg: the stills in a grid with their timecodes.") var sheet = false
    @Option(help: "The analyst (default: the login name).") var by: String?
    @Option(help: "Clips processed at once (default: the number of cores).") var jobs: Int?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if !(0.0...1.0).contains(sceneThreshold) { throw ValidationError("--scene-threshold must be between 0 and 1") }
        if !(every > 0 && every <= 86_400) { throw ValidationError("--every must be a number of seconds above 0") }
        if let max, max < 1 { throw ValidationError("--max must be at least 1") }
        if let width, !(16...8192).contains(width) { throw ValidationError("--width must be between 16 and 8192 pixels") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        var options = KeyframeJob.Options(analyst: Analyst.name(by))
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

        // Several clips run in parallel, one clip per core: decoding keyframes does not gain from threads
        // within one clip, so parallelism across clips is what uses the machine.
        let catalog = try openCatalog()
        let failed = FailureFlag()
        let serial = NSLock()
        let work = targets
        let settings = options
        Parallel.forEach(work.count, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount) { index in
            let target = work[index]
            var each = settings
            // With several targets, each gets its own subfolder of --out, so stills of different clips
            // (named by index and time) cannot overwrite each other.
            if work.count > 1, let out = settings.out {
                each.out = out.appendingPathComponent(Self.folderName(index: index, target: target), isDirectory: true)
            }
            do {
                let lines = try extract(target, catalog: catalog, options: each)
                serial.withLock { lines.forEach(emit) }
            } catch {
                failed.set()
                serial.withLock { Output.error(Output.safe(ErrorWording.line(error, path: target))) }
            }
        }
        if failed.value { throw ExitCode(1) }
    }

    /// Without a catalogue, files can still be extracted to --out; a catalogue that is there but refused is an error.
    private func openCatalog() throws -> Catalog? {
        do {
            return catalogOptions.root == nil ? nil : try catalogOptions.openRemovingLeftovers()
        } catch let error as CatalogError where error.kind == .notFound {
            return nil
        }
    }

    /// What to print for one target: JSON rows or text lines (text lines starting with "!" go to stderr).
    private func extract(_ target: String, catalog: Catalog?, options: KeyframeJob.Options) throws -> [Line] {
        if let catalog, let clip = try? catalog.clip(matching: target) {
            return lines(try KeyframeJob.run(clip: clip, catalog: catalog, options: options), catalog: catalog)
        }
        let path = URL(fileURLWithPath: target).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure("\(target): neither a registered clip nor a file")
        }
        guard let out = options.out else {
            throw CommandFailure("\(target): not a registered clip; to extract without the catalogue give --out DIR")
        }
        let extraction = try KeyframeJob.run(file: path, options: options)
        var result: [Line] = extraction.frames.map { frame in
            let file = out.appendingPathComponent(frame.fileName).path
            if output.json {
                return .json(["clip": .null, "file": .string(path), "index": .int(Int64(frame.index)),
                              "mode": .string(mode.rawValue), "pts": .int(frame.pts), "time": .double(frame.time),
                              "width": .int(Int64(frame.width)), "height": .int(Int64(frame.height)), "path": .string(file),
                              "sha256": .string(frame.sha256), "pdq": .string(frame.pdq.hex),
                              "quality": .int(Int64(frame.quality)), "score": frame.score.map(JSONValue.double) ?? .null])
            }
            return .text("\(TimeText.format(frame.time))  \(frame.pdq.hex.prefix(16))  q\(frame.quality)  \(Output.safe(file))")
        }
        if let sheet = extraction.sheetFileName, !output.json {
            result.append(.text("contact sheet: \(Output.safe(out.appendingPathComponent(sheet).path))"))
        }
        result.append(.note("extracted \(extraction.frames.count) keyframes of \(Output.safe(path)) (not catalogued)"))
        return result
    }

    /// `2-pentagon-release.webm`: position and file name, reduced to safe characters.
    static func folderName(index: Int, target: String) -> String {
        let name = (target as NSString).lastPathComponent
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            let c = Character(scalar)
            return (c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")) ? c : "_"
        }.prefix(80))
        return "\(index + 1)-\(safe.hasPrefix(".") ? "_" + safe.dropFirst() : safe)"
    }

    enum Line {
        case json(JSONValue)
        case text(String)
        case note(String)
    }

    private func emit(_ line: Line) {
        switch line {
        case .json(let value): Output.json(value)
        case .text(let text): Output.line(text)
        case .note(let text): if !output.json { Output.error(text) }
        }
    }

    private func lines(_ result: KeyframeJob.Result, catalog: Catalog) -> [Line] {
        var lines: [Line] = result.frames.map { frame in
            let file = catalog.root.appendingPathComponent(frame.path).path
            if output.json {
                return .json(["clip": .string(result.clip.sha256), "index": .int(Int64(frame.idx)),
                              "mode": .string(result.extraction.mode.rawValue), "pts": .int(frame.pts),
                              "time": .double(frame.time),
                              "width": .int(Int64(frame.width)), "height": .int(Int64(frame.height)),
                              "path": .string(file), "sha256": .string(frame.sha256), "pdq": .string(frame.pdq),
                              "quality": .int(Int64(frame.quality)), "score": frame.score.map(JSONValue.double) ?? .null])
            }
            return .text("\(TimeText.format(frame.time))  \(frame.pdq.prefix(16))  q\(frame.quality)  \(file)")
        }
        if let sheet = result.extraction.sheetPath, !output.json {
            lines.append(.text("contact sheet: \(catalog.root.appendingPathComponent(sheet).path)"))
        }
        lines.append(.note("\(result.added ? "extracted" : "already extracted") \(result.frames.count) keyframes of clip \(Output.short(result.clip.sha256)) (\(result.extraction.mode))"))
        return lines
    }
}

/// Set from any thread when one item fails.
final class FailureFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    func set() { lock.withLock { isSet = true } }
    var value: Bool { lock.withLock { isSet } }
}
