import Foundation
import Testing
@testable import FootageCatalog
@testable import FootageKit
import FootageCore

@Suite struct YtDlpSidecarTests {
    @Test func theSidecarsFieldsBecomeThePlatformsStatements() throws {
        let json = #"{"id":"abc123","webpage_url":"https://www.youtube.com/watch?v=abc123","extractor_key":"Youtube","uploader":"Ministry","channel":"Ministry channel","timestamp":1467331200,"upload_date":"20160701","epoch":1467417600,"title":"Strike","description":"Footage"}"#
        let sidecar = try YtDlpSidecar.parse(Data(json.utf8), path: "/x.info.json")
        #expect(sidecar.url == "https://www.youtube.com/watch?v=abc123")
        #expect(sidecar.videoID == "abc123")
        #expect(sidecar.uploadTime == "2016-07-01T00:00:00.000Z")
        #expect(sidecar.retrievedAt == "2016-07-02T00:00:00.000Z")
        var record = NewAcquisition()
        sidecar.fill(&record)
        #expect(record.platformUploader == "Ministry")
        #expect(record.sidecarJson == json)
        #expect(record.sidecarSha256 == Hashing.sha256Hex(Data(json.utf8)))
    }

    @Test func anUploadDateAloneGivesTheDay() throws {
        let sidecar = try YtDlpSidecar.parse(Data(#"{"id":"x","upload_date":"20160701"}"#.utf8), path: "/x")
        #expect(sidecar.uploadTime == "2016-07-01")
    }

    @Test func whatIsNotAYtDlpSidecarIsRefused() {
        for text in ["", "[]", "null", "{\"hello\": 1}", "not json", "{\"id\": "] {
            #expect(throws: SidecarError.self) { try YtDlpSidecar.parse(Data(text.utf8), path: "/x.info.json") }
        }
    }

    @Test func theSidecarBesideAFileIsFoundByName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sidecar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("{}".utf8).write(to: folder.appendingPathComponent("clip [abc].info.json"))
        #expect(YtDlpSidecar.besides(folder.appendingPathComponent("clip [abc].mp4").path) != nil)
        #expect(YtDlpSidecar.besides(folder.appendingPathComponent("other.mp4").path) == nil)
    }
}

@Suite struct TimeTextTests {
    @Test func secondsMinutesAndHoursAreAccepted() {
        #expect(TimeText.seconds("12.5") == 12.5)
        #expect(TimeText.seconds("1:05") == 65)
        #expect(TimeText.seconds("01:05.250") == 65.25)
        #expect(TimeText.seconds("1:00:01.5") == 3601.5)
        #expect(TimeText.seconds("0") == 0)
    }

    @Test func otherFormsAreRefused() {
        for text in ["", "-1", "1e3", "1:60", "1:2:3:4", "a", "1.2.3", "1:", ":5", " ", "nan", "inf", "+3"] {
            #expect(TimeText.seconds(text) == nil, "\(text)")
        }
    }

    @Test func formattingRoundTrips() {
        for value in [0.0, 7.25, 65.5, 3601.125, 99_999_999_999.999, TimeText.maximumSeconds] {
            #expect(TimeText.seconds(TimeText.format(value)) == value)
        }
    }

    /// Found by fuzzing (`make fuzz`, target `time`): "88888888888888882:2" read as 5.3e18 seconds, and showing it
    /// stopped the process (milliseconds beyond Int.max). A frame time or duration from a hostile file can be as large.
    @Test func hugeAndInfiniteTimesAreRefusedOrShownAtTheLimit() {
        #expect(TimeText.seconds("88888888888888882:2") == nil)
        #expect(TimeText.seconds(String(repeating: "9", count: 32)) == nil)
        #expect(TimeText.seconds("1000000000000") == TimeText.maximumSeconds)
        #expect(TimeText.seconds("1000000000000.001") == nil)
        let limit = TimeText.format(TimeText.maximumSeconds)
        #expect(limit == "277777777:46:40.000")
        for value in [5.3e18, 1e300, .infinity, .greatestFiniteMagnitude] { #expect(TimeText.format(value) == limit) }
        for value in [-1.0, -.infinity, .nan] { #expect(TimeText.format(value) == "0:00.000") }
    }
}

@Suite struct FileEnumeratorTests {
    @Test func foldersAreWalkedInOrderSkippingLinksAndCompanions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b.mp4", "a.mkv", "a.info.json", "thumb.jpg", "sub/c.webm", ".hidden.mp4"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.mp4").path,
                                                   withDestinationPath: folder.appendingPathComponent("b.mp4").path)
        let entries = FileEnumerator.expand([folder.path])
        let base = folder.standardizedFileURL.path
        #expect(entries == [.file(base + "/a.mkv"), .file(base + "/b.mp4"),
                            .skipped(path: base + "/link.mp4", reason: "symbolic link, not followed"),
                            .file(base + "/sub/c.webm")])
        // A file named explicitly is always tried.
        #expect(FileEnumerator.expand([folder.appendingPathComponent("thumb.jpg").path]).count == 1)
    }
}

@Suite struct EvidenceCopyTests {
    @Test func aCopyIsCheckedFlushedAndReadOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("copy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("clip.mp4")
        let bytes = Data((0..<300_000).map { UInt8($0 % 251) })
        try bytes.write(to: source)
        let sha = Hashing.sha256Hex(bytes)
        let media = folder.appendingPathComponent("Media")
        let copy = try EvidenceCopy.store(source.path, sha256: sha, in: media)
        #expect(copy == media.appendingPathComponent("\(sha).mp4").path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytes)
        #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o444)
        #expect(try EvidenceCopy.store(source.path, sha256: sha, in: media) == copy)
        #expect(throws: EvidenceCopy.Failure.self) {
            try EvidenceCopy.store(source.path, sha256: String(repeating: "0", count: 64), in: media)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: media.path) == ["\(sha).mp4"])
    }
}
