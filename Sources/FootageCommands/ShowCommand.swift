import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation
import FootageCore

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Everything recorded about one clip.")

    @Argument(help: "The clip: SHA-256, a unique prefix of 6+ hex digits, or the path of a registered file.")
    var ref: String
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let detail = try catalog.detail(of: try catalog.clip(matching: ref))
        let events = try catalog.ledgerEvents(subject: detail.clip.sha256)
        let keyframes = try catalog.keyframes(clipId: detail.clip.id)
        let extractions = try catalog.extractions(clipId: detail.clip.id)
        let shared = try SharedFootage.of(detail.clip, catalog: catalog)
        let assessments = try catalog.assessments(clipId: detail.clip.id)
        if output.json {
            var row = ClipJSON.detail(detail, events: events)
            row["keyframes"] = .array(keyframes.map { frame in
                var object = Output.object(frame, dropping: ["clip_id"])
                object["path"] = .string(catalog.root.appendingPathComponent(frame.path).path)
                return .object(object)
            })
            row["contact_sheets"] = .array(extractions.compactMap(\.sheetPath).map { .string(catalog.root.appendingPathComponent($0).path) })
            row["shares_footage_with"] = SharedFootageOutput.json(shared)
            // Oldest first; the last one stands.
            row["assessments"] = .array(assessments.map { .object(Output.object($0, dropping: ["clip_id", "clip_sha256"])) })
            Output.json(.object(row))
        } else {
            ClipText.print(detail, events: events)
            ClipText.keyframes(keyframes, extractions: extractions, root: catalog.root)
            SharedFootageOutput.print(shared)
            if let current = assessments.last {
                let label = current.category.label
                Output.line("assessment: \(label) (\(current.createdBy), \(current.createdAt))"
                    + (current.note.map { ": \(Output.safe($0))" } ?? "")
                    + (assessments.count > 1 ? "  [\(assessments.count - 1) earlier]" : ""))
            }
        }
    }
}

/// A clip's detail as one JSON object.
enum ClipJSON {
    static func detail(_ detail: ClipDetail, events: [LedgerEvent]) -> [String: JSONValue] {
        var row = Output.object(detail.clip, dropping: ["probe_json", "warnings"])
        row["warnings"] = .array(detail.clip.warningList.map(JSONValue.string))
        row["probe"] = (try? JSONValue(parsing: detail.clip.probeJson)) ?? .null
        row["locations"] = .array(detail.locations.map { .object(Output.object($0)) })
        row["streams"] = .array(detail.streams.map { .object(Output.object($0)) })
        row["tags"] = .array(detail.tags.map { .object(Output.object($0, dropping: ["id", "clip_id"])) })
        row["acquisitions"] = .array(detail.acquisitions.map { acquisition in
            var object = Output.object(acquisition, dropping: ["sidecar_json"])
            object["sidecar"] = acquisition.sidecarJson.flatMap { try? JSONValue(parsing: $0) } ?? .null
            return .object(object)
        })
        row["events"] = .array(events.map { .object(["seq": .int($0.seq), "action": .string($0.action.rawValue),
                                                     "time": .string($0.time), "hash": .string($0.hash)]) })
        return row
    }
}

/// A clip's detail for people.
enum ClipText {
    static func print(_ detail: ClipDetail, events: [LedgerEvent]) {
        let clip = detail.clip
        func field(_ name: String, _ value: String?) {
            if let value, !value.trimmingCharacters(in: .whitespaces).isEmpty { Output.line(name.padding(toLength: 15, withPad: " ", startingAt: 0) + value) }
        }
        field("clip", clip.sha256)
        field("size", "\(Output.bytes(clip.size)) (\(clip.size) bytes)")
        field("container", clip.formatName)
        field("duration", Output.duration(clip.duration))
        field("title", Output.safe(clip.title))
        field("created", clip.creationTime.map { "\($0) (from \(clip.creationTimeSource ?? "?"))" })
        if let lat = clip.latitude, let lon = clip.longitude {
            let alt = clip.altitude.map { String(format: ", %.1f m", $0) } ?? ""
            field("place", String(format: "%.5f, %.5f", lat, lon) + alt + " (from \(clip.locationSource ?? "?"))")
        }
        field("camera", [clip.make, clip.model].compactMap { $0 }.map(Output.safe).joined(separator: " "))
        field("software", Output.safe(clip.software))
        field("rotation", clip.rotation.map { "\(Int($0))°" })
        field("registered", "\(clip.registeredAt) by \(Output.safe(clip.registeredBy))")
        for warning in clip.warningList { field("warning", Output.safe(warning)) }
        Output.line("")
        Output.line("streams")
        for s in detail.streams {
            let size = s.width.flatMap { w in s.height.map { "\(w)x\($0)" } }
            let audio = s.sampleRate.map { "\($0) Hz" }
            let parts = [s.codecType, s.codecName, s.profile, size, s.pixFmt, s.frameRate.map { "\($0) fps" }, audio,
                         s.channelLayout, s.language, s.rotation.map { "rotation \(Int($0))°" }]
            Output.line("  #\(s.streamIndex) " + parts.compactMap { $0 }.map(Output.safe).joined(separator: "  "))
        }
        Output.line("")
        Output.line("locations")
        for l in detail.locations {
            let kind = l.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
            Output.line("  \(kind)\(Output.safe(l.path))  (\(l.firstSeen))")
        }
        for a in detail.acquisitions {
            Output.line("")
            Output.line("acquisition (recorded \(a.recordedAt) by \(Output.safe(a.recordedBy)))")
            let analyst: [(String, String?)] = [("publisher", a.publisher), ("platform", a.platform), ("url", a.url),
                ("published", a.published), ("retrieved", a.retrieved), ("retrieved by", a.retrievedBy), ("note", a.note)]
            for (name, value) in analyst { field("  " + name, Output.safe(value)) }
            if a.sidecarSha256 != nil {
                Output.line("  the platform said (from \(Output.safe(a.sidecarPath)), not verified):")
                let platform: [(String, String?)] = [("url", a.platformUrl), ("site", a.platformExtractor),
                    ("video id", a.platformVideoId), ("uploader", a.platformUploader), ("channel", a.platformChannel),
                    ("uploaded", a.platformUploadTime), ("title", a.platformTitle), ("fetched", a.platformRetrievedAt)]
                for (name, value) in platform { field("    " + name, Output.safe(value)) }
                field("    sidecar", a.sidecarSha256)
            }
        }
        if !detail.tags.isEmpty {
            Output.line("")
            Output.line("tags (verbatim)")
            for t in detail.tags { Output.line("  \(t.scope)  \(Output.safe(t.key)) = \(Output.safe(t.value))") }
        }
        Output.line("")
        Output.line("ledger")
        for e in events { Output.line("  \(e.seq)  \(e.time)  \(e.action)  \(Output.short(e.hash))") }
    }

    static func keyframes(_ frames: [KeyframeRecord], extractions: [ExtractionRecord], root: URL) {
        guard !extractions.isEmpty else { return }
        Output.line("")
        Output.line("keyframes")
        for extraction in extractions {
            let mine = frames.filter { $0.extractionId == extraction.id }
            Output.line("  \(extraction.mode) (\(mine.count), \(extraction.createdAt)) \(root.appendingPathComponent(extraction.folder).path)")
            for f in mine {
                let score = f.score.map { String(format: "  score %.2f", $0) } ?? ""
                Output.line("    \(TimeText.format(f.time))  pts \(f.pts)@\(f.timeBase)  \(f.width)x\(f.height)  pdq \(f.pdq.prefix(16))… q\(f.quality)\(score)  \((f.path as NSString).lastPathComponent)")
            }
            if let sheet = extraction.sheetPath { Output.line("    contact sheet: \(root.appendingPathComponent(sheet).path)") }
        }
    }
}
