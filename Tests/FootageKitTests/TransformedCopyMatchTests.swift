import FootageCore
import FootageMedia
import FootageTestSupport
import Foundation
import Testing

@testable import FootageKit

/// Copies of the ministry sample made the ways footage is re-published (re-encoded, scaled, cropped,
/// letterboxed, logo, trimmed, mirrored, another frame rate), each made here with the `ffmpeg` tool: each must be
/// found with its offset right to within a tenth of a second, and unrelated samples must match none.
@Suite(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg command-line tool"), .serialized)
struct TransformedCopyMatchTests {
    struct Transformation {
        var name: String
        var arguments: [String]
        /// B's time ≈ A's time + offset, with A the original and B the copy.
        var offset: Double
        var transform: MatchTransform? = nil
    }

    static let x264 = ["-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "26"]
    /// Copies of the original's first 20 s (short, to keep the suite quick).
    static let transformations: [Transformation] = [
        .init(
            name: "low-bitrate-150k",
            arguments: [
                "-t", "20", "-an", "-c:v", "libx264", "-preset", "ultrafast",
                "-b:v", "150k",
            ], offset: 0),
        .init(name: "scaled-240p", arguments: ["-t", "20", "-vf", "scale=-2:240"] + x264, offset: 0),
        .init(name: "scaled-144p", arguments: ["-t", "20", "-vf", "scale=-2:144"] + x264, offset: 0),
        .init(name: "letterboxed", arguments: ["-t", "20", "-vf", "pad=640:480:0:60:black"] + x264, offset: 0),
        .init(
            name: "pillarboxed", arguments: ["-t", "20", "-vf", "scale=480:270,pad=640:270:80:0:black"] + x264,
            offset: 0),
        .init(
            name: "logo",
            arguments: ["-t", "20", "-vf", "drawbox=x=iw-110:y=12:w=90:h=30:color=white@0.9:t=fill"]
                + x264, offset: 0),
        .init(name: "first-5s-cut", arguments: ["-ss", "5", "-t", "15"] + x264, offset: -5),
        .init(name: "first-5.5s-cut", arguments: ["-ss", "5.5", "-t", "15"] + x264, offset: -5.5),
        .init(name: "first-2.3s-cut", arguments: ["-ss", "2.3", "-t", "15"] + x264, offset: -2.3),
        .init(name: "mirrored", arguments: ["-t", "20", "-vf", "hflip"] + x264, offset: 0, transform: .flipY),
        .init(name: "fps-15", arguments: ["-t", "20", "-vf", "fps=15"] + x264, offset: 0),
        .init(
            name: "cropped-10pc", arguments: ["-t", "20", "-vf", "crop=iw*0.9:ih*0.9"] + x264, offset: 0,
            transform: .cropped),
        .init(
            name: "cropped-10pc-upscaled", arguments: ["-t", "20", "-vf", "crop=iw*0.9:ih*0.9,scale=1280:720"] + x264,
            offset: 0, transform: .cropped),
        .init(
            name: "text-overlay",
            arguments: [
                "-t", "20", "-vf",
                "drawtext=fontfile=\(FingerprintFixtures.font):"
                    + "text='BREAKING - STRIKE FOOTAGE':fontsize=28:fontcolor=white:"
                    + "x=20:y=h-50:box=1:boxcolor=black@0.6",
            ]
                + x264, offset: 0),
        .init(
            name: "logo-and-lower-third",
            arguments: [
                "-t", "20", "-vf",
                "drawbox=x=iw-150:y=12:w=130:h=44:color=white@0.9:t=fill,"
                    + "drawbox=x=12:y=ih-40:w=300:h=28:color=black@0.7:t=fill",
            ]
                + x264, offset: 0),
    ]
    /// Mirror images carrying a logo or a caption: found through the mirrored picture's edge strips
    /// (`FingerprintSample.mirroredStrips`), on half or more of the copy's frames; without them 12 % and 28 %.
    static let mirroredWithOverlays: [Transformation] = [
        .init(
            name: "mirrored-logo",
            arguments: ["-t", "20", "-vf", "hflip,drawbox=x=iw-110:y=12:w=90:h=30:color=white@0.9:t=fill"] + x264,
            offset: 0, transform: .flipY),
        .init(
            name: "mirrored-caption",
            arguments: [
                "-t", "20", "-vf",
                "hflip,drawtext=fontfile=\(FingerprintFixtures.font):"
                    + "text='BREAKING - STRIKE FOOTAGE':fontsize=28:fontcolor=white:"
                    + "x=20:y=h-50:box=1:boxcolor=black@0.6",
            ] + x264, offset: 0, transform: .flipY),
    ]

    /// Known misses, measured and reported rather than hidden: PDQ moves by more than distance 31 on these, or the
    /// zooming scene of the sample makes a larger crop match at the wrong offset. (A logo with a lower-third band
    /// was one until the edge strips: it is found through the clear left strip.)
    static let knownMisses: [Transformation] = [
        .init(name: "cropped-20pc", arguments: ["-t", "20", "-vf", "crop=iw*0.8:ih*0.8"] + x264, offset: 0),
        .init(name: "cropped-10pc-corner", arguments: ["-t", "20", "-vf", "crop=iw*0.9:ih*0.9:0:0"] + x264, offset: 0),
    ]
    static let unrelated = ["handheld-rotated.mov", "checkpoint-cctv.ts"]

    /// Makes every copy in `folder`; returns (transformation, path).
    func makeCopies(_ transformations: [Transformation], in folder: URL) throws -> [(Transformation, String)] {
        let original = Samples.path("ministry-upload.mp4")
        return try transformations.map { transformation in
            let path = folder.appendingPathComponent("\(transformation.name).mp4").path
            try ExternalTool.runFFmpeg(["-i", original] + transformation.arguments + [path])
            return (transformation, path)
        }
    }

    @Test func everyCopyIsFoundAtItsOffsetAndUnrelatedClipsMatchNone() throws {
        try withTemporaryFolder { folder in
            let copies = try makeCopies(Self.transformations, in: folder)
            let original = Samples.path("ministry-upload.mp4")
            let options = MatchJob.Options(analyst: "test")
            var found = 0
            var lines = [
                "generated copies of ministry-upload.mp4 (A = original, B = copy), "
                    + "\(FingerprintJob.defaultRate) samples a second and the content anchors:"
            ]
            for (transformation, path) in copies {
                let match = try MatchJob.compare(original, path, rate: FingerprintJob.defaultRate, options: options)
                    .match
                #expect(match != nil, "\(transformation.name): not found")
                guard let match else {
                    lines.append("\(transformation.name): NOT FOUND")
                    continue
                }
                found += 1
                #expect(
                    abs(match.offset - transformation.offset) <= 0.1,
                    "\(transformation.name): offset \(match.offset), expected \(transformation.offset)")
                #expect(
                    match.transform == transformation.transform,
                    "\(transformation.name): \(match.transform?.rawValue ?? "none")")
                lines.append(
                    String(
                        format: "%@: shares %@ / %@, offset %+.2f s (expected %+.1f)%@", transformation.name,
                        FingerprintFixtures.percent(match.shareOfA), FingerprintFixtures.percent(match.shareOfB),
                        match.offset, transformation.offset, match.transform.map { ", \($0)" } ?? ""))
            }
            var falseMatches = 0
            let clips = [original] + copies.map(\.1)
            for name in Self.unrelated {
                let path = Samples.path(name)
                for clip in clips
                where try MatchJob.compare(clip, path, rate: FingerprintJob.defaultRate, options: options).match != nil
                {
                    falseMatches += 1
                    Issue.record("\(name) matches \(clip)")
                }
            }
            lines.append(
                "found \(found) of \(copies.count); false matches \(falseMatches) of "
                    + "\(Self.unrelated.count * clips.count) unrelated pairs")
            print(lines.map { "ACCURACY " + $0 }.joined(separator: "\n"))
        }
    }

    @Test func mirroredCopiesWithOverlaysMatchThroughTheMirroredStrips() throws {
        try withTemporaryFolder { folder in
            let original = Samples.path("ministry-upload.mp4")
            for (transformation, path) in try makeCopies(Self.mirroredWithOverlays, in: folder) {
                let match = try MatchJob.compare(
                    original, path, rate: FingerprintJob.defaultRate, options: MatchJob.Options(analyst: "test")
                ).match
                #expect(match?.transform == .flipY, "\(transformation.name): \(String(describing: match))")
                #expect((match?.shareOfB ?? 0) >= 0.5, "\(transformation.name): \(match?.shareOfB ?? 0)")
                #expect(abs((match?.offset ?? 99) - transformation.offset) <= 0.1, "\(transformation.name)")
                print("ACCURACY \(transformation.name): shares \(match?.shareOfA ?? 0) / \(match?.shareOfB ?? 0)")
            }
        }
    }

    @Test func largerCropsAndLargeOverlaysAreKnownMisses() throws {
        try withTemporaryFolder { folder in
            let original = Samples.path("ministry-upload.mp4")
            for (transformation, path) in try makeCopies(Self.knownMisses, in: folder) {
                let match = try MatchJob.compare(
                    original, path, rate: FingerprintJob.defaultRate, options: .init(analyst: "test")
                ).match
                print(
                    "ACCURACY known miss \(transformation.name): "
                        + (match.map {
                            "matched at offset \($0.offset) (expected 0), shares \($0.shareOfA) / \($0.shareOfB)"
                        } ?? "not found"))
                // On the samples a 20 % crop is at best matched at the wrong offset (the zooming fractal scene looks
                // like its own crop a moment later); either way it is not found right.
                // Not intermittent: the copies and the matcher are deterministic, so a known miss that starts being
                // found fails here, to be moved to `transformations`.
                withKnownIssue("PDQ distance above 31 on most frames of \(transformation.name)") {
                    #expect(match.map { abs($0.offset - transformation.offset) <= 0.5 } == true)
                }
            }
        }
    }

    @Test func theSampleReleasesShareTwentyTwoSecondsAtAnEightSecondOffset() throws {
        let ministry = Samples.path("ministry-upload.mp4")
        let pentagon = Samples.path("pentagon-release.webm")
        let match = try #require(
            try MatchJob.compare(pentagon, ministry, rate: FingerprintJob.defaultRate, options: .init(analyst: "test"))
                .match)
        // Pentagon 0:00–0:22 is ministry 0:08–0:30.
        #expect(abs(match.offset - 8) <= 0.5)
        let segment = try #require(match.segments.first)
        #expect(segment.aStart <= 0.5 && abs(segment.bStart - 8) <= 0.5)
        // The last shared scene (a cellular automaton, noise to PDQ after the VP9 re-encode) does not match frame
        // by frame; the overlap at the offset is the whole 22 s.
        let overlap = try #require(
            try MatchJob.compare(pentagon, ministry, rate: FingerprintJob.defaultRate, options: .init(analyst: "test"))
                .overlap)
        #expect(abs(overlap.aStart) <= 0.5 && abs(overlap.aEnd - 22) <= 0.6)
        #expect(abs(overlap.bStart - 8) <= 0.5 && abs(overlap.bEnd - 30) <= 0.6)
    }
}
