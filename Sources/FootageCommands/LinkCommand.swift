import ArgumentParser
import FootageCatalog
import FootageCore
import FootageKit
import Foundation

extension Stance: ExpressibleByArgument {}
extension Confidence: ExpressibleByArgument {}

/// A time argument: seconds, MM:SS(.mmm) or HH:MM:SS(.mmm).
struct TimeArgument: ExpressibleByArgument {
    let seconds: Double
    init?(argument: String) {
        guard let seconds = TimeText.seconds(argument) else { return nil }
        self.seconds = seconds
    }
    static var defaultCompletionKind: CompletionKind { .default }
}

struct LinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Record that seconds of a clip support, contradict, give context to, or leave unclear a claim.",
        discussion: """
            The link records the clip's SHA-256, the time range (checked against the clip's duration), the \
            keyframes inside the range with their hashes, the analyst and the time, as a ledger event. \
            Without --from/--to the link covers the whole clip. Times: 12.5, 1:05, 0:01:05.250.
            """)

    @Argument(help: "The claim (C17).") var claim: String
    @Argument(help: "The clip: SHA-256, 6+ hex digits of it, or a registered path.") var ref: String
    @Option(help: "The stance: \(Stance.allCases.map(\.rawValue).joined(separator: ", ")).") var stance: Stance
    @Option(help: "Start of the range in the clip.") var from: TimeArgument?
    @Option(help: "End of the range in the clip.") var to: TimeArgument?
    @Option(help: "high, medium or low.") var confidence: Confidence = .medium
    @Option(help: "What the footage shows, in the analyst's words.") var note: String?
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let from, let to, to.seconds < from.seconds {
            throw ValidationError("--to (\(to.seconds) s) comes before --from (\(from.seconds) s)")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.open()
        let claim = try catalog.claim(matching: self.claim)
        let clip = try catalog.clip(matching: ref)
        let link = try catalog.link(
            claimId: claim.id, clip: clip, start: from?.seconds, end: to?.seconds,
            stance: stance, confidence: confidence, note: note,
            actor: analyst.name)
        if output.json {
            Output.row(LinkRow(link))
        } else {
            Output.line(
                "\(link.shortID): \(claim.shortID) \(link.stance) by clip \(Output.short(clip.sha256)) "
                    + "\(TimeText.format(link.start))–\(TimeText.format(link.end)) (\(link.confidence) confidence, "
                    + "\(link.keyframesValue.arrayCount) keyframes in range)")
        }
    }
}

struct UnlinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlink",
        abstract:
            "Retract an evidence link. The link stays in the record, marked retracted; "
            + "the retraction is a ledger event."
    )

    @Argument(help: "The link (L5).") var link: String
    @Option(help: "Why it is retracted.") var note: String?
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open()
        let found = try catalog.link(matching: link)
        let retracted = try catalog.retract(linkId: found.id, note: note, actor: analyst.name)
        if output.json {
            Output.row(LinkRow(retracted))
        } else {
            Output.line("\(retracted.shortID) retracted at \(retracted.retractedAt ?? "")")
        }
    }
}
