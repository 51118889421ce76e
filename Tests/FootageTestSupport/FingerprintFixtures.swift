import Foundation
import Testing
import FootageMedia
import FootageMatching

/// Clips and tools for the fingerprint accuracy suites: the repository's samples, the reference clips named by
/// `FOOTAGE_REFERENCE_DIR`, and copies made with the `ffmpeg` command-line tool.
public enum FingerprintFixtures {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func sample(_ name: String) -> String { repository.appendingPathComponent("Media/samples/\(name)").path }

    /// The reference data folder, when the environment names one (a named but missing folder fails the tests).
    public static var referenceDirectory: URL? {
        ProcessInfo.processInfo.environment["FOOTAGE_REFERENCE_DIR"].map { URL(fileURLWithPath: $0) }
    }

    public static var referenceIsConfigured: Bool { referenceDirectory != nil }

    /// The font the text-overlay copy is drawn with (`fonts-dejavu-core`, which `make test` installs).
    public static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

    /// The `ffmpeg` executable on the path, if any.
    public static let ffmpeg: String? = {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(folder)/ffmpeg"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }()

    /// Runs `ffmpeg -y -v error ARGS`; fails the test with its message when it fails.
    public static func runFFmpeg(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ffmpeg, "ffmpeg is not installed"))
        process.arguments = ["-nostdin", "-y", "-v", "error"] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0,
                     "ffmpeg \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
    }

    /// A fresh temporary folder, removed afterwards.
    public static func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fingerprint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    /// One line of a vPDQ hash file: `frameNumber,quality,pdqHex,timestampSeconds`.
    public struct VPDQFrame {
        public var quality: Int
        public var hash: PDQHash
        public var time: Double
    }

    public static func vpdqFrames(_ name: String) throws -> [VPDQFrame] {
        let directory = try #require(referenceDirectory)
        let text = try String(contentsOf: directory.appending(path: "vpdq-hashes/\(name).txt"), encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: ",")
            try #require(fields.count == 4, "malformed vPDQ line: \(line)")
            return VPDQFrame(quality: try #require(Int(fields[1])), hash: try #require(PDQHash(hex: String(fields[2]))),
                             time: try #require(Double(fields[3])))
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
