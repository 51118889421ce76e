import Foundation

/// The reference data folder named by `FOOTAGE_REFERENCE_DIR` (the reference PDQ images and hashes, the vPDQ clips and
/// their per-frame hashes). Suites that need it are enabled only when the environment names one; once named, data
/// missing from it is a failure, not a skip.
public enum ReferenceData {
    public static var directory: URL? {
        ProcessInfo.processInfo.environment["FOOTAGE_REFERENCE_DIR"].map { URL(fileURLWithPath: $0) }
    }

    public static var isConfigured: Bool { directory != nil }

    /// The reference vPDQ project's sample clips (`videos/NAME.mp4`, hashed frame by frame in `vpdq-hashes/NAME.txt`).
    public static let clips = [
        "chair-22-sd-grey-bar", "chair-22-with-small-logo-bar", "chair-orig-22-sd-bar",
        "doorknob-hd-no-bar", "pattern-hd-no-bar", "pattern-sd-with-small-logo-bar",
    ]

    /// The path of the reference clip `name`; fails the test when it is missing.
    public static func clip(_ name: String) throws -> String {
        let folder = try required(directory, "FOOTAGE_REFERENCE_DIR is not set")
        let path = folder.appending(path: "videos/\(name).mp4").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw FixtureFailure("missing reference clip \(path)")
        }
        return path
    }
}
