import Foundation

/// One line of `footage hash`: the SHA-256 a file would get as a clip.
public struct FileHashRow: Encodable, Sendable {
    public var path: String
    public var sha256: String
    public var size: Int64

    public init(path: String, sha256: String, size: Int64) {
        self.path = path
        self.sha256 = sha256
        self.size = size
    }
}
