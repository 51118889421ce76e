import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Per-frame conformance with the reference vPDQ tool: every decoded frame of each reference clip, converted
/// to RGB24 at its native size with swscale's area filter, hashed with PDQ and compared with the reference
/// output (`frameNumber,quality,pdqHex,timestampSeconds`) frame by frame.
@Suite(.enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
struct VPDQConformanceTests {
    @Test(arguments: ReferenceData.clips)
    func everyFrameHashesLikeTheReference(_ clip: String) throws {
        let expected = try FingerprintFixtures.vpdqFrames(clip)
        let frames = try FrameSampler.hashEveryFrame(path: try ReferenceData.clip(clip), nativeResolution: true)
        #expect(frames.count == expected.count)
        let distances = zip(frames, expected).map { $0.pdq.distance(to: $1.hash) }
        let within = distances.filter { $0 <= 10 }.count
        let share = Double(within) / Double(max(1, expected.count))
        #expect(share >= 0.95, "\(clip): \(within) of \(expected.count) frames within 10 bits")
        for (frame, reference) in zip(frames, expected) {
            #expect(abs(frame.time - reference.time) < 0.001)
        }
        print(
            "vPDQ \(clip): \(within)/\(expected.count) frames within 10 bits, largest distance \(distances.max() ?? 0)")
    }
}
