import Crypto
import FootageCore
import Foundation

/// Stores an evidentiary copy of a clip in the catalogue's `Media/` folder, named by its SHA-256.
///
/// The copy is an `AtomicFile`: checked against the expected SHA-256 while it is written, flushed (`fsync`), made
/// read-only, renamed into place, and the folder is flushed too, so that after a crash either the whole copy is there
/// or nothing is. An existing copy with the right name is kept.
public enum EvidenceCopy {
    public struct Failure: FootageError {
        public let description: String
    }

    /// Copies `source` to `folder/<sha256><.ext>` and returns that path.
    public static func store(_ source: String, sha256: String, in folder: URL) throws -> String {
        let ext = (source as NSString).pathExtension.lowercased()
        let safeExt = ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } && ext.count <= 8 ? ext : ""
        let name = sha256 + (safeExt.isEmpty ? "" : "." + safeExt)
        let destination = folder.appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: destination) { return destination }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A copy interrupted by a kill leaves a temporary name, which the next `register` or `keyframes` removes.
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw Failure(description: "\(source): cannot open for copying (\(errnoText()))") }
        defer { close(input) }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        do {
            let copy = try AtomicFile(in: folder, permissions: 0o600)
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
