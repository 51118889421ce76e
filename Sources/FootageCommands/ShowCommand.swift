import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import Foundation

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Everything recorded about one clip.")

    @Argument(help: "The clip: SHA-256, a unique prefix of 6+ hex digits, or the path of a registered file.")
    var ref: String
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open(.read)
        let overview = try ClipOverview.of(ref, catalog: catalog)
        if output.json { return Output.row(ClipDetailRow(overview)) }
        if let given = overview.titles.last {
            Output.line(
                "given title    \(Output.safe(given.title)) (\(Output.safe(given.createdBy)), \(given.createdAt))")
        }
        ClipText.print(overview.detail, events: overview.events)
        ClipText.keyframes(overview.keyframes, extractions: overview.extractions, root: overview.root)
        SharedFootageOutput.print(overview.shared)
        if let credentials = overview.credentials {
            Output.line("")
            Output.line("content credentials (C2PA, recorded \(credentials.recordedAt))")
            ProbeText.print(CredentialsRow(credentials))
        }
        if let current = overview.assessments.last {
            let label = current.category.label
            Output.line(
                "assessment: \(label) (\(current.createdBy), \(current.createdAt))"
                    + (current.note.map { ": \(Output.safe($0))" } ?? "")
                    + (overview.assessments.count > 1 ? "  [\(overview.assessments.count - 1) earlier]" : ""))
        }
    }
}

/// A clip's detail for people.
enum ClipText {
    static func print(_ detail: ClipDetail, events: [LedgerEvent]) {
        let clip = detail.clip
        func field(_ name: String, _ value: String?) {
            if let value, !value.trimmingCharacters(in: .whitespaces).isEmpty {
                Output.line(name.padding(toLength: 15, withPad: " ", startingAt: 0) + value)
            }
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
            let parts = [
                s.codecType, s.codecName, s.profile, size, s.pixFmt, s.frameRate.map { "\($0) fps" }, audio,
                s.channelLayout, s.language, s.rotation.map { "rotation \(Int($0))°" },
            ]
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
            let analyst: [(String, String?)] = [
                ("publisher", a.publisher), ("platform", a.platform), ("url", a.url),
                ("published", a.published), ("retrieved", a.retrieved), ("retrieved by", a.retrievedBy),
                ("note", a.note),
            ]
            for (name, value) in analyst { field("  " + name, Output.safe(value)) }
            if let tool = a.fetchTool {
                Output.line("  fetched by footage with \(Output.safe(tool)):")
                let fetched: [(String, String?)] = [
                    ("asked for", a.fetchUrl), ("resolved", a.fetchResolvedUrl), ("media", a.fetchMediaUrl),
                    ("extractor", a.fetchExtractor), ("at", a.fetchedAt),
                ]
                for (name, value) in fetched { field("    " + name, Output.safe(value)) }
            }
            if a.sidecarSha256 != nil {
                let source = a.sidecarPath ?? "yt-dlp's .info.json of the fetch, kept in the catalogue"
                Output.line("  the platform said (from \(Output.safe(source)), not verified):")
                let platform: [(String, String?)] = [
                    ("url", a.platformUrl), ("site", a.platformExtractor),
                    ("video id", a.platformVideoId), ("uploader", a.platformUploader), ("channel", a.platformChannel),
                    ("uploaded", a.platformUploadTime), ("title", a.platformTitle), ("fetched", a.platformRetrievedAt),
                ]
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
            Output.line(
                "  \(extraction.mode) (\(mine.count), \(extraction.createdAt)) "
                    + "\(root.appendingPathComponent(extraction.folder).path)"
            )
            for f in mine {
                let score = f.score.map { String(format: "  score %.2f", $0) } ?? ""
                Output.line(
                    "    \(TimeText.format(f.time))  pts \(f.pts)@\(f.timeBase)  \(f.width)x\(f.height)  "
                        + "pdq \(f.pdq.prefix(16))… q\(f.quality)\(score)  \((f.path as NSString).lastPathComponent)"
                )
            }
            if let sheet = extraction.sheetPath {
                Output.line("    contact sheet: \(root.appendingPathComponent(sheet).path)")
            }
        }
    }
}
