import FootageTestSupport
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

    @Test(arguments: [Samples.ministryUpload, Samples.pentagonRelease, Samples.checkpointCCTV, Samples.handheldRotated])
    func skippingPicturesBetweenSamplesSamplesTheSamePictures(_ path: String) throws {
        // Between samples the fingerprint sampler decodes neither the pictures no other picture refers to (B-frames
        // in the H.264 samples) nor anything after the last sample before an IDR picture or VP9 key frame that
        // comes first (the 2 s groups of pictures of the ministry and Pentagon samples).
        for rate in [0.1, 0.5, 1.0, 4.0] {
            let fast = try FingerprintSampler.sample(path: path, rate: rate, timeout: 120)
            let full = try FingerprintSampler.sample(path: path, rate: rate, timeout: 120, decodesEveryPicture: true)
            #expect(firstDifference(fast.samples, full.samples) == nil, "rate \(rate)")
            #expect(full.undecodedPackets == 0)
        }
        if path == Samples.ministryUpload || path == Samples.pentagonRelease {
            let sampling = try FingerprintSampler.sample(path: path, rate: 1, timeout: 120)
            #expect(sampling.samples.count == 30)
            // 750 pictures: about half of each 2 s group lies after its middle sample.
            #expect(sampling.undecodedPackets > 250, "\(sampling.undecodedPackets) packets left undecoded")
        }
    }

    @Test(
        .enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"),
        arguments: ReferenceData.clips)
    func skippingSamplesTheSamePicturesOfTheReferenceClips(_ clip: String) throws {
        let path = try ReferenceData.clip(clip)
        for rate in [1.0, 4.0] {
            let fast = try FingerprintSampler.sample(path: path, rate: rate, timeout: 120)
            let full = try FingerprintSampler.sample(path: path, rate: rate, timeout: 120, decodesEveryPicture: true)
            #expect(firstDifference(fast.samples, full.samples) == nil, "\(clip) at rate \(rate)")
            if rate == 1 { #expect(fast.undecodedPackets > 0) }
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
            for rate in [0.5, 1.0, 3.0] {
                let fast = try FingerprintSampler.sample(path: path, rate: rate, timeout: 120)
                let full = try FingerprintSampler.sample(
                    path: path, rate: rate, timeout: 120, decodesEveryPicture: true)
                #expect(fast.samples.count == Int(8 * rate))
                #expect(firstDifference(fast.samples, full.samples) == nil, "\(name) at rate \(rate)")
            }
            let sampling = try FingerprintSampler.sample(path: path, rate: 1, timeout: 120)
            // Open groups: only the pictures after the last sample; closed ones: about half of every 1 s group.
            if name.contains("open-gop") {
                #expect(sampling.undecodedPackets < 25)
            } else {
                #expect(sampling.undecodedPackets > 60, "\(name): \(sampling.undecodedPackets) packets left undecoded")
            }
        }
    }
}

/// Where two samplings first differ, in a line (the samples themselves print as pages of hashes).
func firstDifference(_ one: [FingerprintSample], _ other: [FingerprintSample]) -> String? {
    for (index, (a, b)) in zip(one, other).enumerated() where a != b {
        return "sample \(index): \(a.time) s \(a.hashes.original) against \(b.time) s \(b.hashes.original)"
    }
    return one.count == other.count ? nil : "\(one.count) samples against \(other.count)"
}
