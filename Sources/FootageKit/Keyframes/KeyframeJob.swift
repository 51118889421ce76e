import FootageCatalog
import FootageCore
import FootageMedia
import FootageWorkers
import Foundation

/// `footage keyframes`: extracts stills from a registered clip into the catalogue (recorded, with a ledger event),
/// or from any file into a folder without touching a catalogue.
public enum KeyframeJob {
    public struct Options: Sendable {
        public var mode: KeyframeMode = .key
        public var maxFrames: Int?
        public var width: Int?
        public var format: ImageFormat = .jpeg
        public var sheet = false
        /// `--out DIR`: also (or, for an unregistered file, only) write the images here.
        public var out: URL?
        public var analyst: String
        public init(analyst: String) { self.analyst = analyst }

        /// The parameters that make an extraction what it is, as canonical JSON: the same parameters on the same
        /// clip are the same extraction, and running it again adds nothing.
        public var params: JSONValue {
            var object: [String: JSONValue] = [
                "format": .string(format.rawValue), "sheet": .bool(sheet),
                "max": maxFrames.map { .int(Int64($0)) } ?? .null,
                "width": width.map { .int(Int64($0)) } ?? .null,
                "mode": .string(extractionMode.rawValue),
            ]
            switch mode {
            case .key: break
            case .scene(let threshold): object["threshold"] = .double(threshold)
            case .interval(let every): object["every"] = .double(every)
            }
            return .object(object)
        }

        /// The mode as the catalogue records it.
        var extractionMode: ExtractionMode {
            switch mode {
            case .key: .key
            case .scene: .scene
            case .interval: .interval
            }
        }
    }

    public struct Result: Sendable {
        public var clip: ClipRecord
        public var extraction: ExtractionRecord
        public var frames: [KeyframeRecord]
        /// False when the same extraction had been done before: nothing was added.
        public var added: Bool
    }

    /// Extracts keyframes of a registered clip. The file is opened once and checked against the clip's SHA-256
    /// through that descriptor, which the extraction then reads (`ClipFile`), so the stills come from exactly the
    /// registered bytes; a file that changes meanwhile fails the extraction and nothing is recorded.
    public static func run(clip: ClipRecord, catalog: Catalog, options: Options) throws -> Result {
        try run(clip: clip, catalog: catalog, options: options, source: nil)
    }

    /// `run`, reading `source` when the caller has the clip's file open already (`register --keyframes`).
    static func run(clip: ClipRecord, catalog: Catalog, options: Options, source: ClipFile?) throws -> Result {
        try KeyframeOutFolder.refuseInsideCatalogue(options.out, catalog: catalog)
        let params = options.params.canonicalText
        if let (extraction, frames) = try catalog.extraction(clipId: clip.id, params: params) {
            try KeyframeOutFolder.copy(stills(frames, extraction), catalog: catalog, to: options.out)
            return Result(clip: clip, extraction: extraction, frames: frames, added: false)
        }
        let source = try source ?? ClipFile.open(clip, catalog: catalog)
        let slug = "\(options.extractionMode)-\(Hashing.sha256Hex(params).prefix(8))"
        let relativeFolder = "Catalog/keyframes/\(clip.sha256)/\(slug)"
        // Reached from the catalogue folder without following a link; a link on the way is refused.
        let clipFolder = try CatalogFolders.keyframes(of: clip.sha256, in: catalog)
        // A folder of this extraction's name that no extraction records is refused before any work if footage did
        // not make it (it holds a link or a folder); one that holds only files is replaced when the folder is placed.
        var leftover = LeftoverRemoval()
        try leftover.add(slug, in: clipFolder)
        // Removed with what it holds unless it is placed: a failed or lost extraction leaves nothing behind.
        let temporary = try AtomicFolder(in: clipFolder)

        let extracted = try MediaRunner.extractKeyframes(
            file: source.file, request: request(options, folder: temporary.url))
        do throws(AtomicFile.Failure) {
            try temporary.flushContents()
        } catch {
            throw TemporaryFiles.notFlushed(error)
        }
        var extraction = NewExtraction(
            clipId: clip.id, mode: options.extractionMode, params: params,
            folder: relativeFolder)
        extraction.sheetPath = extracted.sheetFileName.map { "\(relativeFolder)/\($0)" }
        extraction.sheetSha256 = extracted.sheetSha256
        let frames = extracted.frames.map { frame in
            NewKeyframe(
                idx: frame.index, pts: frame.pts, timeBase: frame.timeBase, time: frame.time,
                width: frame.width, height: frame.height, path: "\(relativeFolder)/\(frame.fileName)",
                sha256: frame.sha256, pdq: frame.pdq.hex, quality: frame.quality, score: frame.score)
        }
        let details: [String: JSONValue] = [
            "footage_version": .string(FootageVersion.string), "libav": .string(MediaRunner.library.versionInfo),
            "source_path": .string(source.path), "stream_index": .int(Int64(extracted.streamIndex)),
        ]
        let stored: (ExtractionRecord, [KeyframeRecord], added: Bool)
        do {
            // The folder is put in place under the write lock (see `Catalog.record`); if another process recorded
            // the same extraction first, its record is returned and this one's images go with the temporary folder.
            stored = try catalog.record(
                extraction, keyframes: frames, sha256: clip.sha256, actor: options.analyst,
                details: details
            ) {
                // A folder here without a record was left by a process killed between placing and recording this
                // same extraction (its name is the extraction's): it is replaced.
                var replaced = LeftoverRemoval()
                try replaced.add(slug, in: clipFolder)
                _ = replaced.removeAll()
                do throws(AtomicFile.Failure) {
                    try temporary.place(as: slug, durability: .flushed)
                } catch  where error.step == .place {
                    throw IOError(
                        path: clipFolder.path(of: slug), failure: "cannot put the keyframes in place", code: error.code)
                } catch {
                    throw TemporaryFiles.notFlushed(error)
                }
            }
        } catch {
            // The commit failed after the folder was placed (a full disk): no image may stay without its record.
            TemporaryFiles.removeUnrecorded(slug, of: clipFolder, relativeFolder: relativeFolder, in: catalog)
            throw error
        }
        try KeyframeOutFolder.copy(stills(stored.1, stored.0), catalog: catalog, to: options.out)
        return Result(clip: clip, extraction: stored.0, frames: stored.1, added: stored.added)
    }

    /// Extracts keyframes of a file that is not in a catalogue, into `options.out`: into a temporary folder there
    /// first, then moved beside it without replacing anything (`KeyframeOutFolder`).
    public static func run(file path: String, options: Options) throws -> KeyframeExtraction {
        guard let out = options.out else { throw WorkflowError.noOutputFolder }
        let folder = try KeyframeOutFolder.openMaking(out)
        let staging = try AtomicFolder(in: folder)
        let extracted = try MediaRunner.extractKeyframes(path: path, request: request(options, folder: staging.url))
        var stills = extracted.frames.map { (name: $0.fileName, sha256: $0.sha256) }
        if let sheet = extracted.sheetFileName, let sha256 = extracted.sheetSha256 { stills.append((sheet, sha256)) }
        try KeyframeOutFolder.move(stills, from: staging, to: folder)
        return extracted
    }

    static func request(_ options: Options, folder: URL) -> KeyframeRequest {
        var request = KeyframeRequest(mode: options.mode, folder: folder)
        request.maxFrames = options.maxFrames
        request.width = options.width
        request.format = options.format
        request.sheet = options.sheet
        return request
    }

    /// The recorded stills and contact sheet of an extraction, with their SHA-256.
    static func stills(_ frames: [KeyframeRecord], _ extraction: ExtractionRecord) -> [(path: String, sha256: String)] {
        var stills = frames.map { (path: $0.path, sha256: $0.sha256) }
        if let sheet = extraction.sheetPath, let sha256 = extraction.sheetSha256 { stills.append((sheet, sha256)) }
        return stills
    }
}
