import FootageMatching
import FootageMedia
import Foundation

/// What the fingerprint accuracy suites compare: the reference vPDQ hashes of the clips in `ReferenceData`, the
/// reference's rule for calling two clips the same, and the font copies made with `ffmpeg` draw text with.
public enum FingerprintFixtures {
    /// The font the text-overlay copy is drawn with (`fonts-dejavu-core`, which `make test` installs).
    public static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// One line of a vPDQ hash file: `frameNumber,quality,pdqHex,timestampSeconds`.
    public struct VPDQFrame {
        public var quality: Int
        public var hash: PDQHash
        public var time: Double
    }

    public static func vpdqFrames(_ name: String) throws -> [VPDQFrame] {
        let directory = try required(ReferenceData.directory, "FOOTAGE_REFERENCE_DIR is not set")
        let text = try String(contentsOf: directory.appending(path: "vpdq-hashes/\(name).txt"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: ",")
            guard fields.count == 4, let quality = Int(fields[1]), let hash = PDQHash(hex: String(fields[2])),
                let time = Double(fields[3])
            else { throw FixtureFailure("\(name): malformed vPDQ line: \(line)") }
            return VPDQFrame(quality: quality, hash: hash, time: time)
        }
    }

    /// The reference's figure: from per-frame hashes, the first frame at or after each whole second, frames of
    /// quality below 50 dropped, and the share of one clip's frames with some frame of the other within distance 31.
    public static func vpdqShare(_ query: [PDQHash], in other: [PDQHash]) -> Double {
        guard !query.isEmpty else { return 0 }
        let matched = query.filter { hash in other.contains { $0.distance(to: hash) <= 31 } }.count
        return Double(matched) / Double(query.count)
    }

    /// One hash a second from per-frame hashes, the usable ones only.
    public static func oneASecond(_ frames: [VPDQFrame]) -> [PDQHash] {
        var next = 0.0
        var kept: [PDQHash] = []
        for frame in frames where frame.time >= next - 1e-6 {
            if frame.quality >= 50 { kept.append(frame.hash) }
            next = (frame.time + 1e-6).rounded(.down) + 1
        }
        return kept
    }

    /// The same rule on our fingerprints: usable frames, any frame of the other within distance 31.
    public static func sameRuleShare(_ query: [FingerprintFrame], in other: [FingerprintFrame]) -> Double {
        vpdqShare(query.filter { $0.quality >= 50 }.map(\.hash), in: other.filter { $0.quality >= 50 }.map(\.hash))
    }

    public static func percent(_ value: Double) -> String { String(format: "%3.0f %%", value * 100) }
}
