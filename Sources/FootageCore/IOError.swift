import Foundation

/// A file or folder that could not be read, written, created or put in place: the operating system's failure, told
/// apart from a catalogue that refuses a request or a media file that is not what it claims to be.
///
/// `description` is `path: what failed (the system's words)`, for example
/// `/x/Catalog/keyframes/ab…: could not be written to the disk (No space left on device: the disk is full or a file
/// size limit was reached); nothing was kept`.
public struct IOError: FootageError, Equatable {
    /// The file or folder.
    public let path: String
    /// What could not be done, in words: "cannot read", "could not be written to the disk".
    public let failure: String
    /// The system's error number (`errno`) when the system gave one.
    public let code: Int32?
    /// The system's words for what went wrong, when there were any.
    public let reason: String?
    /// Whether what was being written was removed again, so that nothing half-written is left.
    public let nothingKept: Bool

    /// A failure the system reported with `errno` `code` (nil: it gave no reason).
    public init(path: String, failure: String, code: Int32?, nothingKept: Bool = false) {
        self.path = path
        self.failure = failure
        self.code = code
        self.reason = code.map(IOError.systemText)
        self.nothingKept = nothingKept
    }

    /// A failure Foundation reported: its POSIX error number when it carries one, else its own words.
    public init(path: String, failure: String, underlying error: any Error, nothingKept: Bool = false) {
        let code = IOError.posixCode(of: error)
        self.path = path
        self.failure = failure
        self.code = code
        self.reason = code.map(IOError.systemText) ?? error.localizedDescription
        self.nothingKept = nothingKept
    }

    public var description: String {
        "\(path): \(failure)" + (reason.map { " (\($0))" } ?? "") + (nothingKept ? "; nothing was kept" : "")
    }

    /// `errno` values that mean there is no room: a full disk, a file size limit (`ulimit -f`), a quota.
    public static let noRoom: Set<Int32> = [ENOSPC, EFBIG, EDQUOT]

    /// The system's words for `errno` `code`, and what they mean for the analyst when there is no room.
    public static func systemText(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return noRoom.contains(code) ? "\(text): the disk is full or a file size limit was reached" : text
    }

    /// The POSIX error number inside a Foundation error (a `CocoaError` wraps it as its underlying error).
    static func posixCode(of error: any Error) -> Int32? {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        // On Linux the underlying error may be a `POSIXError` value, which does not cast to `NSError` directly.
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error else { return nil }
        let posix = underlying as NSError
        return posix.domain == NSPOSIXErrorDomain ? Int32(posix.code) : nil
    }
}
