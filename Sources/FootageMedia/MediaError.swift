import FootageCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one error type of FootageMedia: what went wrong with which file, in words a journalist can act on.
///
/// `description` is a single line, `path: what happened (detail)`, for example
/// `clip.mp4: not a media file (no demuxer recognised it)` or
/// `x.mp4: refused: a playlist (hls) that would open other files`.
public struct MediaError: FootageError, Equatable {
    /// What kind of failure this is; stable names, usable in JSON output and tests.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Nothing at that path.
        case notFound
        /// The file exists but we may not read it.
        case permissionDenied
        /// A directory, FIFO, device or socket where a regular file was expected.
        case notRegularFile
        /// The path is a symbolic link; links are not followed.
        case symbolicLink
        /// The file holds no bytes.
        case empty
        /// The bytes are not recognised as any media format, or not as audio/video footage.
        case notMedia
        /// A media container was recognised but its structure is damaged or truncated.
        case damaged
        /// A media format that is recognised but not accepted or not supported.
        case unsupported
        /// The video is encrypted (Common Encryption): it cannot be decoded without its key.
        case encrypted
        /// Refused for safety: the file would make FFmpeg open other files or the network.
        case refused
        /// Reading took longer than the deadline.
        case timedOut
        /// The operating system failed to read the file (see `errno`).
        case io
        /// FFmpeg's shared libraries could not be loaded on this machine.
        case libraryMissing
        /// The isolated process decoding the file crashed or exceeded its limits.
        case crashed
    }

    public let kind: Kind
    /// The path as the caller gave it.
    public let path: String
    /// Specifics: "directory", "no demuxer recognised it", "a playlist (hls) that would open other files".
    public let reason: String?
    /// The FFmpeg return code (a negative AVERROR) where one caused this error.
    public let ffmpegCode: Int32?
    /// The C `errno` where one caused this error.
    public let errno: Int32?

    public init(_ kind: Kind, path: String, reason: String? = nil, ffmpegCode: Int32? = nil, errno: Int32? = nil) {
        self.kind = kind
        self.path = path
        self.reason = reason.map { Self.printable($0) }
        self.ffmpegCode = ffmpegCode
        self.errno = errno
    }

    public var description: String {
        let name = Self.printable(path, limit: 300)
        switch kind {
        case .notFound: return "\(name): not found (\(reason ?? "no such file or directory"))"
        case .permissionDenied: return "\(name): permission denied (\(reason ?? "the file may not be read"))"
        case .notRegularFile: return "\(name): not a regular file (\(reason ?? "unknown type"))"
        case .symbolicLink:
            return "\(name): refused: a symbolic link (\(reason ?? "give the path of the file it points to"))"
        case .empty: return "\(name): empty file (0 bytes)"
        case .notMedia: return "\(name): not a media file (\(reason ?? "no demuxer recognised it"))"
        case .damaged: return "\(name): damaged or truncated media (\(reason ?? "unreadable structure"))"
        case .unsupported: return "\(name): unsupported (\(reason ?? "format not accepted"))"
        case .encrypted:
            return "\(name): encrypted video (\(reason ?? "no key")): its pictures cannot be decoded without the key"
        case .refused: return "\(name): refused: \(reason ?? "the file tries to open other files")"
        case .timedOut: return "\(name): timed out (\(reason ?? "reading took too long"))"
        case .io: return "\(name): read error (\(reason ?? "input/output error"))"
        case .crashed: return "\(name): decoding failed (\(reason ?? "the media worker crashed"))"
        case .libraryMissing: return "\(name): cannot decode: \(reason ?? "FFmpeg's libraries are not installed")"
        }
    }

    /// Maps the `errno` of a failed `open`/`read` to the matching kind and wording.
    static func fromErrno(_ code: Int32, path: String, operation: String) -> MediaError {
        let text = String(cString: strerror(code)).lowercased()
        switch code {
        case ENOENT: return MediaError(.notFound, path: path, reason: "no such file or directory", errno: code)
        case ENOTDIR:
            return MediaError(.notFound, path: path, reason: "a folder in the path is not a folder", errno: code)
        case EACCES, EPERM:
            return MediaError(.permissionDenied, path: path, reason: "the file may not be read", errno: code)
        default: return MediaError(.io, path: path, reason: "\(operation): \(text)", errno: code)
        }
    }

    /// Text that came from a hostile file, made safe for one terminal line (`TerminalText.safe`) and bounded in
    /// length: a path or an FFmpeg message can be as long as the file makes it.
    static func printable(_ text: String, limit: Int = 200) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return TerminalText.safe(text) }
        return TerminalText.safe(String(String.UnicodeScalarView(scalars.prefix(limit)))) + "…"
    }
}

extension MediaError {
    /// A file whose identity (`FileIdentity`) changed between its opening and the end of the work on it: what was
    /// read may mix its old and new bytes, so nothing read from it is kept.
    public static func changedWhileRead(_ path: String) -> MediaError {
        MediaError(.io, path: path, reason: "the file changed while it was being read")
    }
}
