#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file opened read-only without following a symbolic link; owns its file descriptor.
///
/// Everything footage reads of a media file (hashing, probing, decoding, fingerprinting) goes through one of these,
/// so the bytes hashed are the bytes decoded even if the path is renamed or replaced meanwhile; a media worker gets
/// the same descriptor (`init(duplicating:path:expecting:)`). Reads use `pread`, so several readers may share the
/// descriptor without sharing a file offset. What the descriptor reads can still change if the file is written in
/// place: `checkUnchanged()` compares its identity (`FileIdentity`) with the one taken when it was opened, and each
/// piece of work on a file ends with it.
///
/// Only the last component of the path is checked for a link (`O_NOFOLLOW`); folders above it may be links.
public final class MediaFile: @unchecked Sendable {
    /// The path as the caller gave it, for messages.
    public let path: String
    /// The open descriptor; valid as long as this object lives.
    public let descriptor: Int32
    /// The size in bytes when the file was opened.
    public var size: Int64 { identity.size }
    /// Which file this is and its state when it was opened, to notice a file that changes while read.
    public let identity: FileIdentity

    /// Opens `path` for reading: regular files only, no symbolic link, not empty.
    /// - Throws: `MediaError` (`notFound`, `permissionDenied`, `symbolicLink`, `notRegularFile`, `empty`, `io`).
    public convenience init(path: String) throws {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused after fstat anyway.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code == ELOOP || code == EMLINK, Self.isSymbolicLink(path) {
                throw MediaError(
                    .symbolicLink, path: path, reason: "give the path of the file it points to", errno: code)
            }
            throw MediaError.fromErrno(code, path: path, operation: "opening")
        }
        try self.init(adopting: fd, path: path)
    }

    /// Takes a duplicate of an already open descriptor (the caller keeps and closes its own): how a media worker
    /// reads the file the footage process opened and sent it.
    /// - Parameter expected: the identity the file had when whoever sent the descriptor opened it; a file that no
    ///   longer has it changed in between, and is refused as changed.
    /// - Throws: `MediaError` as `init(path:)` does.
    public convenience init(
        duplicating descriptor: Int32, path: String, expecting expected: FileIdentity? = nil
    ) throws {
        let fd = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        if fd < 0 { throw MediaError.fromErrno(errno, path: path, operation: "duplicating the descriptor") }
        try self.init(adopting: fd, path: path)
        if let expected, expected != identity { throw MediaError.changedWhileRead(path) }
    }

    /// Takes ownership of `fd`, closing it if the checks fail.
    private init(adopting fd: Int32, path: String) throws {
        var info = stat()
        if fstat(fd, &info) != 0 {
            let code = errno
            close(fd)
            throw MediaError.fromErrno(code, path: path, operation: "reading file status")
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(fd)
            throw MediaError(.notRegularFile, path: path, reason: Self.describe(type: type))
        }
        // The identity every later check compares with: taken once a change from now on would show in it.
        guard let settled = FileIdentity.settled(fd) else {
            let code = errno
            close(fd)
            throw MediaError.fromErrno(code, path: path, operation: "reading file status")
        }
        info = settled
        guard info.st_size > 0 else {
            close(fd)
            throw MediaError(.empty, path: path)
        }
        // Back to blocking reads: O_NONBLOCK was only there for the open itself.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        self.path = path
        self.descriptor = fd
        self.identity = FileIdentity(info)
    }

    deinit {
        close(descriptor)
    }

    /// Reads up to `count` bytes at `offset` into `buffer`, retrying on EINTR. Returns 0 at end of file.
    func read(into buffer: UnsafeMutableRawPointer, count: Int, at offset: Int64) throws -> Int {
        while true {
            let n = pread(descriptor, buffer, count, off_t(offset))
            if n >= 0 { return n }
            let code = errno
            if code == EINTR { continue }
            throw MediaError.fromErrno(code, path: path, operation: "reading")
        }
    }

    /// Throws when the file is no longer as it was when opened: written to, truncated, extended, or its times
    /// changed (see `FileIdentity`). Whatever was read through the descriptor before a check that passes is what
    /// the file held when it was opened.
    /// - Throws: `MediaError` `.io`, "the file changed while it was being read".
    public func checkUnchanged() throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw MediaError.fromErrno(errno, path: path, operation: "reading file status")
        }
        if FileIdentity(info) != identity { throw MediaError.changedWhileRead(path) }
    }

    private static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    private static func describe(type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "directory"
        case S_IFIFO: return "FIFO (named pipe)"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFSOCK: return "socket"
        default: return "special file"
        }
    }
}
