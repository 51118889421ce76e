import FootageCatalog
import FootageCore
import Foundation

/// The sweep that removes what a killed footage process left inside a catalogue folder, and the removal of a keyframe
/// folder whose recording failed.
///
/// Whatever footage puts in `Media/` or `Catalog/keyframes/` is written under a `TemporaryName` first (an
/// `AtomicFile`, or a folder renamed into place whole) and renamed into place once complete, so a kill (SIGKILL, a
/// crash, a power cut) never leaves a partial file under a real name, only a temporary one. The temporary name carries
/// the writer's process id: the sweep removes what belongs to processes that have ended, never what another footage
/// process is writing right now.
///
/// The sweep reaches everything through `CatalogFolders` and removes only names footage gives (`LeftoverRemoval`):
/// a symbolic link in what it walks, or something footage never makes inside what it would remove, refuses the whole
/// sweep before anything is removed.
public enum TemporaryFiles {
    /// Whether `name` is a temporary name whose writer no longer runs.
    static func isAbandoned(_ name: String) -> Bool {
        TemporaryName(name)?.writerHasEnded ?? false
    }

    /// Removes temporary files and folders left in `Media/`, `Catalog/` and `Catalog/keyframes/<sha256>/` by footage
    /// processes that have ended, and extraction folders (`<mode>-<8 hex>`) that no extraction records (left by a
    /// process killed between placing a folder and recording it). Returns the paths removed, for the caller to
    /// report.
    /// - Throws: `SymbolicLinkRefused` or `FileRefusal` before anything is removed, when a folder it walks or an
    ///   entry it would remove is a link, or holds what footage does not make.
    public static func sweep(_ catalog: Catalog) throws -> [String] {
        let catalogFolder = try CatalogFolders.catalogFolder(of: catalog)
        let media = try CatalogFolders.media(of: catalog)
        let keyframes = try CatalogFolders.keyframes(of: catalog)
        // Under the write lock no other process is between placing a keyframe folder and recording it. A catalogue
        // that cannot be locked is swept another time; the command then fails on its own.
        let planned = try? catalog.withRecordedKeyframeFolders { recorded in
            Result { () throws -> LeftoverRemoval in
                var removal = LeftoverRemoval()
                for folder in [media, catalogFolder].compactMap({ $0 }) {
                    for name in try folder.names() where isAbandoned(name) { try removal.add(name, in: folder) }
                }
                guard let keyframes else { return removal }
                for clipName in try keyframes.names() where isClipFolder(clipName) {
                    // A file of a clip folder's name is not footage's, and has nothing inside to sweep; a link is
                    // refused by `folder`.
                    guard [.folder, .link].contains(keyframes.kind(of: clipName)) else { continue }
                    let clip = try keyframes.folder(clipName)
                    for name in try clip.names() {
                        let unrecorded =
                            isExtractionFolder(name) && !recorded.contains("Catalog/keyframes/\(clipName)/\(name)")
                        if clip.kind(of: name) == .link { throw SymbolicLinkRefused(path: clip.path(of: name)) }
                        if isAbandoned(name) || unrecorded { try removal.add(name, in: clip) }
                    }
                }
                return removal
            }.map { $0.removeAll() }
        }
        return try planned?.get() ?? []
    }

    /// Removes the keyframe folder `name` of `clipFolder` (`relativeFolder` from the catalogue folder) unless an
    /// extraction records it: the folder a failed recording had put in place.
    static func removeUnrecorded(
        _ name: String, of clipFolder: FolderHandle, relativeFolder: String, in catalog: Catalog
    ) {
        _ = try? catalog.withRecordedKeyframeFolders { recorded in
            if !recorded.contains(relativeFolder) { try? clipFolder.removeFolder(name) }
        }
    }

    /// The catalogue's words for a file or folder that could not be flushed to the disk (`AtomicFolder`).
    static func notFlushed(_ failure: AtomicFile.Failure) -> IOError {
        IOError(path: failure.path, failure: "could not be written to the disk", code: failure.code, nothingKept: true)
    }

    /// `Catalog/keyframes/` holds one folder per clip, named by its SHA-256; anything else there is not footage's.
    static func isClipFolder(_ name: String) -> Bool {
        name.count == 64 && name.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    /// The name footage gives an extraction's folder: its mode and the start of its parameters' SHA-256
    /// (`KeyframeJob`), `key-1a2b3c4d`.
    static func isExtractionFolder(_ name: String) -> Bool {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, ExtractionMode(rawValue: String(parts[0])) != nil else { return false }
        return parts[1].count == 8 && parts[1].allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}
