import FootageCore
import FootageMedia
import Foundation

/// One line for any error the library throws, naming the file when the error does not already.
public enum FootageErrors {
    public static func message(_ error: any Error, path: String? = nil) -> String {
        let text: String
        switch error {
        // FFmpeg reports a failed write of a keyframe image as an I/O error like a failed read; no room to write is
        // what the analyst must hear about.
        case let e as MediaError where e.kind == .io && e.errno.map(IOError.noRoom.contains) == true:
            text = "\(e.path): could not be written (\(writeError(e.errno!))); nothing was kept"
        case let e as any FootageError: text = e.description
        default: text = String(describing: error)
        }
        return naming(path, in: text)
    }

    /// `text`, preceded by `path` when it does not name it already.
    public static func naming(_ path: String?, in text: String) -> String {
        guard let path, !text.contains(path) else { return text }
        return "\(path): \(text)"
    }

    /// The system's words for a failed write, and what they mean for the analyst when there is no room.
    static func writeError(_ code: Int32) -> String { IOError.systemText(code) }
}
