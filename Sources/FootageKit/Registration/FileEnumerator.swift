import FootageCore
import Foundation

/// Expands the paths given to `register` into the files to register. Folders are walked recursively in name
/// order; within a folder walk, entries that are not regular files (symbolic links, FIFOs, sockets, devices) are
/// skipped with a note, and files that are evidently sidecars or pictures are left alone silently. A path named
/// explicitly is always tried, so that a bad file gets its own error line.
public enum FileEnumerator {
    public enum Entry: Sendable, Equatable {
        case file(String)
        case skipped(path: String, reason: String)
    }

    /// Extensions of files that travel with downloads but are not footage.
    static let companionExtensions: Set<String> = [
        "json", "description", "part", "ytdl", "txt", "md", "vtt", "srt", "ass", "lrc",
        "jpg", "jpeg", "png", "webp", "gif", "sqlite", "sqlite-wal", "sqlite-shm", "sh", "html",
    ]

    public static func expand(_ paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            var info = stat()
            if lstat(absolute, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR {
                walk(absolute, into: &entries)
            } else {
                entries.append(.file(absolute))
            }
        }
        return entries
    }

    private static func walk(_ folder: String, into entries: inout [Entry]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            let reason = IOError(path: folder, failure: "cannot list this folder", underlying: error).reason
            entries.append(
                .skipped(path: folder, reason: "cannot list this folder" + (reason.map { " (\($0))" } ?? "")))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else {
                entries.append(.skipped(path: path, reason: "cannot read"))
                continue
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: walk(path, into: &entries)
            case S_IFREG:
                let ext = (name as NSString).pathExtension.lowercased()
                if !companionExtensions.contains(ext) { entries.append(.file(path)) }
            case S_IFLNK: entries.append(.skipped(path: path, reason: "symbolic link, not followed"))
            case S_IFIFO: entries.append(.skipped(path: path, reason: "FIFO, not a regular file"))
            default: entries.append(.skipped(path: path, reason: "not a regular file"))
            }
        }
    }
}
