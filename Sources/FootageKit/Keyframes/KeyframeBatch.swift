import FootageCatalog
import FootageMedia
import Foundation

/// `footage keyframes` on several targets: each a registered clip (recorded in the catalogue) or a file outside it
/// (written to a folder only), one target per core: decoding keyframes gains little from threads within one clip,
/// so parallelism across clips is what uses the machine.
public enum KeyframeBatch {
    /// What one target gave.
    public struct Extracted: Sendable {
        /// One row per still.
        public var rows: [KeyframeRow]
        /// The registered clip, or nil for a file outside the catalogue.
        public var clip: ClipRecord?
        /// The file, for a file outside the catalogue.
        public var file: String?
        /// False when the same extraction had been recorded before: nothing was added.
        public var added: Bool
        /// `key`, `scene` or `interval`.
        public var mode: ExtractionMode
        /// The contact sheet, absolute, when one was made.
        public var sheet: String?
    }

    /// A target that is neither a registered clip nor a file that can be extracted without the catalogue.
    public enum Unresolved: Error, CustomStringConvertible, Sendable {
        /// Not a registered clip, and no such file.
        case nothing(String)
        /// A file that is not registered, and no folder was given to write its stills to.
        case noFolder(String)

        public var description: String {
            switch self {
            case .nothing(let target): "\(target): neither a registered clip nor a file"
            case .noFolder(let target): "\(target): not a registered clip, and no folder to write its stills to"
            }
        }
    }

    /// Extracts every target, `jobs` at a time, and calls `report` with each target's outcome as it finishes, one
    /// call at a time. Returns how many targets failed. Without a catalogue, every target is a file.
    public static func run(
        _ targets: [String], catalog: Catalog?, options: KeyframeJob.Options, jobs: Int,
        report: @escaping @Sendable (String, Result<Extracted, any Error>) -> Void
    ) -> Int {
        Batch.run(targets.count, jobs: jobs) { index in
            var each = options
            // With several targets, each gets its own subfolder of --out, so that stills of different clips (named
            // by index and time) cannot overwrite each other.
            if targets.count > 1, let out = options.out {
                each.out = out.appendingPathComponent(
                    folderName(index: index, target: targets[index]),
                    isDirectory: true)
            }
            return try extract(targets[index], catalog: catalog, options: each)
        } report: { index, outcome in
            report(targets[index], outcome)
        }
    }

    static func extract(_ target: String, catalog: Catalog?, options: KeyframeJob.Options) throws -> Extracted {
        if let catalog, let clip = try registeredClip(target, catalog) {
            let result = try KeyframeJob.run(clip: clip, catalog: catalog, options: options)
            let mode = result.extraction.mode
            return Extracted(
                rows: result.frames.map { KeyframeRow($0, clip: clip.sha256, mode: mode, root: catalog.root) },
                clip: clip, added: result.added, mode: mode,
                sheet: result.extraction.sheetPath.map { catalog.root.appendingPathComponent($0).path })
        }
        let path = URL(fileURLWithPath: target).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path) else { throw Unresolved.nothing(target) }
        guard let out = options.out else { throw Unresolved.noFolder(target) }
        if let catalog { try KeyframeOutFolder.refuseInsideCatalogue(out, catalog: catalog) }
        let extraction = try KeyframeJob.run(file: path, options: options)
        return Extracted(
            rows: extraction.frames.map { KeyframeRow($0, file: path, mode: options.extractionMode, folder: out) },
            file: path, added: true, mode: options.extractionMode,
            sheet: extraction.sheetFileName.map { out.appendingPathComponent($0).path })
    }

    /// The clip `target` names, or nil when it names none (it may be a file outside the catalogue). An ambiguous
    /// prefix or a failing catalogue is an error, not a file to look for.
    static func registeredClip(_ target: String, _ catalog: Catalog) throws -> ClipRecord? {
        do {
            return try catalog.clip(matching: target)
        } catch let error as CatalogError where error.kind == .unknownReference {
            return nil
        }
    }

    /// `2-pentagon-release.webm`: position and file name, reduced to safe characters.
    static func folderName(index: Int, target: String) -> String {
        let name = (target as NSString).lastPathComponent
        let safe = String(
            name.unicodeScalars.map { scalar -> Character in
                let c = Character(scalar)
                return (c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".")) ? c : "_"
            }.prefix(80))
        return "\(index + 1)-\(safe.hasPrefix(".") ? "_" + safe.dropFirst() : safe)"
    }
}
