import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder held open by its descriptor, and everything inside it reached relative to that descriptor without ever
/// following a symbolic link (`openat` with `O_NOFOLLOW`, `fstatat` with `AT_SYMLINK_NOFOLLOW`, `unlinkat`,
/// `renameat`, `linkat`).
///
/// A path is looked up again at every use, through whatever links lie along it; a descriptor stays on the folder
/// that was opened. footage reaches what it writes and removes inside a catalogue through these, from the catalogue
/// folder down, so that a link inside a catalogue (one received in an archive, or two catalogues sharing a folder)
/// can never make it write or remove anything outside: a link where footage expects a folder of its own is refused
/// (`SymbolicLinkRefused`), and a link met while removing a folder is removed as a name, never followed.
public final class FolderHandle: @unchecked Sendable {
    /// What a name inside a folder is, seen without following a link.
    public enum Kind: Sendable, Equatable {
        case file
        case folder
        case link
        /// A FIFO, socket or device.
        case other
    }

    /// The folder's path: for messages, and for code that can only be handed a path (a media worker).
    public let path: String
    /// The open descriptor; valid as long as this object lives.
    public let descriptor: Int32

    /// Opens the folder at `path`. Links along the path are followed: this is a folder someone named (a catalogue
    /// folder, a report's folder), not one found inside a catalogue.
    public init(path: String) throws(IOError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw IOError(path: path, failure: "cannot open the folder", code: errno) }
        self.path = path
        descriptor = fd
    }

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The path of `name` inside, for messages.
    public func path(of name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// The status of `name` itself (a link's own, not its target's); nil when nothing has that name.
    public func status(of name: String) -> stat? {
        var info = stat()
        return fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 ? info : nil
    }

    /// What `name` is; nil when nothing has that name.
    public func kind(of name: String) -> Kind? {
        status(of: name).map { Self.kind(of: $0) }
    }

    static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .folder
        case S_IFLNK: .link
        default: .other
        }
    }

    /// Opens the folder `name` inside. A link is refused, never followed; with `creating`, a missing folder is made.
    /// - Throws: `SymbolicLinkRefused`, or `IOError` (missing and not created, not a folder, no permission).
    public func folder(_ name: String, creating: Bool = false) throws -> FolderHandle {
        if creating, mkdirat(descriptor, name, 0o755) != 0, errno != EEXIST {
            throw IOError(path: path(of: name), failure: "cannot create the folder", code: errno)
        }
        let fd = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if kind(of: name) == .link { throw SymbolicLinkRefused(path: path(of: name)) }
            throw IOError(path: path(of: name), failure: "cannot open the folder", code: code)
        }
        return FolderHandle(descriptor: fd, path: path(of: name))
    }

    /// `folder(name)`, or nil when nothing has that name.
    public func existingFolder(_ name: String) throws -> FolderHandle? {
        kind(of: name) == nil ? nil : try folder(name)
    }

    /// The names inside, sorted, without `.` and `..`.
    public func names() throws(IOError) -> [String] {
        // fdopendir takes over the descriptor it is given: a duplicate, so that this one stays open.
        let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
        guard copy >= 0, let stream = fdopendir(copy) else {
            let code = errno
            if copy >= 0 { close(copy) }
            throw IOError(path: path, failure: "cannot list the folder", code: code)
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Removes the file `name`, or the link itself (never what it points at).
    public func removeFile(_ name: String) throws(IOError) {
        guard unlinkat(descriptor, name, 0) == 0 else {
            throw IOError(path: path(of: name), failure: "cannot remove", code: errno)
        }
    }

    /// Removes the folder `name` with everything it holds, depth first. Nothing is followed: a link inside is removed
    /// as a name, and the folder itself must not be a link (`SymbolicLinkRefused`).
    public func removeFolder(_ name: String) throws {
        let inner = try folder(name)
        for entry in try inner.names() {
            if inner.kind(of: entry) == .folder {
                try inner.removeFolder(entry)
            } else {
                try inner.removeFile(entry)
            }
        }
        guard unlinkat(descriptor, name, AT_REMOVEDIR) == 0 else {
            throw IOError(path: path(of: name), failure: "cannot remove the folder", code: errno)
        }
    }

    /// Renames `name` to `newName` inside this folder, replacing a file of that name (`renameat`).
    public func rename(_ name: String, to newName: String) throws(IOError) {
        guard renameat(descriptor, name, descriptor, newName) == 0 else {
            throw IOError(path: path(of: newName), failure: "cannot put in place", code: errno)
        }
    }

    /// Gives the file `name` of `source` the name `newName` here, unless something already has that name: returns
    /// false then, and nothing is replaced. The file's old name is removed once it has the new one. A hard link
    /// (`linkat`) is what makes this safe: unlike a rename, it never replaces what is there.
    public func placeWithoutReplacing(_ name: String, from source: FolderHandle, as newName: String)
        throws(IOError) -> Bool
    {
        guard linkat(source.descriptor, name, descriptor, newName, 0) == 0 else {
            if errno == EEXIST { return false }
            throw IOError(path: path(of: newName), failure: "cannot put in place", code: errno)
        }
        _ = unlinkat(source.descriptor, name, 0)
        return true
    }

    /// Flushes the folder's entries (what was renamed into it) to the disk.
    public func flush() throws(IOError) {
        guard fsync(descriptor) == 0 else {
            throw IOError(path: path, failure: "could not be written to the disk", code: errno)
        }
    }
}

/// A symbolic link where footage expects a folder or file of its own. It is refused, never followed, and nothing is
/// changed: what it points at may be anything on the machine.
public struct SymbolicLinkRefused: FootageError, Equatable {
    public let path: String

    public init(path: String) { self.path = path }

    public var description: String {
        "\(path): refused: a symbolic link (footage follows no link inside the folders it writes, so that it never "
            + "writes or removes anything elsewhere); put the folder or file itself there, or move the link away"
    }
}
