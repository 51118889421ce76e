import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import FootageWorkers
import Foundation

struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show container and stream metadata of files without registering them.",
        discussion: """
            --json prints one object per file with ffprobe's field names and a `footage` object of normalised \
            fields. It has no --catalog: it reads files, never a catalogue.
            """)

    @Argument(help: "Media files.") var files: [String]
    @OptionGroup var output: OutputOptions

    func run() throws {
        var failed = false
        let notice = CredentialsNotice()
        for file in files {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            do {
                let (probe, credentials) = try MediaRunner.examine(path: path)
                notice.note(credentials)
                if output.json {
                    Output.row(ProbeRow(probe: probe, c2pa: CredentialsRow(credentials)))
                } else {
                    ProbeText.print(probe, path: path)
                    ProbeText.print(CredentialsRow(credentials))
                }
            } catch {
                failed = true
                Output.error(Output.safe(FootageErrors.message(error, path: path)))
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// A probe for people: the container, each stream, the normalised fields and the warnings.
enum ProbeText {
    static func print(_ probe: ProbeResult, path: String) {
        let format = probe.format
        let footage = probe.footage
        Output.line(Output.safe(path))
        Output.line(
            "  container  \(format.formatName)  \(Output.duration(format.duration))  "
                + "\(format.size.map(Output.bytes) ?? "-")  \(format.bitRate.map { "\($0 / 1000) kb/s" } ?? "")")
        for s in probe.streams {
            let size = s.width.flatMap { w in s.height.map { "\(w)x\($0)" } }
            let rate = s.codecType == "video" ? "\(s.avgFrameRate) fps" : s.sampleRate.map { "\($0) Hz" }
            let parts = [
                s.codecType, s.codecName, s.profile, size, s.pixFmt, rate, s.channelLayout,
                s.displayRotation.map { "rotation \(Int($0))°" },
            ]
            Output.line("  #\(s.index) " + parts.compactMap { $0 }.map(Output.safe).joined(separator: "  "))
        }
        if let created = footage.creationTime {
            Output.line("  created    \(created) (\(footage.creationTimeTag ?? "?"))")
        }
        if let place = footage.location {
            Output.line(
                "  place      \(place.latitude), \(place.longitude)"
                    + "\(place.altitude.map { ", \($0) m" } ?? "") (\(Output.safe(place.tag)))"
            )
        }
        let camera = [footage.make, footage.model].compactMap { $0 }.map(Output.safe).joined(separator: " ")
        if !camera.isEmpty { Output.line("  camera     \(camera)") }
        if let software = footage.software ?? footage.encoder { Output.line("  software   \(Output.safe(software))") }
        for warning in footage.warnings { Output.line("  warning    \(Output.safe(warning))") }
    }

    /// The C2PA manifest store in brief, in the same columns (shared with `show`).
    static func print(_ credentials: CredentialsRow) {
        for (label, text) in credentials.lines {
            Output.line("  \(label.padding(toLength: 10, withPad: " ", startingAt: 0)) \(Output.safe(text))")
        }
    }
}

/// `probe --json`'s line: ffprobe's fields and footage's, and `c2pa`, the manifest store in brief.
struct ProbeRow: Encodable {
    var probe: ProbeResult
    var c2pa: CredentialsRow

    enum CodingKeys: String, CodingKey { case c2pa }

    func encode(to encoder: any Encoder) throws {
        try probe.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(c2pa, forKey: .c2pa)
    }
}
