import Foundation

/// The reference data folder named by `FOOTAGE_REFERENCE_DIR` (the reference PDQ images and hashes, the vPDQ clips and
/// their per-frame hashes). Suites that need it are enabled only when the environment names one; once named, data
/// missing from it is a failure, not a skip.
public enum ReferenceData {
    public static var directory: URL? {
        ProcessInfo.processInfo.environment["FOOTAGE_REFERENCE_DIR"].map { URL(fileURLWithPath: $0) }
    }

    public static var isConfigured: Bool { directory != nil }
}
