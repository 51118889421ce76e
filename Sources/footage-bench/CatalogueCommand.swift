import ArgumentParser
import FootageCatalog
import Foundation

/// A large catalogue made through the catalogue's own API, so that every row has its ledger event with row images
/// as registering real files gives (`Benchmarks/verify.sh` times `footage verify --ledger-only` on it). The clips
/// are synthetic: two streams, eight tags, a location and an acquisition each, no file behind them.
struct CatalogueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue", abstract: "Make a large catalogue of synthetic clips with their ledger.")

    @Option(help: "Clips to register.") var clips = 100_000
    @Argument(help: "The catalogue folder to make.") var folder: String

    func validate() throws {
        if clips < 1 { throw ValidationError("--clips must be at least 1") }
    }

    func run() throws {
        let catalog = try Catalog.create(at: URL(fileURLWithPath: folder))
        for index in 0..<clips { _ = try catalog.register(Self.registration(index), actor: "bench") }
        print("\(clips) clips registered in \(folder)")
    }

    static func registration(_ index: Int) -> ClipRegistration {
        let sha = String(format: "%016llx", UInt64(index) &* 0x9E37_79B9_7F4A_7C15) + String(repeating: "ab", count: 24)
        var clip = NewClip(sha256: sha, size: Int64(1_000_000 + index), probeJson: probe(index))
        clip.formatName = "mov,mp4,m4a,3gp,3g2,mj2"
        clip.duration = Double(30 + index % 600)
        clip.width = 1280
        clip.height = 720
        clip.videoCodec = "h264"
        clip.audioCodec = "aac"
        clip.title = "Synthetic clip \(index)"
        clip.creationTime = "2016-07-01T10:00:00Z"
        var video = StreamRecord(streamIndex: 0)
        video.codecType = "video"
        video.codecName = "h264"
        var audio = StreamRecord(streamIndex: 1)
        audio.codecType = "audio"
        audio.codecName = "aac"
        let tags = (0..<8).map { NewTag(scope: "format", key: "key\($0)", value: "value \($0) of clip \(index)") }
        var acquisition = NewAcquisition()
        acquisition.publisher = "Publisher \(index % 500)"
        acquisition.platform = "YouTube"
        acquisition.url = "https://www.youtube.com/watch?v=\(index)"
        return ClipRegistration(
            clip: clip, streams: [video, audio], tags: tags,
            locations: [(path: "/evidence/clip-\(index).mp4", kind: .original)], acquisition: acquisition,
            details: ["footage_version": "bench"])
    }

    /// A probe answer of about the size a real one has (3 KB).
    static func probe(_ index: Int) -> String {
        #"{"format":{"filename":"clip-\#(index).mp4","padding":""# + String(repeating: "x", count: 3000) + #""}}"#
    }
}
