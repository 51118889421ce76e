import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

@Suite struct ProbeTests {
    @Test func theMinistryUploadIsH264AndAACInMP4() throws {
        let result = try Probe.probe(path: Samples.ministryUpload)
        #expect(result.format.formatName == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(result.format.nbStreams == 2)
        #expect(abs((result.format.duration ?? 0) - 30) < 0.05)
        #expect(result.format.tags?["creation_time"] == "2017-06-21T14:05:09.000000Z")
        #expect(result.format.tags?["location"] == "+33.3486+043.7834/")
        let video = try #require(result.firstStream(ofType: "video"))
        #expect(video.codecName == "h264")
        #expect(video.width == 640 && video.height == 360)
        #expect(video.rFrameRate == "25/1")
        #expect(video.pixFmt == "yuv420p")
        let audio = try #require(result.firstStream(ofType: "audio"))
        #expect(audio.codecName == "aac")
        #expect(audio.sampleRate == 48000)
        #expect(audio.channels == 2)
    }

    @Test func thePentagonReleaseIsVP9AndOpusInWebM() throws {
        let result = try Probe.probe(path: Samples.pentagonRelease)
        #expect(result.format.formatName == "matroska,webm")
        #expect(result.format.tags?["title"] == "Strike on a vehicle convoy (released footage)")
        let video = try #require(result.firstStream(ofType: "video"))
        #expect(video.codecName == "vp9")
        #expect(video.width == 480 && video.height == 270)
        #expect(result.firstStream(ofType: "audio")?.codecName == "opus")
    }

    @Test func theHandheldClipCarriesADisplayRotation() throws {
        let result = try Probe.probe(path: Samples.handheldRotated)
        let video = try #require(result.firstStream(ofType: "video"))
        #expect(video.displayRotation.map { abs($0) } == 90)
        #expect(result.footage.displayRotation == video.displayRotation)
    }

    @Test func jsonUsesFFprobeNamesWithTypedValues() throws {
        let result = try Probe.probe(path: Samples.ministryUpload)
        let json = try #require(try JSONSerialization.jsonObject(with: result.jsonData()) as? [String: Any])
        #expect(Set(json.keys) == ["format", "streams", "footage"])
        let format = try #require(json["format"] as? [String: Any])
        #expect(format["format_name"] as? String == "mov,mp4,m4a,3gp,3g2,mj2")
        #expect(format["duration"] is NSNumber)
        #expect(format["nb_streams"] as? Int == 2)
        let streams = try #require(json["streams"] as? [[String: Any]])
        #expect(streams[0]["codec_type"] as? String == "video")
        #expect(streams[0]["width"] as? Int == 640)
        #expect(streams[0]["r_frame_rate"] as? String == "25/1")
        #expect(streams[1]["sample_rate"] as? Int == 48000)
        #expect(streams[1]["width"] == nil, "absent fields are omitted")
        let footage = try #require(json["footage"] as? [String: Any])
        #expect(footage["creation_time"] as? String == "2017-06-21T14:05:09Z")
    }

    @Test func jsonIsDeterministicAndReadsBack() throws {
        let result = try Probe.probe(path: Samples.handheldRotated)
        let first = try result.jsonData()
        #expect(try Probe.probe(path: Samples.handheldRotated).jsonData() == first)
        #expect(try ProbeResult.decode(json: first) == result)
    }

    @Test func libraryVersionsAreDotted() {
        let versions = FFmpegLibrary.versions
        for version in [versions.avformat, versions.avcodec, versions.avutil, versions.swscale] {
            #expect(version.split(separator: ".").count == 3)
        }
        #expect(!FFmpegLibrary.versionInfo.isEmpty)
    }

    @Test func aTimeoutOfZeroStopsTheProbe() {
        var options = InputOptions.probing
        options.timeout = 0
        let error = mediaError { try Probe.probe(path: Samples.ministryUpload, options: options) }
        #expect(error?.kind == .timedOut)
        #expect(error?.description.contains("timed out") == true)
    }
}
