import Crypto
import Foundation
import FootageCore

/// Stores an evidentiary copy of a clip in the catalogue's `Media/` folder, named by its SHA-256.
///
/// The copy is written to a temporary name, checked against the expected SHA-256 while it is written, flushed
/// (`fsync`), renamed into place, and the folder is flushed too, so that after a crash either the whole copy is
/// there or nothing is; the copy is then made read-only. An existing copy with the right name is kept.
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
        // A copy interrupted by a kill leaves this name, which the next `register` or `keyframes` removes.
        let temporary = folder.appendingPathComponent(TemporaryFiles.name()).path

        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw Failure(description: "\(source): cannot open for copying (\(errnoText()))") }
        defer { close(input) }
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw Failure(description: "\(temporary): cannot create (\(errnoText()))") }
        var finished = false
        defer {
            if !finished {
                close(output)
                unlink(temporary)
            }
        }
        var hasher = SHA256()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(input, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "\(source): read failed while copying (\(errnoText()))")
            }
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            var written = 0
            while written < count {
                let n = write(output, buffer.baseAddress! + written, count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw Failure(
                        description: "\(destination): write failed (\(FootageErrors.writeError(errno))); nothing was kept")
                }
                written += n
            }
        }
        let digest = hasher.finalize().hexString
        guard digest == sha256 else {
            throw Failure(description: "\(source): the file changed while it was being registered; try again")
        }
        guard fsync(output) == 0 else {
            throw Failure(description:
                "\(destination): could not flush the copy (\(FootageErrors.writeError(errno))); nothing was kept")
        }
        fchmod(output, 0o444)
        close(output)
        finished = true
        guard rename(temporary, destination) == 0 else {
            let message = errnoText()
            unlink(temporary)
            throw Failure(description: "\(destination): could not put the copy in place (\(message))")
        }
        let directory = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            fsync(directory)
            close(directory)
        }
        return destination
    }
}

func errnoText() -> String { String(cString: strerror(errno)) }
