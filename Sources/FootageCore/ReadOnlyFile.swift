import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file opened for reading without following a symbolic link, its size and kind taken from the open
/// descriptor (`fstat`) and its bytes read from that same descriptor: what was checked is what is read, even if the
/// name is replaced meanwhile. For the small files footage reads whole (sidecars) and the files it finds in its own
/// folders (an evidentiary copy already in `Media/`, a recorded still); media files have their own, `MediaFile`.
public final class ReadOnlyFile {
    /// Why a file was not read.
    public enum Failure: FootageError, Equatable {
        /// The name is a symbolic link; links are not followed.
        case symbolicLink(path: String)
        /// A folder, FIFO, socket or device.
        case notRegularFile(path: String, kind: String)
        /// Larger than the caller reads.
        case tooLarge(path: String, size: Int64, limit: Int)
        /// The system failed (missing, no permission, a read error).
        case system(IOError)

        public var description: String {
            switch self {
            case .symbolicLink(let path): "\(path): refused: a symbolic link (not followed)"
            case .notRegularFile(let path, let kind): "\(path): not a regular file (\(kind))"
            case .tooLarge(let path, let size, let limit): "\(path): too large (\(size) bytes; at most \(limit))"
            case .system(let error): error.description
            }
        }
    }

    public let path: String
    public let descriptor: Int32
    /// The size when opened.
    public let size: Int64
    /// How many names the file has (hard links): a file with more is shared with some other place.
    public let names: Int

    /// Opens the file at `path`; only its last component is checked for a link.
    public convenience init(path: String) throws(Failure) {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused after fstat anyway.
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        try self.init(adopting: fd, path: path) { code in
            var info = stat()
            return (code == ELOOP || code == EMLINK) && lstat(path, &info) == 0 && FolderHandle.kind(of: info) == .link
        }
    }

    /// Opens the file `name` inside `folder`.
    public convenience init(_ name: String, in folder: FolderHandle) throws(Failure) {
        let fd = openat(folder.descriptor, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        try self.init(adopting: fd, path: folder.path(of: name)) { _ in folder.kind(of: name) == .link }
    }

    private init(adopting fd: Int32, path: String, isLink: (Int32) -> Bool) throws(Failure) {
        guard fd >= 0 else {
            let code = errno
            if isLink(code) { throw .symbolicLink(path: path) }
            throw .system(IOError(path: path, failure: "cannot open", code: code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .system(IOError(path: path, failure: "cannot read the file's status", code: code))
        }
        let kind = FolderHandle.kind(of: info)
        guard kind == .file else {
            close(fd)
            throw .notRegularFile(path: path, kind: kind == .folder ? "a folder" : "a FIFO, socket or device")
        }
        // Back to blocking reads: O_NONBLOCK was only there for the open itself.
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        self.path = path
        descriptor = fd
        size = Int64(info.st_size)
        names = Int(info.st_nlink)
    }

    deinit { close(descriptor) }

    /// Every byte, when there are at most `limit`: the size is checked on the descriptor before anything is read,
    /// and no more than `limit` bytes are read even if the file grows meanwhile.
    public func readAll(limit: Int) throws(Failure) -> Data {
        guard size <= Int64(limit) else { throw .tooLarge(path: path, size: size, limit: limit) }
        var data = Data()
        var tooLarge = false
        try forEachChunk { bytes in
            data.append(contentsOf: bytes)
            tooLarge = data.count > limit
            return !tooLarge
        }
        if tooLarge { throw .tooLarge(path: path, size: Int64(data.count), limit: limit) }
        return data
    }

    /// Reads the file from its start to its end in chunks, handing each to `body`, which returns false to stop.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Bool) throws(Failure) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        var offset: off_t = 0
        while true {
            let count = pread(descriptor, buffer.baseAddress, buffer.count, offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw .system(IOError(path: path, failure: "cannot read", code: errno))
            }
            if count == 0 || !body(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { return }
            offset += off_t(count)
        }
    }
}
