import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Compares Probe with `ffprobe -show_format -show_streams -of json` on every sample (when ffprobe is installed;
/// `make test` installs it).
@Suite(.enabled(if: ExternalTool.find("ffprobe") != nil, "ffprobe is not on PATH"))
struct FFprobeAgreementTests {
    @Test(arguments: Samples.all)
    func probeAgreesWithFFprobe(path: String) throws {
        let ffprobe = try #require(ExternalTool.find("ffprobe"))
        let shown = try ExternalTool.run(
            ffprobe, ["-v", "error", "-show_format", "-show_streams", "-of", "json", path])
        let data = Data(shown.stdout.utf8)
        let reference = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let referenceFormat = try #require(reference["format"] as? [String: Any])
        let referenceStreams = try #require(reference["streams"] as? [[String: Any]])
        let ours = try Probe.probe(path: path)

        #expect(ours.format.formatName == referenceFormat["format_name"] as? String)
        #expect(ours.format.formatLongName == referenceFormat["format_long_name"] as? String)
        #expect(ours.format.nbStreams == referenceFormat["nb_streams"] as? Int)
        #expect(ours.format.nbPrograms == referenceFormat["nb_programs"] as? Int)
        #expect(ours.format.probeScore == referenceFormat["probe_score"] as? Int)
        #expect(ours.format.size == number(referenceFormat["size"]).map { Int64($0) })
        #expect(ours.format.bitRate == number(referenceFormat["bit_rate"]).map { Int64($0) })
        expectClose(ours.format.duration, referenceFormat["duration"], "format duration")
        expectClose(ours.format.startTime, referenceFormat["start_time"], "format start_time")
        #expect(ours.format.tags ?? [:] == referenceFormat["tags"] as? [String: String] ?? [:])

        try #require(ours.streams.count == referenceStreams.count)
        for (stream, expected) in zip(ours.streams, referenceStreams) {
            #expect(stream.index == expected["index"] as? Int)
            #expect(stream.codecType == expected["codec_type"] as? String)
            #expect(stream.codecName == expected["codec_name"] as? String)
            #expect(stream.codecLongName == expected["codec_long_name"] as? String)
            #expect(stream.profile == expected["profile"] as? String)
            #expect(stream.codecTagString == expected["codec_tag_string"] as? String)
            #expect(stream.codecTag == expected["codec_tag"] as? String)
            #expect(stream.id == expected["id"] as? String)
            // ffprobe writes an unknown level as -99; Probe omits it.
            #expect(stream.level == (expected["level"] as? Int).flatMap { $0 == -99 ? nil : $0 })
            #expect(stream.hasBFrames == expected["has_b_frames"] as? Int)
            #expect(stream.chromaLocation == expected["chroma_location"] as? String)
            #expect(stream.bitsPerSample == expected["bits_per_sample"] as? Int)
            #expect(stream.bitsPerRawSample == number(expected["bits_per_raw_sample"]).map { Int($0) })
            #expect(stream.extradataSize == expected["extradata_size"] as? Int)
            #expect(stream.width == expected["width"] as? Int)
            #expect(stream.height == expected["height"] as? Int)
            #expect(stream.codedWidth == expected["coded_width"] as? Int)
            #expect(stream.codedHeight == expected["coded_height"] as? Int)
            #expect(stream.pixFmt == expected["pix_fmt"] as? String)
            #expect(stream.sampleAspectRatio == expected["sample_aspect_ratio"] as? String)
            #expect(stream.displayAspectRatio == expected["display_aspect_ratio"] as? String)
            #expect(stream.colorRange == expected["color_range"] as? String)
            #expect(stream.fieldOrder == expected["field_order"] as? String)
            #expect(stream.rFrameRate == expected["r_frame_rate"] as? String)
            #expect(stream.avgFrameRate == expected["avg_frame_rate"] as? String)
            #expect(stream.timeBase == expected["time_base"] as? String)
            #expect(stream.startPts == number(expected["start_pts"]).map { Int64($0) })
            #expect(stream.durationTs == number(expected["duration_ts"]).map { Int64($0) })
            expectClose(stream.startTime, expected["start_time"], "stream \(stream.index) start_time")
            expectClose(stream.duration, expected["duration"], "stream \(stream.index) duration")
            #expect(stream.bitRate == number(expected["bit_rate"]).map { Int64($0) })
            #expect(stream.nbFrames == number(expected["nb_frames"]).map { Int64($0) })
            #expect(stream.sampleFmt == expected["sample_fmt"] as? String)
            #expect(stream.sampleRate == number(expected["sample_rate"]).map { Int($0) })
            #expect(stream.channels == expected["channels"] as? Int)
            #expect(stream.channelLayout == expected["channel_layout"] as? String)
            #expect(stream.tags ?? [:] == expected["tags"] as? [String: String] ?? [:])
            #expect(stream.disposition ?? [:] == expected["disposition"] as? [String: Int] ?? [:])
            let referenceRotation = (expected["side_data_list"] as? [[String: Any]])?
                .first { $0["side_data_type"] as? String == "Display Matrix" }?["rotation"]
            #expect(stream.displayRotation == number(referenceRotation))
        }
    }

    /// ffprobe writes many numbers as strings ("30.000000"); both forms are read.
    private func number(_ value: Any?) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let text = value as? String { return Double(text) }
        return nil
    }

    private func expectClose(_ ours: Double?, _ reference: Any?, _ what: String) {
        let expected = number(reference)
        #expect(
            (ours == nil) == (expected == nil),
            "\(what): \(String(describing: ours)) vs \(String(describing: expected))")
        if let ours, let expected {
            #expect(abs(ours - expected) <= 0.001, "\(what): \(ours) vs \(expected)")
        }
    }
}
