import FootageCatalog
import FootageCore
import Foundation

/// The sweep that removes what a killed footage process left inside a catalogue folder, and the flushing of a
/// keyframe folder before it is recorded.
///
/// Whatever footage puts in `Media/` or `Catalog/keyframes/` is written under a `TemporaryName` first (an
/// `AtomicFile`, or a folder renamed into place whole) and renamed into place once complete, so a kill (SIGKILL, a
/// crash, a power cut) never leaves a partial file under a real name, only a temporary one. The temporary name carries
/// the writer's process id: the sweep removes what belongs to processes that have ended, never what another footage
/// process is writing right now.
public enum TemporaryFiles {
    /// Whether `name` is a temporary name whose writer no longer runs.
    static func isAbandoned(_ name: String) -> Bool {
        TemporaryName(name)?.writerHasEnded ?? false
    }

    /// Removes temporary files and folders left in `Media/`, `Catalog/` and `Catalog/keyframes/<sha256>/` by footage
    /// processes that have ended, and keyframe folders that no extraction records (left by a process killed between
    /// placing a folder and recording it). Returns the paths removed, for the caller to report.
    public static func sweep(_ catalog: Catalog) -> [String] {
        var removed: [String] = []
        for folder in [catalog.mediaFolder, catalog.root.appendingPathComponent("Catalog", isDirectory: true)] {
            for name in entries(of: folder) where isAbandoned(name) {
                remove(folder.appendingPathComponent(name), into: &removed)
            }
        }
        let clipFolders = entries(of: catalog.keyframesFolder).filter(isClipFolder)
        // Under the write lock no other process is between placing a keyframe folder and recording it.
        _ = try? catalog.withRecordedKeyframeFolders { recorded in
            for clipFolder in clipFolders {
                let url = catalog.keyframesFolder.appendingPathComponent(clipFolder, isDirectory: true)
                for name in entries(of: url) {
                    let relative = "Catalog/keyframes/\(clipFolder)/\(name)"
                    let unrecorded = !name.hasPrefix(".") && !recorded.contains(relative)
                    if isAbandoned(name) || unrecorded { remove(url.appendingPathComponent(name), into: &removed) }
                }
            }
        }
        return removed
    }

    /// Removes a keyframe folder (relative to the catalogue folder) unless an extraction records it.
    static func removeUnrecorded(_ relativeFolder: String, in catalog: Catalog) {
        _ = try? catalog.withRecordedKeyframeFolders { recorded in
            if !recorded.contains(relativeFolder) {
                try? FileManager.default.removeItem(at: catalog.root.appendingPathComponent(relativeFolder))
            }
        }
    }

    /// The catalogue's words for a file or folder that could not be flushed to the disk (`AtomicFolder`).
    static func notFlushed(_ failure: AtomicFile.Failure) -> IOError {
        IOError(path: failure.path, failure: "could not be written to the disk", code: failure.code, nothingKept: true)
    }

    private static func entries(of folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// `Catalog/keyframes/` holds one folder per clip, named by its SHA-256; anything else there is not footage's.
    private static func isClipFolder(_ name: String) -> Bool {
        name.count == 64 && name.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }

    private static func remove(_ url: URL, into removed: inout [String]) {
        if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(url.path) }
    }
}
