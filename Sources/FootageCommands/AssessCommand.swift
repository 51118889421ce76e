import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

extension AssessmentCategory: ExpressibleByArgument {}

struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Record the analyst's judgement of what a clip is: original, or out of context, edited, staged…",
        discussion: """
            Categories (schema.org MediaAuthenticityCategory): original (OriginalMediaContent), decontextualized \
            (DecontextualizedContent), edited (EditedOrCroppedContent), transformed (TransformedContent), staged \
            (StagedContent), satire (SatireOrParodyContent). The latest assessment stands; each is a ledger event. \
            Reports show it and ClaimReview exports carry it as the MediaReview's mediaAuthenticityCategory.
            """)

    @Argument(help: "The clip: SHA-256, 6+ hex digits of it, or a registered path.") var ref: String
    @Option(help: "\(AssessmentCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
    var category: AssessmentCategory
    @Option(help: "Why, in the analyst's words.") var note: String?
    @Option(help: "The analyst (default: the login name).") var by: String?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open()
        let clip = try catalog.clip(matching: ref)
        let record = try catalog.assess(clip: clip, category: category, note: note, actor: Analyst.name(by))
        if output.json {
            var row = Output.object(record)
            row["schema_org"] = .string(category.schemaOrgName)
            Output.json(.object(row))
        } else {
            Output.line("clip \(Output.short(clip.sha256)): \(category.label) (\(category.schemaOrgName)), "
                + "by \(Output.safe(record.createdBy)) at \(record.createdAt)")
        }
    }
}
