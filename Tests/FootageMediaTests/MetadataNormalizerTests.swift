import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

@Suite struct MetadataNormalizerTests {
    private func normalize(format tags: [String: String], streams: [[String: String]] = [], duration: Double = 10)
        -> NormalizedMetadata
    {
        let format = FormatInfo(
            filename: "clip.mp4", nbStreams: streams.count, nbPrograms: 0, formatName: "mov,mp4,m4a,3gp,3g2,mj2",
            formatLongName: nil, startTime: 0, duration: duration, size: 1, bitRate: nil, probeScore: 100,
            tags: tags.isEmpty ? nil : tags
        )
        let streamInfos = streams.enumerated().map { index, tags in
            var stream = StreamInfo(index: index)
            stream.codecType = index == 0 ? "video" : "audio"
            stream.tags = tags
            return stream
        }
        return MetadataNormalizer.normalize(format: format, streams: streamInfos)
    }

    @Test func theMinistryUploadReadsAsAYouTubeReencode() throws {
        let footage = try Probe.probe(path: Samples.ministryUpload).footage
        #expect(footage.creationTime == "2017-06-21T14:05:09Z")
        #expect(footage.creationTimeTag == "creation_time")
        let location = try #require(footage.location)
        #expect(location.latitude == 33.3486 && location.longitude == 43.7834)
        #expect(location.tag == "com.apple.quicktime.location.ISO6709")
        #expect(footage.encoder == "Lavf59.27.100" || footage.encoder?.hasPrefix("Lavf") == true)
        #expect(footage.handlerNames == ["ISO Media file produced by Google Inc."])
        #expect(
            footage.warnings.contains { $0.hasPrefix("re-encoded or remuxed by FFmpeg-based software (encoder Lavf") })
        #expect(
            footage.warnings.contains {
                $0 == "file produced by Google's (YouTube's) pipeline: a platform re-encode, upload metadata stripped"
            })
    }

    @Test func theHandheldClipReadsAsAPhoneRecording() throws {
        let footage = try Probe.probe(path: Samples.handheldRotated).footage
        #expect(footage.creationTime == "2023-05-02T06:41:07Z")
        #expect(footage.creationTimeTag == "com.apple.quicktime.creationdate")
        #expect(footage.make == "Apple")
        #expect(footage.model == "iPhone 12")
        #expect(footage.software == "16.5.1")
        #expect(footage.location?.altitude == 221)
        #expect(footage.displayRotation.map { abs($0) } == 90)
    }

    @Test func aFileWithoutDatesSaysSo() throws {
        let footage = try Probe.probe(path: Samples.checkpointCCTV).footage
        #expect(footage.creationTime == nil)
        #expect(
            footage.warnings == [
                "no creation time in the metadata: when the footage was made cannot be read from the file"
            ])
    }

    @Test(arguments: ["1904-01-01T00:00:00.000000Z", "1970-01-01T00:00:00.000000Z", "1970-01-01T03:00:00+0300"])
    func epochDatesMeanUnset(_ raw: String) {
        let footage = normalize(format: ["creation_time": raw])
        #expect(footage.creationTime == nil)
        #expect(footage.warnings.count == 1)
        #expect(footage.warnings[0].contains("the field was never set"))
    }

    @Test func anEpochFormatDateFallsBackToTheStreamDate() {
        let footage = normalize(
            format: ["creation_time": "1904-01-01T00:00:00.000000Z"],
            streams: [["creation_time": "2019-03-04T05:06:07.000000Z"]]
        )
        #expect(footage.creationTime == "2019-03-04T05:06:07Z")
        #expect(footage.creationTimeTag == "streams[0].creation_time")
        #expect(footage.warnings.count == 1)
    }

    @Test func aDateWithoutZoneIsReadAsUTCAndSaysSo() {
        let footage = normalize(format: ["date": "2021-11-05 17:20:00"])
        #expect(footage.creationTime == "2021-11-05T17:20:00Z")
        #expect(footage.creationTimeTag == "date")
        #expect(footage.warnings == ["date has no time zone; it was read as UTC"])
    }

    @Test func disagreeingDatesAreFlagged() {
        let footage = normalize(format: [
            "com.apple.quicktime.creationdate": "2023-05-02T09:41:07+0300",
            "creation_time": "2024-01-01T00:00:00.000000Z",
        ])
        #expect(footage.creationTime == "2023-05-02T06:41:07Z")
        #expect(footage.warnings.contains { $0.contains("disagree") })
    }

    @Test func hostileTagsAreIgnoredWithAWarning() {
        let footage = normalize(format: [
            "creation_time": "yesterday'; DROP TABLE clips; --",
            "location": "+99.0000+999.0000/",
            "location-eng": "+33.3486+043.7834/",
        ])
        #expect(footage.creationTime == nil)
        #expect(footage.location?.tag == "location-eng")
        #expect(
            footage.warnings.contains { $0.hasPrefix("location \"+99.0000+999.0000/\" is not an ISO 6709 location") })
        #expect(footage.warnings.contains { $0.hasPrefix("creation_time ") && $0.hasSuffix("ignored") })
    }

    @Test func matroskaUpperCaseTagsAreRead() {
        let footage = normalize(format: ["ENCODER": "Lavf58.76.100", "TITLE": "Convoy"])
        #expect(footage.encoder == "Lavf58.76.100")
        #expect(footage.title == "Convoy")
        #expect(
            footage.warnings.contains {
                $0
                    == "re-encoded or remuxed by FFmpeg-based software (encoder Lavf58.76.100): "
                    + "original camera metadata is likely stripped"
            })
    }

    @Test func jsonKeysAreSnakeCase() throws {
        let footage = normalize(
            format: ["creation_time": "2017-06-21T14:05:09Z", "location": "+4230-07130/"],
            streams: [["handler_name": "VideoHandler"]])
        let data = try JSONEncoder().encode(footage)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["creation_time"] as? String == "2017-06-21T14:05:09Z")
        #expect(json["creation_time_tag"] as? String == "creation_time")
        #expect(json["handler_names"] as? [String] == ["VideoHandler"])
        #expect((json["location"] as? [String: Any])?["latitude"] as? Double == 42.5)
    }

    @Test(arguments: [
        ("2017-06-21T14:05:09.000000Z", "2017-06-21T14:05:09Z"),
        ("2017-06-21T14:05:09.250Z", "2017-06-21T14:05:09.250Z"),
        ("2023-05-02T09:41:07+0300", "2023-05-02T06:41:07Z"),
        ("2023-05-02T09:41:07-04:30", "2023-05-02T14:11:07Z"),
        ("2020:02:29 23:59:59", "2020-02-29T23:59:59Z"),
        ("2000-01-01T00:30:00+01:00", "1999-12-31T23:30:00Z"),
    ])
    func timestampsNormaliseToUTC(_ raw: String, _ expected: String) throws {
        #expect(try #require(MetadataTimestamp(raw)).iso8601 == expected)
    }

    @Test(arguments: [
        "2017", "2017-06-21", "2019-02-29T00:00:00Z", "2017-13-01T00:00:00Z", "2017-06-21T25:00:00Z",
        "2017-06-21T14:05:09+9900", "2017-06-21T14:05:09Zjunk", "2017/06/21 14:05:09",
    ])
    func malformedTimestampsAreRejected(_ raw: String) {
        #expect(MetadataTimestamp(raw) == nil)
    }
}
