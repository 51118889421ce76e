import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder filled whole or not at all: made under a `TemporaryName` beside where it belongs, filled, and renamed to
/// its real name once complete (a keyframe extraction's images, a report's pictures). A folder given up (an error, or
/// dropped) is removed with what it holds; one left by a kill keeps the temporary name, which the next run's sweep
/// removes once this process has ended. `AtomicFile` is the same for one file.
public final class AtomicFolder {
    /// Where the folder is placed, held open: the folder is made, filled, placed or removed relative to it.
    public let parent: FolderHandle
    /// The folder's temporary name.
    public let temporaryName: String
    /// The folder to fill, under its temporary name, held open.
    public let folder: FolderHandle
    /// Placed, or removed: nothing is left to undo.
    private var finished = false

    /// Makes the temporary folder in `parent`.
    public init(in parent: FolderHandle) throws {
        self.parent = parent
        temporaryName = TemporaryName().text
        guard mkdirat(parent.descriptor, temporaryName, 0o755) == 0 else {
            finished = true  // nothing was made, so nothing may be removed
            throw IOError(path: parent.path(of: temporaryName), failure: "cannot create the folder", code: errno)
        }
        do {
            folder = try parent.folder(temporaryName)
        } catch {
            unlinkat(parent.descriptor, temporaryName, AT_REMOVEDIR)
            finished = true
            throw error
        }
    }

    /// Makes the temporary folder in the folder at `parent`, which must exist (links on its path are followed, as for
    /// any folder someone names).
    public convenience init(in parent: URL) throws {
        try self.init(in: try FolderHandle(path: parent.path))
    }

    deinit { discard() }

    /// The folder to fill, under its temporary name, for code that can only be handed a path (a media worker).
    public var url: URL { folder.url }

    /// Flushes every file in the folder, then the folder itself, to the disk (`fsync`): renamed into place and
    /// recorded afterwards, they then survive a power cut whole. A full disk may only show here, when the file system
    /// allocates what was written.
    public func flushContents() throws(AtomicFile.Failure) {
        let names: [String]
        do {
            names = try folder.names()
        } catch {
            throw AtomicFile.Failure(.flush, code: error.code ?? EIO, path: folder.path)
        }
        for name in names { try AtomicFile.flush(name, in: folder) }
        do {
            try folder.flush()
        } catch {
            throw AtomicFile.Failure(.flush, code: error.code ?? EIO, path: folder.path)
        }
    }

    /// Renames the folder to `name` in its parent, where nothing of that name may be, and returns where it now is.
    /// With `.flushed` the parent is flushed after, and a failure to flush it is thrown: a keyframe folder is placed
    /// inside the transaction that records it, which must then be undone.
    @discardableResult
    public func place(as name: String, durability: AtomicFile.Durability) throws(AtomicFile.Failure) -> URL {
        guard renameat(parent.descriptor, temporaryName, parent.descriptor, name) == 0 else {
            throw AtomicFile.Failure(.place, code: errno, path: folder.path)
        }
        finished = true
        if durability == .flushed {
            do {
                try parent.flush()
            } catch {
                throw AtomicFile.Failure(.flush, code: error.code ?? EIO, path: parent.path)
            }
        }
        return parent.url.appendingPathComponent(name, isDirectory: true)
    }

    /// Gives up the folder: removes it and what it holds unless it was placed, following no link. Called when it is
    /// dropped.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? parent.removeFolder(temporaryName)
    }
}
