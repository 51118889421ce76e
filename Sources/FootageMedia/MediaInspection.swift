/// Everything registration needs from one media file, read through ONE safely opened descriptor: the
/// bytes probed are the bytes hashed, whatever happens to the path meanwhile.
public struct MediaInspection: Sendable, Codable, Equatable {
    /// SHA-256 of the file's bytes, 64 lower-case hex digits.
    public let sha256: String
    /// Bytes hashed.
    public let size: Int64
    public let probe: ProbeResult

    public init(sha256: String, size: Int64, probe: ProbeResult) {
        self.sha256 = sha256
        self.size = size
        self.probe = probe
    }

    /// Opens `path` once (regular file, no symbolic link), hashes it, probes it through the same
    /// descriptor, and checks the file did not change meanwhile.
    /// - Throws: `MediaError`; `.io` with "the file changed while it was being read" if it did.
    public static func inspect(path: String, options: InputOptions = .probing) throws -> MediaInspection {
        let file = try MediaFile(path: path)
        let digest = try FileHasher.sha256(file: file)
        try file.checkUnchanged()
        if digest.size != file.size {
            throw MediaError(.io, path: path, reason: "the file changed while it was being read")
        }
        let probe = try Probe.probe(file: file, options: options)
        try file.checkUnchanged()
        return MediaInspection(sha256: digest.sha256, size: digest.size, probe: probe)
    }
}
