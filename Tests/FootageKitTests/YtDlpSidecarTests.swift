import FootageCore
import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

@Suite struct YtDlpSidecarTests {
    @Test func theSidecarsFieldsBecomeThePlatformsStatements() throws {
        let json =
            #"{"id":"abc123","webpage_url":"https://www.youtube.com/watch?v=abc123","extractor_key":"Youtube","#
            + #""uploader":"Ministry","channel":"Ministry channel","timestamp":1467331200,"upload_date":"20160701","#
            + #""epoch":1467417600,"title":"Strike","description":"Footage"}"#
        let sidecar = try YtDlpSidecar.parse(Data(json.utf8), path: "/x.info.json")
        #expect(sidecar.url == "https://www.youtube.com/watch?v=abc123")
        #expect(sidecar.videoID == "abc123")
        #expect(sidecar.uploadTime == "2016-07-01T00:00:00.000Z")
        #expect(sidecar.retrievedAt == "2016-07-02T00:00:00.000Z")
        var record = NewAcquisition()
        sidecar.fill(&record)
        #expect(record.platformUploader == "Ministry")
        #expect(record.sidecarJson == Data(json.utf8))
        #expect(record.sidecarSha256 == Hashing.sha256Hex(Data(json.utf8)))
    }

    @Test func theBytesAreKeptAsReadAndAFieldHoldingNulIsStoredAsSQLiteKeepsIt() throws {
        let bytes = Data([0xEF, 0xBB, 0xBF]) + Data(#"{"id":"x","title":"a\u0000b","uploader":"plain"}"#.utf8)
        let sidecar = try YtDlpSidecar.parse(bytes, path: "/x.info.json")
        var record = NewAcquisition()
        sidecar.fill(&record)
        #expect(record.sidecarJson == bytes)
        #expect(record.sidecarSha256 == Hashing.sha256Hex(bytes))
        #expect(record.platformTitle == "a\u{FFFD}b")
        #expect(record.platformUploader == "plain")
        #expect(YtDlpSidecar.json(bytes)?["title"] == .string("a\u{0}b"))
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
        try withTemporaryFolder { folder in
            try Data("{}".utf8).write(to: folder.appendingPathComponent("clip [abc].info.json"))
            #expect(YtDlpSidecar.besides(folder.appendingPathComponent("clip [abc].mp4").path) != nil)
            #expect(YtDlpSidecar.besides(folder.appendingPathComponent("other.mp4").path) == nil)
        }
    }
}
