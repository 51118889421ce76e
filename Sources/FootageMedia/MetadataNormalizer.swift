import Foundation

/// Turns raw container and stream tags into `NormalizedMetadata`.
///
/// Which tags are read, in order of preference:
/// - creation time: `com.apple.quicktime.creationdate` (capture time with the local offset, written by
///   the camera), then the container's `creation_time`, `date`, then each stream's `creation_time`.
///   The QuickTime zero date (1904-01-01) and the Unix epoch mean "never set" and are skipped with a warning.
/// - location: `com.apple.quicktime.location.ISO6709`, `location`, `location-eng` (ISO 6709).
/// - make/model: `com.apple.quicktime.make|model`, `make|model`, `com.android.manufacturer|model`.
/// - software: `com.apple.quicktime.software`, `software`, `com.android.version`; encoder: `encoder`.
///
/// Tags are matched ignoring case (Matroska writes them upper-case). Values are kept verbatim; they come
/// from an untrusted file and must be escaped wherever they are shown.
///
/// Warnings also name what the file's structure says about it: encrypted streams, a container duration that is the
/// all-ones "unknown" value, a creation time later than the moment the file is read.
public enum MetadataNormalizer {
    /// How far ahead of the clock a creation time may be before it is called the future: a camera that writes local
    /// time as UTC is up to 14 hours ahead.
    static let futureTolerance: Double = 86_400

    /// - Parameters:
    ///   - encryption: the encryption found in each stream's packets, by stream index.
    ///   - now: the moment the file is read, for the future-creation-time warning.
    public static func normalize(
        format: FormatInfo, streams: [StreamInfo], encryption: [Int: StreamEncryption] = [:], now: Date = Date()
    ) -> NormalizedMetadata {
        var result = NormalizedMetadata()
        var warnings: [String] = []
        let tags = format.tags ?? [:]

        if !encryption.isEmpty {
            let encrypted = encryption.keys.sorted().map {
                NormalizedMetadata.EncryptedStream(stream: $0, encryption[$0]!)
            }
            result.encryptedStreams = encrypted
            let described = Set(encryption.values.map(\.summary)).sorted().joined(separator: "; ")
            warnings.append(
                "encrypted (\(described)): the pictures and sound cannot be decoded without the key, "
                    + "so no keyframe or fingerprint can be taken from this file")
        }
        readCreationTime(tags: tags, streams: streams, duration: format.duration, into: &result, warnings: &warnings)
        if let created = result.creationTime.flatMap(MetadataTimestamp.init), let tag = result.creationTimeTag,
            created.secondsSinceEpoch > now.timeIntervalSince1970 + futureTolerance
        {
            warnings.append(
                "creation time \(created.iso8601) (\(tag)) is in the future: the camera's clock was wrong "
                    + "or the metadata was edited")
        }
        if let sentinel = allOnesDuration(format: format, streams: streams) { warnings.append(sentinel) }
        readLocation(tags: tags, into: &result, warnings: &warnings)

        result.make = firstValue(tags, ["com.apple.quicktime.make", "make", "com.android.manufacturer"])?.value
        result.model = firstValue(tags, ["com.apple.quicktime.model", "model", "com.android.model"])?.value
        result.software = firstValue(tags, ["com.apple.quicktime.software", "software", "com.android.version"])?.value
        result.encoder = firstValue(tags, ["encoder"])?.value
        result.title = firstValue(tags, ["title"])?.value

        var handlers: [String] = []
        for stream in streams {
            if let handler = firstValue(stream.tags ?? [:], ["handler_name"])?.value, !handlers.contains(handler) {
                handlers.append(handler)
            }
        }
        result.handlerNames = handlers
        result.displayRotation = streams.first { $0.codecType == "video" && $0.displayRotation != nil }?.displayRotation

        if let encoder = result.encoder, encoder.hasPrefix("Lavf") {
            warnings.append(
                "re-encoded or remuxed by FFmpeg-based software (encoder \(encoder)): "
                    + "original camera metadata is likely stripped")
        }
        if handlers.contains(where: { $0.contains("Google") }) {
            warnings.append(
                "file produced by Google's (YouTube's) pipeline: a platform re-encode, "
                    + "upload metadata stripped")
        }
        result.warnings = warnings
        return result
    }

    /// A warning when the container's duration is the all-ones 32-bit value (2^32 − 1 ticks, which ISO base media
    /// files use for "unknown") at some timescale, while its streams last far less: e.g. 143,165.6 s at 30,000 ticks
    /// a second. Ranges checked against such a duration would reach far past the footage.
    static func allOnesDuration(format: FormatInfo, streams: [StreamInfo]) -> String? {
        guard let duration = format.duration, duration > 0 else { return nil }
        let timescale = Double(UInt32.max) / duration
        guard timescale >= 1, timescale <= 1_000_000, abs(timescale - timescale.rounded()) < 0.01 else { return nil }
        let longest = streams.compactMap(\.duration).max()
        if let longest, longest > duration / 2 { return nil }
        let streamsSay = longest.map { String(format: "its streams last %.1f s", $0) } ?? "its streams give no length"
        return String(
            format: "the container's duration (%.1f s) is the all-ones value 2^32 − 1 at %.0f ticks a "
                + "second, which means unknown; %@", duration, timescale.rounded(), streamsSay)
    }

    private static func readCreationTime(
        tags: [String: String], streams: [StreamInfo], duration: Double?,
        into result: inout NormalizedMetadata, warnings: inout [String]
    ) {
        var candidates: [(tag: String, raw: String)] = []
        for key in ["com.apple.quicktime.creationdate", "creation_time", "date"] {
            if let found = firstValue(tags, [key]) { candidates.append((found.key, found.value)) }
        }
        for stream in streams {
            if let found = firstValue(stream.tags ?? [:], ["creation_time"]) {
                candidates.append(("streams[\(stream.index)].\(found.key)", found.value))
            }
        }
        var chosen: (tag: String, time: MetadataTimestamp)?
        var epochWarned = false
        for candidate in candidates {
            guard let time = MetadataTimestamp(candidate.raw) else {
                warnings.append(
                    "\(candidate.tag) \"\(candidate.raw)\" is not a date-time FootageMedia can read; ignored")
                continue
            }
            if let epoch = time.unsetEpochName {
                if !epochWarned {
                    warnings.append(
                        "creation time \(time.iso8601) (\(candidate.tag)) is \(epoch): "
                            + "the field was never set, it is not when the footage was made")
                    epochWarned = true
                }
                continue
            }
            if let chosen {
                // A camera's capture date and the container's date normally differ by about the clip's length.
                let gap = abs(chosen.time.secondsSinceEpoch - time.secondsSinceEpoch)
                if !candidate.tag.hasPrefix("streams["), gap > (duration ?? 0) + 120 {
                    warnings.append(
                        "\(chosen.tag) (\(chosen.time.iso8601)) and \(candidate.tag) (\(time.iso8601)) "
                            + "disagree: the file may have been edited or exported after it was recorded")
                }
                continue
            }
            chosen = (candidate.tag, time)
        }
        if let chosen {
            result.creationTime = chosen.time.iso8601
            result.creationTimeTag = chosen.tag
            if !chosen.time.hadZone {
                warnings.append("\(chosen.tag) has no time zone; it was read as UTC")
            }
        } else if !epochWarned {
            warnings.append("no creation time in the metadata: when the footage was made cannot be read from the file")
        }
    }

    private static func readLocation(
        tags: [String: String], into result: inout NormalizedMetadata, warnings: inout [String]
    ) {
        for key in ["com.apple.quicktime.location.ISO6709", "location", "location-eng"] {
            guard let found = firstValue(tags, [key]) else { continue }
            guard let point = ISO6709(found.value) else {
                warnings.append("\(found.key) \"\(found.value)\" is not an ISO 6709 location; ignored")
                continue
            }
            if result.location == nil {
                result.location = NormalizedMetadata.Location(
                    latitude: point.latitude, longitude: point.longitude, altitude: point.altitude,
                    tag: found.key, raw: found.value
                )
            }
        }
    }

    /// The first of `keys` present in `tags` with a non-empty value: exact key first, then ignoring case.
    private static func firstValue(_ tags: [String: String], _ keys: [String]) -> (key: String, value: String)? {
        for key in keys {
            if let value = tags[key], !value.trimmingSpaces().isEmpty { return (key, value) }
            let lowered = key.lowercased()
            if let match = tags.filter({ $0.key.lowercased() == lowered && !$0.value.trimmingSpaces().isEmpty })
                .min(by: { $0.key < $1.key })
            {
                return (match.key, match.value)
            }
        }
        return nil
    }
}
