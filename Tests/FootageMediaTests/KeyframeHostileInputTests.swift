import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Keyframe extraction on damaged and hostile files: one clear error, and nothing left in the output folder.
@Suite struct KeyframeHostileInputTests {
    /// Runs a key-mode extraction of `path` into `folder` and returns the error it throws.
    static func failure(_ path: String, folder: String, configure: (inout KeyframeRequest) -> Void = { _ in })
        -> MediaError?
    {
        var request = KeyframeRequest(mode: .key, folder: URL(fileURLWithPath: folder))
        request.sheet = true
        configure(&request)
        return mediaError { try KeyframeExtractor.extract(path: path, request: request) }
    }

    static func leftovers(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    static func copy(of path: String, to copy: String, transform: (inout [UInt8]) -> Void) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        transform(&bytes)
        try Data(bytes).write(to: URL(fileURLWithPath: copy))
    }

    @Test func aCopyTruncatedInsideItsHeaderFailsAndLeavesNothing() throws {
        try withTemporaryDirectory { directory in
            let clip = directory + "/truncated.mp4"
            try Self.copy(of: Samples.ministryUpload, to: clip) { $0.removeSubrange(8192...) }
            let out = directory + "/out"
            let error = try #require(Self.failure(clip, folder: out))
            #expect(error.kind == .damaged || error.kind == .notMedia, "\(error)")
            #expect(error.path == clip)
            #expect(Self.leftovers(out).isEmpty)
        }
    }

    @Test func aCopyTruncatedInItsPicturesGivesTheKeyframesBeforeTheCut() throws {
        try withTemporaryDirectory { directory in
            let clip = directory + "/half.mp4"
            try Self.copy(of: Samples.ministryUpload, to: clip) { $0.removeSubrange(($0.count / 2)...) }
            var request = KeyframeRequest(mode: .key, folder: URL(fileURLWithPath: directory + "/out"))
            request.sheet = true
            let result = try KeyframeExtractor.extract(path: clip, request: request)
            #expect(result.frames.count >= 3 && result.frames.count < 15)
            #expect(
                Set(Self.leftovers(directory + "/out")) == Set(result.frames.map(\.fileName) + ["contact-sheet.jpg"]))
        }
    }

    @Test func aTextFileIsNotMediaAndLeavesNothing() throws {
        try withTemporaryDirectory { directory in
            let clip = directory + "/notes.mp4"
            try write(String(repeating: "The convoy was struck west of Fallujah.\n", count: 200), to: clip)
            let error = try #require(Self.failure(clip, folder: directory + "/out"))
            #expect(error.kind == .notMedia, "\(error)")
            #expect(Self.leftovers(directory + "/out").isEmpty)
        }
    }

    @Test(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg command-line tool"))
    func audioOnlyFileHasNoVideoStream() throws {
        try withTemporaryDirectory { directory in
            let clip = directory + "/call.m4a"
            try ExternalTool.runFFmpeg(["-f", "lavfi", "-i", "sine", "-t", "1", clip])
            let error = try #require(Self.failure(clip, folder: directory + "/out"))
            #expect(error.kind == .notMedia)
            #expect(error.description.contains("no video stream"), "\(error)")
            #expect(Self.leftovers(directory + "/out").isEmpty)
        }
    }

    @Test(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg command-line tool"))
    func absurdDeclaredPictureSizeIsRefused() throws {
        try withTemporaryDirectory { directory in
            // Raw video in Matroska, then its PixelWidth element set to 30000 (FFmpeg itself accepts that size,
            // as the picture area stays small).
            let made = directory + "/small.mkv"
            try ExternalTool.runFFmpeg([
                "-f", "lavfi", "-i", "color=s=320x288:d=0.2", "-c:v", "rawvideo", "-pix_fmt", "gray", made,
            ])
            let clip = directory + "/wide.mkv"
            var patched = false
            try Self.copy(of: made, to: clip) { bytes in
                let pattern: [UInt8] = [0xB0, 0x82, 0x01, 0x40]  // PixelWidth, 2 bytes, 320
                if let at = (0..<(bytes.count - 4)).first(where: { Array(bytes[$0..<$0 + 4]) == pattern }) {
                    (bytes[at + 2], bytes[at + 3]) = (0x75, 0x30)
                    patched = true
                }
            }
            try #require(patched)
            let error = try #require(Self.failure(clip, folder: directory + "/out"))
            #expect(error.kind == .unsupported)
            #expect(error.description.contains("absurd picture size 30000×288"), "\(error)")
            #expect(Self.leftovers(directory + "/out").isEmpty)
        }
    }

    @Test func picturesThatNeverDecodeGiveNoDecodableKeyframes() throws {
        try withTemporaryDirectory { directory in
            // The header (moov, first with faststart) stays intact; every coded picture becomes zeros.
            let clip = directory + "/blank.mp4"
            try Self.copy(of: Samples.ministryUpload, to: clip) { bytes in
                let mdat = Array("mdat".utf8)
                let at = (0..<(bytes.count - 4)).first { Array(bytes[$0..<$0 + 4]) == mdat }!
                for index in (at + 4)..<bytes.count { bytes[index] = 0 }
            }
            let error = try #require(Self.failure(clip, folder: directory + "/out"))
            #expect(error.description.contains("no decodable keyframes"), "\(error)")
            #expect(Self.leftovers(directory + "/out").isEmpty)
        }
    }

    @Test func corruptPacketsAreSkippedNotFatal() throws {
        try withTemporaryDirectory { directory in
            let clip = directory + "/damaged.mp4"
            try Self.copy(of: Samples.ministryUpload, to: clip) { bytes in
                // Scribble over 64 bytes every 40 kB past the header.
                for start in stride(from: 60_000, to: bytes.count - 64, by: 40_000) {
                    for index in start..<start + 64 { bytes[index] = UInt8(truncatingIfNeeded: index * 31) }
                }
            }
            var request = KeyframeRequest(
                mode: .scene(threshold: 0.3), folder: URL(fileURLWithPath: directory + "/out"))
            request.sheet = true
            let result = try KeyframeExtractor.extract(path: clip, request: request)
            #expect(!result.frames.isEmpty)
            for frame in result.frames {
                #expect(FileManager.default.fileExists(atPath: directory + "/out/" + frame.fileName))
            }
        }
    }

    @Test func theDeadlineStopsExtractionAndLeavesNothing() throws {
        try withTemporaryDirectory { directory in
            let error = try #require(
                Self.failure(Samples.ministryUpload, folder: directory + "/out") {
                    $0.mode = .scene(threshold: 0.3)
                    $0.timeout = 0.001
                })
            #expect(error.kind == .timedOut, "\(error)")
            #expect(Self.leftovers(directory + "/out").isEmpty)
        }
    }

    @Test func invalidRequestsAreRefusedBeforeOpening() throws {
        try withTemporaryDirectory { directory in
            let cases: [(inout KeyframeRequest) -> Void] = [
                { $0.mode = .interval(every: 0) }, { $0.mode = .scene(threshold: .nan) },
                { $0.maxFrames = 0 }, { $0.width = 0 }, { $0.width = 1_000_000 },
            ]
            for configure in cases {
                let error = Self.failure(Samples.ministryUpload, folder: directory + "/out", configure: configure)
                #expect(error?.kind == .unsupported)
            }
            #expect(!FileManager.default.fileExists(atPath: directory + "/out"))
        }
    }
}
