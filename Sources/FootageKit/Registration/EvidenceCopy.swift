import Crypto
import FootageCore
import Foundation

/// Stores an evidentiary copy of a clip in the catalogue's `Media/` folder, named by its SHA-256.
///
/// The copy is an `AtomicFile`: checked against the expected SHA-256 while it is written, flushed (`fsync`), made
/// read-only, renamed into place, and the folder is flushed too, so that after a crash either the whole copy is there
/// or nothing is.
///
/// A file already in `Media/` under the copy's name (a copy whose recording a kill interrupted) is taken as the copy
/// only when it is opened without following a link, is a regular file with no other name (hard link) and hashes to
/// the clip's SHA-256. Anything else there — a link, other bytes, a folder — is refused with a message naming it,
/// left as it is and never recorded as the copy: footage does not replace what it did not make.
public enum EvidenceCopy {
    public struct Failure: FootageError {
        public let description: String
    }

    /// Copies `source` to `media/<sha256><.ext>` and returns that path.
    public static func store(_ source: String, sha256: String, in media: FolderHandle) throws -> String {
        let ext = (source as NSString).pathExtension.lowercased()
        let safeExt = ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && ext.count <= 8 ? ext : ""
        let name = sha256 + (safeExt.isEmpty ? "" : "." + safeExt)
        let destination = media.path(of: name)
        if try isCopy(name, of: sha256, in: media) { return destination }
        // A copy interrupted by a kill leaves a temporary name, which the next `register` or `keyframes` removes.
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw Failure(description: "\(source): cannot open for copying (\(errnoText()))") }
        defer { close(input) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        do {
            let copy = try AtomicFile(in: media, permissions: 0o600)
            while true {
                let count = read(input, buffer.baseAddress, buffer.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "\(source): read failed while copying (\(errnoText()))")
                }
                if count == 0 { break }
                let bytes = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                hasher.update(bufferPointer: bytes)
                try copy.write(bytes)
            }
            guard hasher.finalize().hexString == sha256 else {
                throw Failure(description: "\(source): the file changed while it was being registered; try again")
            }
            return try copy.place(as: name, durability: .flushed, readOnly: true)
        } catch let failure as AtomicFile.Failure {
            throw Failure(description: Self.message(failure, destination: destination))
        }
    }

    /// Whether `media` holds the copy already under `name`; false when nothing has that name.
    /// - Throws: `FileRefusal.notTheCopy` when something else has it.
    static func isCopy(_ name: String, of sha256: String, in media: FolderHandle) throws -> Bool {
        guard media.kind(of: name) != nil else { return false }
        let path = media.path(of: name)
        let file: ReadOnlyFile
        do {
            file = try ReadOnlyFile(name, in: media)
        } catch .symbolicLink {
            throw FileRefusal.notTheCopy(path: path, reason: "is a symbolic link (not followed)")
        } catch .notRegularFile(_, let kind) {
            throw FileRefusal.notTheCopy(path: path, reason: "is not a regular file (\(kind))")
        }
        // A second name would let the copy change with a file elsewhere (the original, if it was linked here).
        guard file.names == 1 else {
            throw FileRefusal.notTheCopy(path: path, reason: "has another name elsewhere (a hard link)")
        }
        var hasher = SHA256()
        try file.forEachChunk { bytes in
            hasher.update(bufferPointer: bytes)
            return true
        }
        guard hasher.finalize().hexString == sha256 else {
            throw FileRefusal.notTheCopy(path: path, reason: "its bytes are not the clip's")
        }
        return true
    }

    /// What a failed step of writing the copy means, for the analyst.
    private static func message(_ failure: AtomicFile.Failure, destination: String) -> String {
        switch failure.step {
        case .create: "\(failure.path): cannot create (\(String(cString: strerror(failure.code))))"
        case .write: "\(destination): write failed (\(FootageErrors.writeError(failure.code))); nothing was kept"
        case .flush:
            "\(destination): could not flush the copy (\(FootageErrors.writeError(failure.code))); nothing was kept"
        case .place: "\(destination): could not put the copy in place (\(String(cString: strerror(failure.code))))"
        }
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
