import CFFmpeg
import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Keyframes and fingerprints take their pictures through one `UprightScaler`: the same picture of a clip recorded on
/// its side comes out with the same upright pixels on both paths, so their PDQ hashes cannot drift apart.
@Suite struct UprightScalerTests {
    /// The first `count` decoded pictures of `path`, with the orientation of its stream.
    static func pictures(_ count: Int, of path: String, _ body: (FrameBuffer, DisplayOrientation) throws -> Void)
        throws
    {
        let reader = try VideoFrameReader(path: path, deadline: Deadline(after: 120), threads: 1, keyframesOnly: false)
        for _ in 0..<count {
            guard try reader.nextFrame() != nil else { return }
            try body(reader.frame, reader.orientation)
        }
    }

    /// The rotated sample is turned (stored 320×240 with a 90° matrix, shown 240×320); the ministry sample is scaled
    /// (640×360 to 512×288).
    @Test(arguments: [(Samples.handheldRotated, 90, 240, 320), (Samples.ministryUpload, 0, 512, 288)])
    func keyframesAndFingerprintsHashTheSameUprightPixels(_ path: String, degrees: Int, width: Int, height: Int)
        throws
    {
        try FFmpegLibrary.prepare(path: path)
        // The keyframe hasher with the fingerprint's swscale flags: only the flags are each path's own.
        let keyframes = FrameHasher(flags: FingerprintPictureHasher.scalingFlags)
        let fingerprints = FingerprintPictureHasher(cropsBorders: false)
        var pictures = 0
        try Self.pictures(60, of: path) { frame, orientation in
            #expect(orientation.degrees == degrees)
            let keyframe = try keyframes.hash(frame, orientation: orientation)
            let sample = try fingerprints.hash(frame, orientation: orientation, time: 0, pts: 0)
            let hashed = RGBBuffer(copying: try #require(keyframes.lastUpright))
            let sampled = RGBBuffer(copying: try #require(fingerprints.lastUpright))
            #expect((hashed.width, hashed.height) == (width, height))
            #expect((sampled.width, sampled.height) == (width, height))
            let same = hashed.pixels == sampled.pixels  // not in #expect, which would print every byte of both
            #expect(same, "picture \(pictures): the upright pixels differ")
            #expect(keyframe.hash == sample.whole.hashes.original, "picture \(pictures)")
            #expect(keyframe.quality == sample.whole.quality)
            pictures += 1
        }
        #expect(pictures == 60)
    }

    @Test func keyframeStillsAndFingerprintsAreHashedAtOneFit() {
        #expect(FrameHasher().fit == .hashing)
        #expect(FingerprintPictureHasher(cropsBorders: false).fit == .hashing)
        #expect(UprightScaler.Fit.hashing == .longestSide(512))
    }

    @Test func theUprightSizeFitsOnceTurned() {
        let quarterTurn = DisplayOrientation(a: 0, b: -1, c: 1, d: 0)
        let hashing = UprightScaler(format: AV_PIX_FMT_RGB24, fit: .longestSide(512), flags: SWS_AREA)
        #expect(hashing.outputSize(width: 1920, height: 1080, orientation: .upright) == (512, 288))
        #expect(hashing.outputSize(width: 1920, height: 1080, orientation: quarterTurn) == (288, 512))
        #expect(hashing.outputSize(width: 320, height: 240, orientation: quarterTurn) == (240, 320))
        let still = UprightScaler(format: AV_PIX_FMT_RGB24, fit: .width(120), flags: SWS_BICUBIC)
        #expect(still.outputSize(width: 320, height: 240, orientation: quarterTurn) == (120, 160))
        #expect(still.outputSize(width: 1920, height: 1080, orientation: .upright) == (120, 68))
    }
}
