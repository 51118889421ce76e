import Crypto
import FootageCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// Writes image files into the output folder all-or-nothing: each file goes to a hidden temporary name
/// (`.tmp-<uuid>`, created exclusively, never through a link) and is renamed into place once complete;
/// `discard()` removes everything this extraction wrote, so a failed extraction leaves nothing behind.
final class KeyframeFolder {
    let url: URL
    private var written: [String] = []
    private var createdFolder = false

    init(_ url: URL) throws {
        self.url = url
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw MediaError(.notRegularFile, path: url.path, reason: "the output folder is a file")
            }
        } else {
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw MediaError(.io, path: url.path, reason: "cannot create the output folder: \(error.localizedDescription)")
            }
            createdFolder = true
        }
    }

    /// Writes `bytes` as `name` (a name we made: digits, letters, '.', '-') and returns their SHA-256.
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let temporary = url.appendingPathComponent(".tmp-\(UUID().uuidString)").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw MediaError.fromErrno(errno, path: temporary, operation: "creating an image") }
        var offset = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        }
        close(fd)
        let target = url.appendingPathComponent(name).path
        if failure != 0 || rename(temporary, target) != 0 {
            let code = failure != 0 ? failure : errno
            unlink(temporary)
            throw MediaError.fromErrno(code, path: target, operation: "writing an image")
        }
        written.append(target)
        return SHA256.hash(data: bytes).hexString
    }

    /// Removes every file written so far (and the folder, if this extraction created it and it is empty).
    func discard() {
        for path in written { unlink(path) }
        written.removeAll()
        if createdFolder { rmdir(url.path) }
    }
}
