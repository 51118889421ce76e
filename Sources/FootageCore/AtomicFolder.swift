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
    /// Where the folder is placed.
    public let parent: URL
    /// The folder to fill, under its temporary name.
    public let url: URL
    /// Placed, or removed: nothing is left to undo.
    private var finished = false

    /// Makes the temporary folder in `parent`, which must exist.
    public init(in parent: URL) throws {
        self.parent = parent
        url = parent.appendingPathComponent(TemporaryName().text, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        } catch {
            finished = true  // nothing was made, so nothing may be removed
            throw error
        }
    }

    deinit { discard() }

    /// Flushes every file in the folder, then the folder itself, to the disk (`fsync`): renamed into place and
    /// recorded afterwards, they then survive a power cut whole. A full disk may only show here, when the file system
    /// allocates what was written.
    public func flushContents() throws(AtomicFile.Failure) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        for name in names { try AtomicFile.flush(url.appendingPathComponent(name).path) }
        try AtomicFile.flush(url.path)
    }

    /// Renames the folder to `name` in its parent, where nothing of that name may be, and returns where it now is.
    /// With `.flushed` the parent is flushed after, and a failure to flush it is thrown: a keyframe folder is placed
    /// inside the transaction that records it, which must then be undone.
    @discardableResult
    public func place(as name: String, durability: AtomicFile.Durability) throws(AtomicFile.Failure) -> URL {
        let destination = parent.appendingPathComponent(name, isDirectory: true)
        guard rename(url.path, destination.path) == 0 else {
            throw AtomicFile.Failure(.place, code: errno, path: url.path)
        }
        finished = true
        if durability == .flushed { try AtomicFile.flush(parent.path) }
        return destination
    }

    /// Gives up the folder: removes it and what it holds unless it was placed. Called when it is dropped.
    public func discard() {
        guard !finished else { return }
        finished = true
        try? FileManager.default.removeItem(at: url)
    }
}
