import FootageCore

/// What footage is about to remove of its own inside a catalogue — leftovers of killed runs, a keyframe folder being
/// replaced — checked whole before anything goes.
///
/// footage removes only what it made: files, and folders that hold only files, under names it gives. Each one added is
/// looked at without following a link: a link, or a folder or FIFO inside a folder to remove (footage never puts one
/// there), makes `add` throw, so that the caller can refuse before it has removed anything.
struct LeftoverRemoval {
    private var entries: [(folder: FolderHandle, name: String, isFolder: Bool)] = []

    var isEmpty: Bool { entries.isEmpty }

    /// Adds `name` of `folder`, when there is anything of that name.
    /// - Throws: `SymbolicLinkRefused` for a link (the entry or one inside it), `FileRefusal.notFootages` for a
    ///   folder holding anything but files.
    mutating func add(_ name: String, in folder: FolderHandle) throws {
        switch folder.kind(of: name) {
        case nil: return
        case .link: throw SymbolicLinkRefused(path: folder.path(of: name))
        case .file: entries.append((folder, name, false))
        case .other: throw FileRefusal.notFootages(folder: folder.path, entry: name)
        case .folder:
            let inner = try folder.folder(name)
            for entry in try inner.names() {
                switch inner.kind(of: entry) {
                case .file, nil: continue
                case .link: throw SymbolicLinkRefused(path: inner.path(of: entry))
                case .folder, .other: throw FileRefusal.notFootages(folder: inner.path, entry: entry)
                }
            }
            entries.append((folder, name, true))
        }
    }

    /// Removes everything added and returns the paths removed. What cannot be removed (no permission) stays, and the
    /// next run tries again.
    func removeAll() -> [String] {
        var removed: [String] = []
        for (folder, name, isFolder) in entries {
            do {
                if isFolder { try folder.removeFolder(name) } else { try folder.removeFile(name) }
                removed.append(folder.path(of: name))
            } catch {
                continue
            }
        }
        return removed
    }
}
