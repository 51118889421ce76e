import FootageCatalog
import FootageMedia
import FootageWorkers
import Foundation

/// Turns what FootageMedia read from a file into catalogue records.
enum ClipMapping {
    static func registration(
        _ inspection: MediaInspection, locations: [(path: String, kind: LocationKind)],
        acquisition: NewAcquisition?
    ) -> ClipRegistration {
        let probe = inspection.probe
        let json = (try? probe.jsonData()).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        var clip = NewClip(sha256: inspection.sha256, size: inspection.size, probeJson: json)
        let video = probe.firstStream(ofType: "video")
        let audio = probe.firstStream(ofType: "audio")
        let footage = probe.footage
        clip.formatName = probe.format.formatName
        clip.duration = probe.format.duration ?? video?.duration
        clip.bitRate = probe.format.bitRate
        clip.width = video?.width
        clip.height = video?.height
        clip.videoCodec = video?.codecName
        clip.audioCodec = audio?.codecName
        clip.frameRate = video.map { $0.avgFrameRate != "0/0" ? $0.avgFrameRate : $0.rFrameRate }
        clip.title = footage.title
        clip.creationTime = footage.creationTime
        clip.creationTimeSource = footage.creationTimeTag
        clip.latitude = footage.location?.latitude
        clip.longitude = footage.location?.longitude
        clip.altitude = footage.location?.altitude
        clip.locationSource = footage.location?.tag
        clip.make = footage.make
        clip.model = footage.model
        clip.software = footage.software ?? footage.encoder
        clip.rotation = footage.displayRotation
        clip.warnings = JSONValue.array(footage.warnings.map(JSONValue.string)).canonicalText

        let streams = probe.streams.map { info in
            var stream = StreamRecord(streamIndex: info.index)
            stream.codecType = info.codecType
            stream.codecName = info.codecName
            stream.profile = info.profile
            stream.width = info.width
            stream.height = info.height
            stream.pixFmt = info.pixFmt
            stream.frameRate = info.codecType == "video" ? info.avgFrameRate : nil
            stream.timeBase = info.timeBase
            stream.duration = info.duration
            stream.nbFrames = info.nbFrames
            stream.sampleRate = info.sampleRate
            stream.channels = info.channels
            stream.channelLayout = info.channelLayout
            stream.language = info.tags?["language"]
            stream.rotation = info.displayRotation
            return stream
        }
        var tags = (probe.format.tags ?? [:]).sorted { $0.key < $1.key }
            .map { NewTag(scope: "format", key: $0.key, value: $0.value) }
        for info in probe.streams {
            tags += (info.tags ?? [:]).sorted { $0.key < $1.key }
                .map { NewTag(scope: "stream:\(info.index)", key: $0.key, value: $0.value) }
        }
        let library = MediaRunner.library
        let details: [String: JSONValue] = [
            "footage_version": .string(FootageVersion.string),
            "libav": .string(library.versionInfo),
            "libav_versions": Self.json(library.versions),
            "streams": .array(
                probe.streams.map { s in
                    [
                        "index": .int(Int64(s.index)), "codec_type": .optional(s.codecType),
                        "codec_name": .optional(s.codecName),
                    ]
                }),
        ]
        var registration = ClipRegistration(
            clip: clip, streams: streams, tags: tags, locations: locations,
            acquisition: acquisition, details: details)
        registration.credentials = inspection.credentials.record
        return registration
    }

    static func json<T: Encodable>(_ value: T) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else { return .null }
        return (try? JSONValue(parsing: String(decoding: data, as: UTF8.self))) ?? .null
    }
}
