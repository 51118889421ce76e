import Crypto
import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Keyframe extraction on the committed samples: which pictures are chosen, at which exact times, and that
/// every image written is complete, upright, hashed and decodable.
@Suite struct KeyframeExtractorTests {
    static func extract(
        _ path: String, _ mode: KeyframeMode, in folder: String,
        configure: (inout KeyframeRequest) -> Void = { _ in }
    ) throws -> KeyframeExtraction {
        var request = KeyframeRequest(mode: mode, folder: URL(fileURLWithPath: folder))
        configure(&request)
        return try KeyframeExtractor.extract(path: path, request: request)
    }

    static func sha256(ofFile path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
    }

    static func visibleFiles(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func keyModeGivesOneStillPerTwoSecondGOPAtExactTimes() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.ministryUpload, .key, in: folder)
            #expect(result.frames.count == 15)
            #expect(result.frames.map(\.time) == (0..<15).map { Double($0 * 2) })
            #expect(result.frames.map(\.index) == Array(1...15))
            #expect(result.streamIndex == 0)
            #expect(result.decodeErrors == 0)
            for frame in result.frames {
                #expect(frame.timeBase == "1/12800")
                #expect(frame.pts == Int64(frame.time * 12800))
                #expect((frame.width, frame.height) == (640, 360))
                #expect(frame.score == nil)
                let file = folder + "/" + frame.fileName
                #expect(try Self.sha256(ofFile: file) == frame.sha256)
                let decoded = try ImageDecoder.decodeRGB24(path: file)
                #expect((decoded.width, decoded.height) == (640, 360))
            }
            #expect(result.frames[1].fileName == "000002.000-k0002.jpg")
            // Scenes of generated texture (not the flat colour bars) hash with good quality.
            #expect(result.frames.filter { $0.quality > 50 }.count >= 12)
            #expect(Self.visibleFiles(folder) == result.frames.map(\.fileName).sorted())
        }
    }

    @Test func intervalModeLandsWithinOneFrameOfEachTarget() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.ministryUpload, .interval(every: 5), in: folder)
            #expect(result.frames.count == 6)
            for (index, frame) in result.frames.enumerated() {
                let target = Double(index) * 5
                #expect(frame.time >= target && frame.time < target + 0.04 + 1e-9, "\(frame.time) for \(target)")
                #expect(frame.fileName.contains("-i"))
            }
        }
    }

    @Test func intervalModeMatchesDecodingEveryFrame() throws {
        // Odd interval: targets fall between keyframes, so seeking and decoding forward must agree.
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.ministryUpload, .interval(every: 4.3), in: folder)
            let expected = stride(from: 0.0, to: 30, by: 4.3).map { ($0 * 25).rounded(.up) / 25 }
            #expect(result.frames.map(\.time).count == expected.count)
            for (frame, time) in zip(result.frames, expected) {
                #expect(abs(frame.time - time) < 1e-6, "\(frame.time) expected \(time)")
            }
        }
    }

    @Test(arguments: [Samples.ministryUpload, Samples.pentagonRelease])
    func intervalModeGivesTheSameStillsWithoutDecodingEveryPicture(_ path: String) throws {
        for every in [1.0, 4.3, 0.37] {
            try withTemporaryDirectory { folder in
                var request = KeyframeRequest(
                    mode: .interval(every: every), folder: URL(fileURLWithPath: folder + "/fast"))
                let fast = try KeyframeExtractor.extract(path: path, request: request, decodesEveryPicture: false)
                request.folder = URL(fileURLWithPath: folder + "/full")
                let full = try KeyframeExtractor.extract(path: path, request: request, decodesEveryPicture: true)
                #expect(fast.frames.map(\.time) == full.frames.map(\.time), "every \(every)")
                #expect(fast.frames.map(\.sha256) == full.frames.map(\.sha256), "every \(every): the same images")
                #expect(full.undecodedPackets == 0)
                // One still a second on 2 s groups of pictures: the half of each group after its still is skipped.
                if every == 1 {
                    #expect(fast.undecodedPackets > 250, "\(fast.undecodedPackets) packets left undecoded")
                }
            }
        }
    }

    @Test func sceneModeFindsTheCutsOfTheSharedSource() throws {
        // The source changes scene every 7.5 s, and each 7.5 s part holds 188 pictures at 25 fps, so the cuts
        // fall on pictures 188, 376 and 564 (`ffmpeg -vf select='gt(scene,0.3)'` finds the same three).
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.ministryUpload, .scene(threshold: 0.3), in: folder)
            #expect(result.frames.map(\.time) == [0, 7.52, 15.04, 22.56])
            #expect(result.frames.first?.score == nil)
            for frame in result.frames.dropFirst() { #expect((frame.score ?? 0) >= 0.3) }
        }
    }

    @Test func rotatedClipGivesPortraitStills() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.handheldRotated, .key, in: folder)
            #expect(!result.frames.isEmpty)
            for frame in result.frames {
                #expect((frame.width, frame.height) == (240, 320))
                let decoded = try ImageDecoder.decodeRGB24(path: folder + "/" + frame.fileName)
                #expect((decoded.width, decoded.height) == (240, 320))
            }
        }
    }

    @Test func widthScalesWithAspectKept() throws {
        try withTemporaryDirectory { folder in
            let wide = try Self.extract(Samples.ministryUpload, .key, in: folder) {
                $0.width = 320
                $0.maxFrames = 2
            }
            #expect(wide.frames.map { "\($0.width)x\($0.height)" } == ["320x180", "320x180"])
            let portrait = try Self.extract(Samples.handheldRotated, .key, in: folder + "/r") {
                $0.width = 120
                $0.maxFrames = 1
            }
            #expect(portrait.frames.map { "\($0.width)x\($0.height)" } == ["120x160"])
        }
    }

    @Test func pngStillsAreLosslessRGB() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.pentagonRelease, .key, in: folder) {
                $0.format = .png
                $0.maxFrames = 3
            }
            #expect(result.frames.count == 3)
            for frame in result.frames {
                #expect(frame.fileName.hasSuffix(".png"))
                let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + frame.fileName))
                #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                let decoded = try ImageDecoder.decodeRGB24(path: folder + "/" + frame.fileName)
                #expect((decoded.width, decoded.height) == (480, 270))
            }
        }
    }

    @Test func maxFramesStopsEarly() throws {
        try withTemporaryDirectory { folder in
            for mode in [KeyframeMode.key, .scene(threshold: 0.3), .interval(every: 1)] {
                let result = try Self.extract(Samples.ministryUpload, mode, in: folder + "/\(mode.letter)") {
                    $0.maxFrames = 2
                }
                #expect(result.frames.count == 2)
            }
        }
    }

    @Test func contactSheetHasOneCellPerStill() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.ministryUpload, .key, in: folder) { $0.sheet = true }
            #expect(result.sheetFileName == "contact-sheet.jpg")
            let path = folder + "/contact-sheet.jpg"
            #expect(try Self.sha256(ofFile: path) == result.sheetSha256)
            let sheet = try ImageDecoder.decodeRGB24(path: path)
            // 15 thumbnails of 240×135 in four columns and four rows, 8 px apart.
            let size = ContactSheet.size(count: 15, cellWidth: 240, cellHeight: 135)
            #expect(size == (4 * 240 + 5 * 8, 4 * 135 + 5 * 8))
            #expect((sheet.width, sheet.height) == size)
        }
    }

    @Test func checkpointTransportStreamTimesStartAtZero() throws {
        try withTemporaryDirectory { folder in
            let result = try Self.extract(Samples.checkpointCCTV, .key, in: folder)
            #expect(result.frames.first?.time == 0)
            #expect(result.frames.first?.timeBase == "1/90000")
        }
    }
}
