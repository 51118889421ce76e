/// Everything registration needs from one media file, read through ONE safely opened descriptor: the
/// bytes probed are the bytes hashed, whatever happens to the path meanwhile.
public struct MediaInspection: Sendable, Codable, Equatable {
    /// SHA-256 of the file's bytes, 64 lower-case hex digits.
    public let sha256: String
    /// Bytes hashed.
    public let size: Int64
    public let probe: ProbeResult
    /// The file's C2PA manifest store, read through the same descriptor.
    public let credentials: ContentCredentials

    public init(
        sha256: String, size: Int64, probe: ProbeResult,
        credentials: ContentCredentials = .notChecked("the manifest store was not read")
    ) {
        self.sha256 = sha256
        self.size = size
        self.probe = probe
        self.credentials = credentials
    }

    /// Opens `path` once (regular file, no symbolic link) and inspects it (`inspect(file:)`).
    /// - Throws: `MediaError`; `.io` with "the file changed while it was being read" if it did.
    public static func inspect(path: String, options: InputOptions = .probing) throws -> MediaInspection {
        try inspect(file: MediaFile(path: path), options: options)
    }

    /// Hashes an open file, probes it through the same descriptor, and checks that it did not change meanwhile.
    /// - Throws: `MediaError`; `.io` with "the file changed while it was being read" if it did.
    public static func inspect(file: MediaFile, options: InputOptions = .probing) throws -> MediaInspection {
        let digest = try FileHasher.sha256(file: file)
        let probe = try Probe.probe(file: file, options: options)
        let credentials = ContentCredentialsReader.read(file: file, formatName: probe.format.formatName)
        return try MediaInspection(file: file, digest: digest, probe: probe, credentials: credentials)
    }

    /// An inspection from a hash and a probe read through `file`, once the file is found unchanged: its identity is
    /// as when it was opened, and every byte it had then was hashed.
    /// - Throws: `MediaError`, "the file changed while it was being read".
    public init(file: MediaFile, digest: FileDigest, probe: ProbeResult, credentials: ContentCredentials) throws {
        try file.checkUnchanged()
        guard digest.size == file.size else { throw MediaError.changedWhileRead(file.path) }
        self.init(sha256: digest.sha256, size: digest.size, probe: probe, credentials: credentials)
    }
}
