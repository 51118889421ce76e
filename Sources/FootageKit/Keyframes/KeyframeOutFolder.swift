import Crypto
import FootageCatalog
import FootageCore
import Foundation

/// `keyframes --out DIR`: stills written to a folder that is not footage's, where nothing is removed or replaced.
///
/// A file already there under a still's name that holds the same bytes (the same extraction written there before) is
/// left as it is; anything else under that name — other bytes, a folder, a link — is an error naming it, and then
/// nothing is written. DIR may not be, or lie inside, the catalogue's `Catalog/` or `Media/`: those are footage's own,
/// and copying a recorded still onto itself would lose it.
enum KeyframeOutFolder {
    /// Refuses `out` when it is the catalogue's `Catalog/` or `Media/` or lies inside one. Folders are compared by
    /// device and inode from the nearest one that exists up to `/`, so a link to them, or another path, is refused too.
    static func refuseInsideCatalogue(_ out: URL?, catalog: Catalog) throws {
        guard let out else { return }
        let root = try CatalogFolders.root(of: catalog)
        let own = ["Catalog", "Media"].compactMap { root.status(of: $0) }.map { Identity($0) }
        var existing = out.standardizedFileURL
        while (try? FolderHandle(path: existing.path)) == nil && existing.path != "/" {
            existing.deleteLastPathComponent()
        }
        var folder = try FolderHandle(path: existing.path)
        while true {
            var info = stat()
            guard fstat(folder.descriptor, &info) == 0 else { return }
            if own.contains(Identity(info)) { throw FileRefusal.insideCatalogue(path: out.path) }
            guard let parent = try? folder.folder(".."), parent.status(of: ".").map(Identity.init) != Identity(info)
            else { return }
            folder = parent
        }
    }

    /// Copies recorded stills (paths relative to the catalogue folder, with their recorded SHA-256) into `out`,
    /// each read without following a link and checked against its SHA-256 while it is copied.
    static func copy(_ stills: [(path: String, sha256: String)], catalog: Catalog, to out: URL?) throws {
        guard let out else { return }
        let target = try openMaking(out)
        var wanted: [(path: String, sha256: String)] = []
        for still in stills where try isNeeded((still.path as NSString).lastPathComponent, still.sha256, in: target) {
            wanted.append(still)
        }
        for still in wanted {
            let name = (still.path as NSString).lastPathComponent
            let source = try recordedStill(still.path, catalog: catalog)
            try write(source, sha256: still.sha256, as: name, in: target)
        }
    }

    /// Moves the stills an extraction just wrote into `staging` (a temporary folder inside `out`) to `out`, by name
    /// with their SHA-256; what is not moved goes with `staging`.
    static func move(_ stills: [(name: String, sha256: String)], from staging: AtomicFolder, to out: FolderHandle)
        throws
    {
        let wanted = try stills.filter { try isNeeded($0.name, $0.sha256, in: out) }
        for still in wanted where try !out.placeWithoutReplacing(still.name, from: staging.folder, as: still.name) {
            throw FileRefusal.fileExists(path: out.path(of: still.name))
        }
    }

    /// The folder at `out`, made (with its parents) when missing.
    static func openMaking(_ out: URL) throws -> FolderHandle {
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        } catch {
            throw IOError(path: out.path, failure: "cannot create the folder", underlying: error)
        }
        return try FolderHandle(path: out.path)
    }

    /// Whether `name` must still be written in `folder`: false when a regular file of that name holds exactly these
    /// bytes. Anything else of that name is not footage's to replace.
    private static func isNeeded(_ name: String, _ sha256: String, in folder: FolderHandle) throws -> Bool {
        guard folder.kind(of: name) != nil else { return true }
        guard let existing = try? ReadOnlyFile(name, in: folder), try digest(of: existing) == sha256 else {
            throw FileRefusal.fileExists(path: folder.path(of: name))
        }
        return false
    }

    /// A recorded still, reached from the catalogue folder without following a link at any step.
    private static func recordedStill(_ relativePath: String, catalog: Catalog) throws -> ReadOnlyFile {
        var folder = try CatalogFolders.root(of: catalog)
        let parts = relativePath.split(separator: "/").map(String.init)
        for part in parts.dropLast() { folder = try folder.folder(part) }
        return try ReadOnlyFile(parts.last ?? "", in: folder)
    }

    /// Writes `source` as `name` in `folder`, whole or not at all, if its bytes still hash to `sha256`.
    private static func write(_ source: ReadOnlyFile, sha256: String, as name: String, in folder: FolderHandle) throws {
        func failed(_ failure: AtomicFile.Failure) -> IOError {
            IOError(path: folder.path(of: name), failure: "cannot write", code: failure.code, nothingKept: true)
        }
        let file: AtomicFile
        do throws(AtomicFile.Failure) { file = try AtomicFile(in: folder) } catch { throw failed(error) }
        var hasher = SHA256()
        var failure: AtomicFile.Failure?
        try source.forEachChunk { bytes in
            hasher.update(bufferPointer: bytes)
            do throws(AtomicFile.Failure) { try file.write(bytes) } catch { failure = error }
            return failure == nil
        }
        if let failure { throw failed(failure) }
        // Unplaced, the file goes when it is dropped.
        guard hasher.finalize().hexString == sha256 else { throw FileRefusal.changedStill(path: source.path) }
        let placed: Bool
        do throws(AtomicFile.Failure) {
            placed = try file.placeWithoutReplacing(as: name)
        } catch {
            throw failed(error)
        }
        guard placed else { throw FileRefusal.fileExists(path: folder.path(of: name)) }
    }

    private static func digest(of file: ReadOnlyFile) throws -> String {
        var hasher = SHA256()
        try file.forEachChunk { bytes in
            hasher.update(bufferPointer: bytes)
            return true
        }
        return hasher.finalize().hexString
    }

    /// A folder's device and inode.
    private struct Identity: Equatable {
        let device: UInt64
        let inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }
}
