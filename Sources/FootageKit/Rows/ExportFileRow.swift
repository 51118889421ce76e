import Foundation

/// One line of `footage export --json`: a file written.
public struct ExportFileRow: Encodable, Sendable {
    public var path: String
    /// `json`, `csv`, `prov-json`, `claimreview` or `seal`.
    public var format: String
    /// For CSV, the table the file holds; for seal files, what the file is (`seal`, `token`, `certificates`, `ca`).
    public var table: String?
    public var bytes: Int
    /// The SHA-256 of the bytes written, to tell later that the file handed over is the file exported.
    public var sha256: String
}
