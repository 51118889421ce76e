import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

@Suite struct FrameSamplerTests {
    @Test func samplesTheFirstPictureAtOrAfterEachMultiple() throws {
        let frames = try FrameSampler.sample(path: Samples.ministryUpload, every: 2.5, timeout: 120)
        #expect(frames.count == 12)
        for (index, frame) in frames.enumerated() {
            let target = Double(index) * 2.5
            #expect(frame.time >= target && frame.time < target + 0.04 + 1e-9)
        }
    }

    @Test func theSharedFootageHashesAlikeInBothReleases() throws {
        // pentagon-release.webm starts 8 s into the source the ministry clip starts at 0.
        let ministry = try FrameSampler.sample(path: Samples.ministryUpload, every: 1, timeout: 120)
        let pentagon = try FrameSampler.sample(path: Samples.pentagonRelease, every: 1, timeout: 120)
        let atTen = try #require(ministry.first { abs($0.time - 10) < 0.05 })
        let atTwo = try #require(pentagon.first { abs($0.time - 2) < 0.05 })
        #expect(atTen.pdq.distance(to: atTwo.pdq) <= 31)
    }

    /// Interval-mode stills of `path` every `every` seconds, once skipping what no still depends on and once decoding
    /// every picture. (Fingerprints decode every picture, for their content anchors; interval keyframes skip.)
    func bothWays(_ path: String, every: Double) throws -> (fast: KeyframeExtraction, full: KeyframeExtraction) {
        try withTemporaryDirectory { folder in
            var request = KeyframeRequest(mode: .interval(every: every), folder: URL(fileURLWithPath: folder + "/fast"))
            let fast = try KeyframeExtractor.extract(path: path, request: request, decodesEveryPicture: false)
            request.folder = URL(fileURLWithPath: folder + "/full")
            let full = try KeyframeExtractor.extract(path: path, request: request, decodesEveryPicture: true)
            return (fast, full)
        }
    }

    func expectSameStills(_ both: (fast: KeyframeExtraction, full: KeyframeExtraction), _ label: String) {
        #expect(both.fast.frames.map(\.time) == both.full.frames.map(\.time), "\(label)")
        #expect(both.fast.frames.map(\.sha256) == both.full.frames.map(\.sha256), "\(label): the same images")
        #expect(both.full.undecodedPackets == 0)
    }

    @Test(arguments: [Samples.ministryUpload, Samples.pentagonRelease, Samples.checkpointCCTV, Samples.handheldRotated])
    func skippingPicturesBetweenStillsGivesTheSameStills(_ path: String) throws {
        // Between stills interval mode decodes neither the pictures no other picture refers to (B-frames in the
        // H.264 samples) nor anything after the last still before an IDR picture or VP9 key frame that comes first
        // (the 2 s groups of pictures of the ministry and Pentagon samples).
        for every in [10.0, 2.0, 1.0, 0.25] {
            let both = try bothWays(path, every: every)
            expectSameStills(both, "every \(every)")
            if every == 1 && (path == Samples.ministryUpload || path == Samples.pentagonRelease) {
                #expect(both.fast.frames.count == 30)
                // 750 pictures: about half of each 2 s group lies after its middle still.
                #expect(both.fast.undecodedPackets > 250, "\(both.fast.undecodedPackets) packets left undecoded")
            }
        }
    }

    @Test(
        .enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"),
        arguments: ReferenceData.clips)
    func skippingGivesTheSameStillsOfTheReferenceClips(_ clip: String) throws {
        let path = try ReferenceData.clip(clip)
        for every in [1.0, 0.25] {
            let both = try bothWays(path, every: every)
            expectSameStills(both, "\(clip) every \(every)")
            if every == 1 { #expect(both.fast.undecodedPackets > 0) }
        }
    }

    /// Clips made with the ffmpeg tool where skipping must be right or must not happen: open groups of pictures
    /// (H.264 in Matroska, whose key blocks are I-pictures that are not IDR; HEVC's CRA pictures, x265's default),
    /// closed HEVC groups in MP4, H.264 in MPEG-TS (start codes).
    @Test(
        .enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg tool"),
        arguments: [
            (
                "open-gop.mkv",
                ["-c:v", "libx264", "-bf", "3", "-x264-params", "open-gop=1:keyint=25:min-keyint=25:scenecut=0"]
            ),
            (
                "hevc-open-gop.mp4",
                ["-c:v", "libx265", "-x265-params", "keyint=25:min-keyint=25:scenecut=0:log-level=error"]
            ),
            (
                "hevc.mp4",
                ["-c:v", "libx265", "-x265-params", "open-gop=0:keyint=25:min-keyint=25:scenecut=0:log-level=error"]
            ),
            ("annex-b.ts", ["-c:v", "libx264", "-bf", "2", "-g", "25", "-sc_threshold", "0"]),
        ])
    func skippingIsRightOnOtherCodecsAndContainers(_ name: String, _ encoding: [String]) throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/" + name
            try ExternalTool.runFFmpeg(
                [
                    "-f", "lavfi", "-i",
                    "testsrc2=s=320x240:r=25:d=8,drawbox=x='mod(t*90,280)':y=100:w=40:h=40:color=white:t=fill",
                ]
                    + encoding + ["-pix_fmt", "yuv420p", path])
            for every in [2.0, 1.0, 1.0 / 3] {
                let both = try bothWays(path, every: every)
                #expect(both.fast.frames.count == Int((8 / every).rounded()), "\(name) every \(every)")
                expectSameStills(both, "\(name) every \(every)")
                guard every == 1 else { continue }
                // Open groups: only the pictures after the last still; closed ones: about half of every 1 s group.
                if name.contains("open-gop") {
                    #expect(both.fast.undecodedPackets < 25)
                } else {
                    #expect(
                        both.fast.undecodedPackets > 60, "\(name): \(both.fast.undecodedPackets) packets left undecoded"
                    )
                }
            }
        }
    }
}
