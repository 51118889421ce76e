import Foundation
import FootageCatalog
import FootageMedia

/// One line for any error the library throws, naming the file when the error does not already.
public enum FootageErrors {
    public static func message(_ error: any Error, path: String? = nil) -> String {
        let text: String
        switch error {
        case let e as MediaError where e.kind == .io && e.errno.map(noRoom.contains) == true:
            text = "\(e.path): could not be written (\(writeError(e.errno!))); nothing was kept"
        case let e as MediaError: text = e.description
        case let e as CatalogError: text = e.description
        case let e as SidecarError: text = e.description
        case let e as EvidenceCopy.Failure: text = e.description
        case let e as CustomStringConvertible: text = e.description
        default: text = "\(error)"
        }
        if let path, !text.contains(path) { return "\(path): \(text)" }
        return text
    }

    /// `errno` values that mean there is no room: a full disk, a file size limit (`ulimit -f`), a quota.
    static let noRoom: Set<Int32> = [ENOSPC, EFBIG, EDQUOT]

    /// The system's words for a failed write, and what they mean for the analyst when there is no room.
    static func writeError(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return noRoom.contains(code) ? "\(text): the disk is full or a file size limit was reached" : text
    }
}
