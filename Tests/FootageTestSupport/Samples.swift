import Foundation

/// The committed sample clips in `Media/samples` (see its README for how each was made).
public enum Samples {
    public static let folder = Repository.root.appendingPathComponent("Media/samples", isDirectory: true)

    /// The path of the sample `name`.
    public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    public static let ministryUpload = path("ministry-upload.mp4")
    public static let pentagonRelease = path("pentagon-release.webm")
    /// Recorded on its side with a display matrix of 90°: its pictures must be turned upright.
    public static let handheldRotated = path("handheld-rotated.mov")
    public static let checkpointCCTV = path("checkpoint-cctv.ts")
    public static let all = [ministryUpload, pentagonRelease, handheldRotated, checkpointCCTV]
}
