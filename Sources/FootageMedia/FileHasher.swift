import Crypto
import FootageCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The SHA-256 of a file's bytes and how many bytes were hashed.
public struct FileDigest: Sendable, Hashable, Codable {
    /// 64 lower-case hex digits.
    public let sha256: String
    public let size: Int64

    public init(sha256: String, size: Int64) {
        self.sha256 = sha256
        self.size = size
    }
}

/// Streaming SHA-256 (swift-crypto, BoringSSL's SHA-NI code) in constant memory: one reused 1 MiB buffer,
/// sequential read-ahead advised to the kernel.
public enum FileHasher {
    /// Bytes read per `pread`: large enough to amortise system calls, small enough to stay in cache.
    static let bufferSize = 1 << 20

    /// Hashes the file at `path`, opened safely (regular file, no symbolic link).
    /// - Throws: `MediaError`.
    public static func sha256(path: String) throws -> FileDigest {
        try sha256(file: MediaFile(path: path))
    }

    /// Hashes every byte of an open file from offset 0 to its end.
    public static func sha256(file: MediaFile) throws -> FileDigest {
        #if canImport(Glibc)
            _ = posix_fadvise(file.descriptor, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferSize, alignment: 64)
        defer { buffer.deallocate() }
        var hasher = SHA256()
        var offset: Int64 = 0
        while true {
            let count = try file.read(into: buffer.baseAddress!, count: buffer.count, at: offset)
            if count == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            offset += Int64(count)
        }
        return FileDigest(sha256: hasher.finalize().hexString, size: offset)
    }
}
