import Crypto
import FootageCatalog
import FootageCore
import Foundation

/// A yt-dlp `.info.json` sidecar: what the platform said about a download. Its fields go into the acquisition
/// record as the platform's statements (`platform…` fields), never as verified fact; the sidecar is also kept
/// verbatim with its SHA-256.
public struct YtDlpSidecar: Sendable, Equatable {
    /// Sidecars larger than this are refused: real ones are tens to hundreds of KiB (format lists included).
    public static let maximumSize = 16 << 20

    public var path: String
    public var sha256: String
    public var text: String
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

    /// The sidecar yt-dlp writes beside a download: `NAME.info.json` for `NAME.EXT`.
    public static func besides(_ mediaPath: String) -> String? {
        let url = URL(fileURLWithPath: mediaPath)
        let candidate = url.deletingPathExtension().path + ".info.json"
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue
        else { return nil }
        return candidate
    }

    /// Reads and parses a sidecar. Throws a message naming the file when it is not a yt-dlp info JSON object.
    public static func read(path: String) throws -> YtDlpSidecar {
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maximumSize {
            throw SidecarError("\(path): sidecar too large (\(size) bytes; at most \(maximumSize))")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IOError(path: path, failure: "cannot read the sidecar", underlying: error)
        }
        return try parse(data, path: path)
    }

    public static func parse(_ data: Data, path: String) throws -> YtDlpSidecar {
        guard data.count <= maximumSize else { throw SidecarError("\(path): sidecar too large") }
        guard let text = String(data: data, encoding: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw SidecarError("\(path): not a yt-dlp .info.json (not a JSON object)") }
        func string(_ key: String) -> String? {
            switch object[key] {
            case let s as String where !s.isEmpty: return s
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
        var sidecar = YtDlpSidecar(
            path: path, sha256: Hashing.sha256Hex(data),
            text: text)
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
            throw SidecarError("\(path): not a yt-dlp .info.json (no webpage_url, id or extractor)")
        }
        return sidecar
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
        record.sidecarJson = text
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

public struct SidecarError: FootageError {
    public let description: String
    init(_ description: String) { self.description = description }
}
