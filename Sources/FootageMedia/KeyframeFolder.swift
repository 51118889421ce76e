import Crypto
import FootageCore
import Foundation

/// Writes image files into the output folder all-or-nothing: each file is an `AtomicFile` (written under footage's
/// temporary name, renamed into place once complete); `discard()` removes everything this extraction wrote, so a
/// failed extraction leaves nothing behind. Nothing is flushed here: a catalogue extraction flushes its folder as a
/// whole before recording it (`KeyframeJob`), and `--out` folders are the user's.
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
                throw MediaError(
                    .io, path: url.path, reason: "cannot create the output folder: \(error.localizedDescription)")
            }
            createdFolder = true
        }
    }

    /// Writes `bytes` as `name` (a name we made: digits, letters, '.', '-') and returns their SHA-256.
    func write(_ bytes: [UInt8], as name: String) throws -> String {
        let target = url.appendingPathComponent(name).path
        do throws(AtomicFile.Failure) {
            try AtomicFile.write(bytes, as: name, in: url, durability: .none)
        } catch {
            if error.step == .create {
                throw MediaError.fromErrno(error.code, path: error.path, operation: "creating an image")
            }
            throw MediaError.fromErrno(error.code, path: target, operation: "writing an image")
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
