import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written whole or not at all: created under a `TemporaryName` in the folder it belongs in, filled, and
/// renamed to its real name only when complete. Until `place` succeeds the real name is untouched; a writer given up
/// (an error, or dropped) removes its temporary file, and one killed leaves only the temporary name, which the next
/// run's sweep removes once this process has ended.
///
/// The temporary file is created exclusively and never through a symbolic link (`O_EXCL | O_NOFOLLOW`).
public final class AtomicFile {
    /// Which step failed, with the system's `errno`; each caller words it for its own kind of file.
    public struct Failure: Error, Sendable, Equatable {
        public enum Step: Sendable, Equatable {
            /// Creating the temporary file.
            case create
            /// Writing its bytes.
            case write
            /// Flushing it to the disk (`fsync`).
            case flush
            /// Renaming it to its real name.
            case place
        }

        public let step: Step
        public let code: Int32
        /// The path the failed call was given: the temporary file's, or the folder's when flushing it.
        public let path: String

        public init(_ step: Step, code: Int32, path: String) {
            self.step = step
            self.code = code
            self.path = path
        }
    }

    /// How much of the file must be on the disk before `place` returns.
    public enum Durability: Sendable {
        /// Renamed in place only; the kernel writes it out when it likes (files outside a catalogue, or files whose
        /// folder is flushed as a whole afterwards).
        case none
        /// The file flushed (`fsync`) before it is renamed and its folder after, so that once `place` returns the
        /// file survives a power cut whole, under its real name.
        case flushed
    }

    /// The folder it is written in, held open: every step below is relative to it, so the file lands in that folder
    /// whatever becomes of the path that led there.
    public let folder: FolderHandle
    /// The temporary file's name, while it is being written.
    public let temporaryName: String
    /// The temporary file's path, for messages.
    public var temporaryPath: String { folder.path(of: temporaryName) }
    private var descriptor: Int32
    /// Placed, or removed: nothing is left to undo.
    private var finished = false

    /// Creates the temporary file in `folder` with `permissions` (less the umask).
    public init(in folder: FolderHandle, permissions: mode_t = 0o644) throws(Failure) {
        self.folder = folder
        temporaryName = TemporaryName().text
        descriptor = openat(
            folder.descriptor, temporaryName, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            let code = errno
            finished = true  // nothing was made, so nothing may be removed
            throw Failure(.create, code: code, path: folder.path(of: temporaryName))
        }
    }

    /// Creates the temporary file in the folder at `folder` (which must exist; links on its path are followed, as
    /// for any folder someone names).
    public convenience init(in folder: URL, permissions: mode_t = 0o644) throws(Failure) {
        try self.init(in: try Self.openFolder(folder), permissions: permissions)
    }

    /// The folder at `folder`, held open; a folder that cannot be opened fails as the creation of the file would.
    private static func openFolder(_ folder: URL) throws(Failure) -> FolderHandle {
        do {
            return try FolderHandle(path: folder.path)
        } catch {
            let name = folder.appendingPathComponent(TemporaryName().text).path
            throw Failure(.create, code: error.code ?? EIO, path: name)
        }
    }

    deinit { discard() }

    /// Appends `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(.write, code: errno, path: temporaryPath)
            }
            offset += count
        }
    }

    /// Appends `bytes`.
    public func write(_ bytes: some ContiguousBytes) throws(Failure) {
        // withUnsafeBytes rethrows untyped errors; the failure is carried out instead.
        let failure = bytes.withUnsafeBytes { buffer -> Failure? in
            do throws(Failure) {
                try write(buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// Renames the file to `name` in its folder, replacing what is there, and returns its path. `readOnly` makes it
    /// read-only (0444) first: an evidentiary copy is not to be changed in place.
    @discardableResult
    public func place(as name: String, durability: Durability, readOnly: Bool = false) throws(Failure) -> String {
        if durability == .flushed, fsync(descriptor) != 0 { throw Failure(.flush, code: errno, path: temporaryPath) }
        if readOnly { fchmod(descriptor, 0o444) }
        close(descriptor)
        descriptor = -1
        guard renameat(folder.descriptor, temporaryName, folder.descriptor, name) == 0 else {
            let code = errno
            discard()
            throw Failure(.place, code: code, path: temporaryPath)
        }
        finished = true
        // The file is in place whatever happens here: a folder that cannot be flushed is not a failed write.
        if durability == .flushed { try? folder.flush() }
        return folder.path(of: name)
    }

    /// Gives the file the name `name` unless something in its folder has that name already: then it returns false,
    /// the file is given up and nothing is replaced. For folders that are not footage's, where a file of that name is
    /// someone else's. A hard link (`linkat`) is what makes this safe: unlike a rename, it never replaces anything.
    public func placeWithoutReplacing(as name: String) throws(Failure) -> Bool {
        close(descriptor)
        descriptor = -1
        guard linkat(folder.descriptor, temporaryName, folder.descriptor, name, 0) == 0 else {
            let code = errno
            discard()
            if code == EEXIST { return false }
            throw Failure(.place, code: code, path: temporaryPath)
        }
        discard()  // the temporary name goes; the file keeps its real one
        return true
    }

    /// Gives up the file: closes and removes it unless it was placed. Called when the writer is dropped.
    public func discard() {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        if !finished {
            unlinkat(folder.descriptor, temporaryName, 0)
            finished = true
        }
    }

    /// Writes `bytes` as `folder/name`, whole or not at all; returns its path.
    @discardableResult
    public static func write(
        _ bytes: some ContiguousBytes, as name: String, in folder: URL, durability: Durability,
        permissions: mode_t = 0o644
    ) throws(Failure) -> String {
        try write(bytes, as: name, in: try openFolder(folder), durability: durability, permissions: permissions)
    }

    /// Writes `bytes` as `name` in `folder`, whole or not at all; returns its path.
    @discardableResult
    public static func write(
        _ bytes: some ContiguousBytes, as name: String, in folder: FolderHandle, durability: Durability,
        permissions: mode_t = 0o644
    ) throws(Failure) -> String {
        let file = try AtomicFile(in: folder, permissions: permissions)
        try file.write(bytes)
        return try file.place(as: name, durability: durability)
    }

    /// Flushes the file `name` of `folder` to the disk; a link is not followed.
    public static func flush(_ name: String, in folder: FolderHandle) throws(Failure) {
        let fd = openat(folder.descriptor, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(.flush, code: errno, path: folder.path(of: name)) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw Failure(.flush, code: errno, path: folder.path(of: name)) }
    }
}

#if canImport(Glibc)
    private let systemWrite = Glibc.write
#else
    private let systemWrite = Darwin.write
#endif
