#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file opened read-only without following a symbolic link; owns its file descriptor.
///
/// Everything FootageMedia reads (hashing, probing, decoding) goes through one of these, so the bytes
/// hashed are the bytes probed even if the path is renamed or replaced meanwhile. Reads use `pread`, so
/// several readers may share the descriptor without sharing a file offset.
///
/// Only the last component of the path is checked for a link (`O_NOFOLLOW`); folders above it may be links.
public final class MediaFile: @unchecked Sendable {
    /// The path as the caller gave it, for messages.
    public let path: String
    /// The open descriptor; valid as long as this object lives.
    public let descriptor: Int32
    /// The size in bytes when the file was opened.
    public let size: Int64
    /// Device, inode and modification time when opened, to notice a file that changes while read.
    let identity: Identity

    struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
        let size: Int64
        let modifiedSeconds: Int
        let modifiedNanoseconds: Int
    }

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

    /// Takes a duplicate of an already open descriptor (the caller keeps and closes its own).
    /// - Throws: `MediaError` as `init(path:)` does.
    public convenience init(duplicating descriptor: Int32, path: String) throws {
        let fd = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        if fd < 0 { throw MediaError.fromErrno(errno, path: path, operation: "duplicating the descriptor") }
        try self.init(adopting: fd, path: path)
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
        guard info.st_size > 0 else {
            close(fd)
            throw MediaError(.empty, path: path)
        }
        // Back to blocking reads: O_NONBLOCK was only there for the open itself.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        self.path = path
        self.descriptor = fd
        self.size = Int64(info.st_size)
        self.identity = Self.identity(of: info)
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

    /// Throws when the file's size or modification time differs from when it was opened.
    func checkUnchanged() throws {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw MediaError.fromErrno(errno, path: path, operation: "reading file status")
        }
        if Self.identity(of: info) != identity {
            throw MediaError(.io, path: path, reason: "the file changed while it was being read")
        }
    }

    private static func identity(of info: stat) -> Identity {
        #if canImport(Darwin)
            let modified = info.st_mtimespec
        #else
            let modified = info.st_mtim
        #endif
        return Identity(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int(modified.tv_sec), modifiedNanoseconds: Int(modified.tv_nsec)
        )
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
