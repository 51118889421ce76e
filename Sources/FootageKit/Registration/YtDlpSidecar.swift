import Crypto
import FootageCatalog
import FootageCore
import Foundation

/// A yt-dlp `.info.json` sidecar: what the platform said about a download. Its fields go into the acquisition
/// record as the platform's statements (`platform…` fields), never as verified fact; the sidecar is also kept byte for
/// byte (a byte order mark included) with the SHA-256 of those bytes.
///
/// A sidecar is hostile input read like a media file: opened without following a symbolic link, refused unless it is
/// a regular file, its size checked on the open descriptor and its bytes read from that descriptor. A field holding
/// U+0000 is stored with U+FFFD in its place, in the row and the ledger alike (SQLite text stops at U+0000, so the
/// row would otherwise hold less than the ledger recorded); the kept sidecar still has what it said.
public struct YtDlpSidecar: Sendable, Equatable {
    /// Sidecars larger than this are refused: real ones are tens to hundreds of KiB (format lists included).
    public static let maximumSize = 16 << 20

    public var path: String
    public var sha256: String
    /// The sidecar's bytes, exactly as read.
    public var bytes: Data
    public var url: String?
    public var extractor: String?
    public var videoID: String?
    public var uploader: String?
    public var channel: String?
    /// UTC ISO 8601 from `timestamp`, else the date from `upload_date` (YYYYMMDD → YYYY-MM-DD).
    public var uploadTime: String?
    public var title: String?
    public var description: String?
    /// When yt-dlp fetched the page (`epoch`), UTC ISO 8601.
    public var retrievedAt: String?

    /// The sidecar yt-dlp writes beside a download, `NAME.info.json` for `NAME.EXT`, when anything but a folder has
    /// that name. A link is returned too (not followed), so that reading it refuses it rather than passing over it.
    public static func besides(_ mediaPath: String) -> String? {
        let candidate = URL(fileURLWithPath: mediaPath).deletingPathExtension().path + ".info.json"
        var info = stat()
        guard lstat(candidate, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { return nil }
        return candidate
    }

    /// Reads and parses a sidecar. Throws a message naming the file when it is a link, not a regular file, too
    /// large, or not a yt-dlp info JSON object.
    public static func read(path: String) throws -> YtDlpSidecar {
        let data: Data
        do {
            data = try ReadOnlyFile(path: path).readAll(limit: maximumSize)
        } catch .symbolicLink {
            throw SidecarError(path: path, problem: "a symbolic link (not followed)")
        } catch .notRegularFile(_, let kind) {
            throw SidecarError(path: path, problem: "not a regular file (\(kind))")
        } catch .tooLarge(_, let size, let limit) {
            throw SidecarError(path: path, problem: "too large (\(size) bytes; at most \(limit))")
        } catch .system(let error) {
            throw SidecarError(path: path, problem: "cannot be read (\(error.reason ?? error.failure))")
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws -> YtDlpSidecar {
        guard data.count <= maximumSize else { throw SidecarError(path: path, problem: "too large") }
        guard let object = try? JSONSerialization.jsonObject(with: withoutByteOrderMark(data)) as? [String: Any]
        else { throw SidecarError(path: path, problem: "not a yt-dlp .info.json (not a JSON object)") }
        func string(_ key: String) -> String? {
            switch object[key] {
            case let s as String where !s.isEmpty: return storable(s)
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        func seconds(_ key: String) -> String? {
            guard let n = object[key] as? NSNumber, n.doubleValue.isFinite, abs(n.doubleValue) < 1e11 else {
                return nil
            }
            return Timestamp.string(from: Date(timeIntervalSince1970: n.doubleValue))
        }
        var sidecar = YtDlpSidecar(path: path, sha256: Hashing.sha256Hex(data), bytes: data)
        sidecar.url = string("webpage_url") ?? string("original_url")
        sidecar.extractor = string("extractor_key") ?? string("extractor")
        sidecar.videoID = string("id")
        sidecar.uploader = string("uploader") ?? string("channel")
        sidecar.channel = string("channel") ?? string("uploader_id")
        sidecar.uploadTime = seconds("timestamp") ?? string("upload_date").flatMap(uploadDate)
        sidecar.title = string("title")
        sidecar.description = string("description")
        sidecar.retrievedAt = seconds("epoch")
        guard sidecar.url != nil || sidecar.videoID != nil || sidecar.extractor != nil else {
            throw SidecarError(path: path, problem: "not a yt-dlp .info.json (no webpage_url, id or extractor)")
        }
        return sidecar
    }

    /// A kept sidecar's bytes as a JSON value (for `show` and the exports); nil when they do not parse.
    public static func json(_ bytes: Data) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: withoutByteOrderMark(bytes))
    }

    /// The bytes after a UTF-8 byte order mark, which JSON parsers need not accept; the kept bytes keep it.
    static func withoutByteOrderMark(_ data: Data) -> Data {
        data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
    }

    /// `text` as SQLite keeps it: each U+0000, where SQLite text would end, becomes U+FFFD.
    static func storable(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{0}") else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }

    /// `20160701` → `2016-07-01`.
    static func uploadDate(_ text: String) -> String? {
        let digits = Array(text)
        guard digits.count == 8, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
    }

    /// Copies the platform's statements into an acquisition record.
    public func fill(_ record: inout NewAcquisition) {
        record.sidecarPath = path
        record.sidecarSha256 = sha256
        record.sidecarJson = bytes
        record.platformUrl = url
        record.platformExtractor = extractor
        record.platformVideoId = videoID
        record.platformUploader = uploader
        record.platformChannel = channel
        record.platformUploadTime = uploadTime
        record.platformTitle = title
        record.platformDescription = description
        record.platformRetrievedAt = retrievedAt
    }
}

/// A sidecar that is not read, or not a yt-dlp sidecar: which file and what is wrong with it. The command line adds
/// the flag that registers the media file without it.
public struct SidecarError: FootageError, Equatable {
    public let path: String
    public let problem: String

    init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): sidecar refused: \(problem)" }
}
