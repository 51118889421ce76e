import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// The PDQ hash footage records for a still is the hash of the image file it wrote, as footage hashes any image file
/// (`StillHasher.hash(path:)`, with which the reference project's published hashes are reproduced), and lands where
/// the reference implementation's Python binding puts that file (`ReferencePDQBinding`, when installed).
///
/// Before stills were hashed from their files, high-detail portrait and square clips had stills recorded up to 28
/// bits from their own files' hashes.
@Suite struct StillHashConformanceTests {
    /// The largest distance allowed between the reference binding's hash of a still's file and the recorded hash, for
    /// stills of quality 80 or more (the reference project's own bound for a conforming implementation).
    static let referenceTolerance = 10

    /// A clip made with one of ffmpeg's generated sources: pictures with detail down to the pixel, on their side or
    /// square, where a hash of the decoded picture and a hash of the written still parted most.
    struct GeneratedClip: Sendable, CustomTestStringConvertible {
        var name: String
        var source: String
        var filter: String?
        var format: ImageFormat = .jpeg
        var width: Int?

        var testDescription: String { "\(name) (\(format.rawValue)\(width.map { ", \($0) px wide" } ?? ""))" }

        /// Writes the clip (two seconds, a keyframe a second) into `folder`; returns its path.
        func make(in folder: String) throws -> String {
            let path = "\(folder)/\(name).mp4"
            try ExternalTool.runFFmpeg(
                ["-f", "lavfi", "-i", source, "-t", "2"] + (filter.map { ["-vf", $0] } ?? [])
                    + ["-c:v", "libx264", "-preset", "ultrafast", "-g", "5", "-pix_fmt", "yuv420p", path])
            return path
        }
    }

    static let generated = [
        GeneratedClip(
            name: "portrait-noise", source: "testsrc2=s=1280x720:r=5", filter: "noise=alls=60:allf=t+u,transpose=1"),
        GeneratedClip(
            name: "portrait-noise", source: "testsrc2=s=1280x720:r=5", filter: "noise=alls=60:allf=t+u,transpose=1",
            format: .png),
        GeneratedClip(name: "portrait-mandelbrot", source: "mandelbrot=s=1280x720:r=5", filter: "transpose=2"),
        GeneratedClip(name: "square-mandelbrot", source: "mandelbrot=s=1080x1080:r=5"),
        GeneratedClip(name: "square-mandelbrot", source: "mandelbrot=s=1080x1080:r=5", format: .png),
        GeneratedClip(name: "square-noise", source: "testsrc2=s=1080x1080:r=5", filter: "noise=alls=50:allf=t"),
        GeneratedClip(name: "square-cellauto", source: "cellauto=s=1080x1080:r=5:rule=110:random_fill_ratio=0.5"),
        GeneratedClip(
            name: "square-cellauto", source: "cellauto=s=1080x1080:r=5:rule=110:random_fill_ratio=0.5", width: 480),
    ]

    /// Extracts the keyframe stills of `clip` into `folder` and checks each recorded hash against its file's.
    static func checkStills(of clip: String, in folder: String, format: ImageFormat = .jpeg, width: Int? = nil) throws {
        var request = KeyframeRequest(mode: .key, folder: URL(fileURLWithPath: folder + "/stills"))
        request.format = format
        request.width = width
        let stills = try KeyframeExtractor.extract(path: clip, request: request).frames
        #expect(!stills.isEmpty)
        let files = stills.map { request.folder.appendingPathComponent($0.fileName).path }
        let name = URL(fileURLWithPath: clip).lastPathComponent
        for (still, file) in zip(stills, files) {
            let written = try StillHasher.hash(path: file)
            let apart = still.pdq.distance(to: written.hash)
            #expect(
                written == PDQResult(hash: still.pdq, quality: still.quality),
                "\(name) \(still.fileName): recorded quality \(still.quality), the file \(written.quality), \(apart) bits"
            )
        }
        guard let reference = try ReferencePDQBinding.hash(files) else {
            print("note: no python3 with the pdqhash module; \(name) not cross-checked (make test-deps installs it)")
            return
        }
        var distances: [Int] = []
        for (still, other) in zip(stills, reference) {
            let distance = still.pdq.distance(to: other.hash)
            distances.append(distance)
            guard min(still.quality, other.quality) >= 80 else { continue }
            #expect(
                distance <= referenceTolerance,
                "\(name) \(still.fileName): recorded \(still.pdq), the reference binding's \(other.hash)")
        }
        print("\(name) (\(format.rawValue)): reference binding's hashes \(distances) bits from the recorded ones")
    }

    @Test func samplesStillsAreHashedAsTheirFiles() throws {
        try withTemporaryDirectory { folder in
            for (index, clip) in Samples.all.enumerated() {
                try Self.checkStills(of: clip, in: "\(folder)/\(index)")
            }
            try Self.checkStills(of: Samples.handheldRotated, in: "\(folder)/png", format: .png)
        }
    }

    @Test(.enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
    func referenceClipStillsAreHashedAsTheirFiles() throws {
        try withTemporaryDirectory { folder in
            for name in ReferenceData.clips {
                try Self.checkStills(of: try ReferenceData.clip(name), in: "\(folder)/\(name)")
            }
        }
    }

    @Test(arguments: generated)
    func highDetailPortraitAndSquareStillsAreHashedAsTheirFiles(_ clip: GeneratedClip) throws {
        try withTemporaryDirectory { folder in
            let path = try clip.make(in: folder)
            try Self.checkStills(of: path, in: folder, format: clip.format, width: clip.width)
        }
    }
}
