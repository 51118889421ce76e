import FootageCatalog
import FootageCore
import Foundation

/// The temporary files and folders footage writes inside a catalogue folder, and the sweep that removes what a
/// killed process left behind.
///
/// Whatever footage puts in `Media/` or `Catalog/keyframes/` is written under a temporary name first and renamed into
/// place once complete, so a kill (SIGKILL, a crash, a power cut) never leaves a partial file under a real name, only
/// a temporary one. The temporary name carries the writer's process id: the sweep removes what belongs to processes
/// that have ended, never what another footage process is writing right now.
public enum TemporaryFiles {
    static let prefix = ".footage-tmp-"

    /// A fresh temporary name for this process: `.footage-tmp-<pid>-<uuid>`.
    public static func name() -> String { "\(prefix)\(getpid())-\(UUID().uuidString)" }

    /// Whether `name` is a temporary name whose writer no longer runs. A process id reused by another process
    /// only keeps a leftover until that process ends.
    static func isAbandoned(_ name: String) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
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

    /// Flushes every file in `folder`, then the folder itself, to the disk (`fsync`): renamed into place and
    /// recorded afterwards, they then survive a power cut whole. A full disk may only show here, when the file
    /// system allocates what was written.
    static func flush(contentsOf folder: URL) throws {
        for name in entries(of: folder) { try flush(folder.appendingPathComponent(name)) }
        try flush(folder)
    }

    /// Flushes one file or folder (a folder's entries: a rename into it).
    static func flush(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let code = errno
            if fd >= 0 { close(fd) }
            throw IOError(path: url.path, failure: "could not be written to the disk", code: code, nothingKept: true)
        }
        close(fd)
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
