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

    /// The path of the C2PA sample `name` (`c2pa/NAME`: `video1.mp4` with a valid manifest, `legacy.mp4`,
    /// `video1_no_manifest.mp4` and `c.mov` without); fails the test when it is missing.
    public static func c2pa(_ name: String) throws -> String {
        let folder = try required(directory, "FOOTAGE_REFERENCE_DIR is not set")
        let path = folder.appending(path: "c2pa/\(name)").path
        guard FileManager.default.fileExists(atPath: path) else {
            throw FixtureFailure("missing C2PA sample \(path)")
        }
        return path
    }

    /// A copy of the C2PA sample `name` in `folder`, with `change` applied to its bytes: how tests make manifests that
    /// fail to validate or to read.
    public static func c2paCopy(_ name: String, in folder: URL, as copyName: String, _ change: (inout [UInt8]) -> Void)
        throws -> String
    {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try c2pa(name))))
        change(&bytes)
        let copy = folder.appending(path: copyName)
        try Data(bytes).write(to: copy)
        return copy.path
    }

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
