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

    @Test func skippingPicturesBetweenSamplesSamplesTheSamePictures() throws {
        // The ministry sample is H.264 with B-frames, which the fingerprint sampler does not decode between samples.
        for rate in [1.0, 4.0] {
            let fast = try FingerprintSampler.sample(path: Samples.ministryUpload, rate: rate, timeout: 120)
            let full = try FingerprintSampler.sample(path: Samples.ministryUpload, rate: rate, timeout: 120,
                                                     decodesEveryPicture: true)
            #expect(fast.samples.count == Int(30 * rate))
            #expect(fast.samples == full.samples)
        }
    }
}
