import Foundation

@testable import FootageCatalog

/// A registration for made-up bytes: `seed` picks the SHA-256.
func sampleRegistration(seed: Int, path: String, publisher: String? = nil) -> ClipRegistration {
    let sha = String(repeating: String(format: "%02x", seed % 256), count: 32)
    var clip = NewClip(sha256: sha, size: 1000 + Int64(seed), probeJson: #"{"format":{"format_name":"mov,mp4"}}"#)
    clip.formatName = "mov,mp4,m4a,3gp,3g2,mj2"
    clip.duration = 30
    var stream = StreamRecord(streamIndex: 0)
    stream.codecType = "video"
    stream.codecName = "h264"
    var acquisition: NewAcquisition? = nil
    if let publisher {
        var a = NewAcquisition()
        a.publisher = publisher
        a.platform = "YouTube"
        acquisition = a
    }
    return ClipRegistration(
        clip: clip, streams: [stream],
        tags: [NewTag(scope: "format", key: "title", value: "Convoy strike \(seed)")],
        locations: [(path: path, kind: .original)], acquisition: acquisition,
        details: ["footage_version": "test"])
}
