import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Files whose structure says more than their tags: encrypted streams (made with FFmpeg's own Common Encryption),
/// an all-ones container duration, a creation time in the future, a codec FFmpeg does not know.
@Suite struct EncryptedAndOddMediaTests {
    static let keyID = "a7e61c373e219033c21091fa607bf3b8"

    /// The ministry sample's first seconds, encrypted with `cenc-aes-ctr` (both streams, one key).
    static func withEncryptedCopy<T>(_ body: (String) throws -> T) throws -> T {
        try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("encrypted.mp4").path
            try ExternalTool.runFFmpeg([
                "-i", Samples.ministryUpload, "-t", "4", "-c", "copy",
                "-encryption_scheme", "cenc-aes-ctr",
                "-encryption_key", "76a6c65c5ea762046bd749a2e632ccbb",
                "-encryption_kid", keyID, path,
            ])
            try #require(FileManager.default.fileExists(atPath: path), "ffmpeg wrote no encrypted copy")
            return try body(path)
        }
    }

    /// A copy of the ministry sample with `edit` applied to its bytes.
    static func withEditedCopy<T>(_ edit: (inout [UInt8]) throws -> Void, _ body: (String) throws -> T) throws -> T {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Samples.ministryUpload)))
        try edit(&bytes)
        return try withTemporaryFolder { folder in
            let path = folder.appendingPathComponent("edited.mp4").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try body(path)
        }
    }

    /// The offset of the first `name` box type at or after `start`.
    static func find(_ name: String, in bytes: [UInt8], from start: Int = 0) throws -> Int {
        let pattern = Array(name.utf8)
        let found = (start..<(bytes.count - 4)).first { Array(bytes[$0..<($0 + 4)]) == pattern }
        return try #require(found, "no \(name) box")
    }

    @Test func probeNamesTheEncryptionOfEachStream() throws {
        try Self.withEncryptedCopy { path in
            let footage = try Probe.probe(path: path).footage
            let streams = try #require(footage.encryptedStreams)
            #expect(streams.map(\.stream) == [0, 1])
            #expect(streams.allSatisfy { $0.scheme == "cenc" && $0.keyID == Self.keyID })
            #expect(
                footage.warnings.contains { $0.hasPrefix("encrypted (common encryption cenc, key id \(Self.keyID))") })
        }
        #expect(try Probe.probe(path: Samples.ministryUpload).footage.encryptedStreams == nil)
    }

    @Test func anOrdinaryFilesProbeHasNoEncryptionKey() throws {
        let data = try JSONEncoder().encode(try Probe.probe(path: Samples.ministryUpload))
        #expect(!String(decoding: data, as: UTF8.self).contains("encrypted"))
    }

    @Test func fingerprintsAndKeyframesRefuseEncryptedVideo() throws {
        try Self.withEncryptedCopy { path in
            let sampled = mediaError { try FingerprintSampler.sample(path: path, rate: 1, timeout: 60) }
            #expect(sampled?.kind == .encrypted)
            #expect(sampled?.description.contains("key id \(Self.keyID)") == true)
            for mode in [KeyframeMode.key, .interval(every: 1)] {
                try withTemporaryFolder { folder in
                    let request = KeyframeRequest(mode: mode, folder: folder)
                    let error = mediaError { try KeyframeExtractor.extract(path: path, request: request) }
                    #expect(error?.kind == .encrypted, "\(mode)")
                    let written = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                    #expect(written.isEmpty, "\(written)")
                }
            }
        }
    }

    @Test func anAllOnesContainerDurationIsCalledUnknown() throws {
        let allOnes: (inout [UInt8]) throws -> Void = { bytes in
            // mvhd version 0: size, type, version and flags, creation, modification, timescale, then duration.
            let box = try Self.find("mvhd", in: bytes)
            #expect(bytes[box + 4] == 0)
            for index in (box + 20)..<(box + 24) { bytes[index] = 0xFF }
        }
        try Self.withEditedCopy(allOnes) { path in
            let warnings = try Probe.probe(path: path).footage.warnings
            #expect(warnings.contains { $0.contains("is the all-ones value 2^32 − 1 at 1000 ticks a second") })
        }
        #expect(!(try Probe.probe(path: Samples.ministryUpload).footage.warnings.contains { $0.contains("all-ones") }))
    }

    @Test func aCreationTimeInTheFutureIsNamed() {
        let format = FormatInfo(
            filename: "clip.mp4", nbStreams: 0, nbPrograms: 0, formatName: "mov,mp4,m4a,3gp,3g2,mj2",
            formatLongName: nil, startTime: 0, duration: 10, size: 1, bitRate: nil, probeScore: 100,
            tags: ["creation_time": "2031-03-04T05:06:07Z"])
        let now = Date(timeIntervalSince1970: 1_780_000_000)  // 2026
        let future = MetadataNormalizer.normalize(format: format, streams: [], now: now)
        #expect(future.warnings.contains { $0.contains("2031-03-04T05:06:07Z (creation_time) is in the future") })
        let later = MetadataNormalizer.normalize(format: format, streams: [], now: Date(timeIntervalSince1970: 2e9))
        #expect(!later.warnings.contains { $0.contains("in the future") })
    }

    @Test func aCodecFFmpegDoesNotKnowIsNamedByItsTag() throws {
        let unknownCodec: (inout [UInt8]) throws -> Void = { bytes in
            let entry = try Self.find("avc1", in: bytes, from: try Self.find("stsd", in: bytes))
            bytes.replaceSubrange(entry..<(entry + 4), with: Array("vvc1".utf8))
        }
        try Self.withEditedCopy(unknownCodec) { path in
            let error = mediaError { try FingerprintSampler.sample(path: path, rate: 1, timeout: 60) }
            #expect(error?.kind == .unsupported)
            #expect(error?.description.contains("FFmpeg does not know its codec (tag vvc1)") == true)
        }
    }
}
