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
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let catalog = try catalogOptions.open()
        let clip = try catalog.clip(matching: ref)
        let record = try catalog.assess(clip: clip, category: category, note: note, actor: analyst.name)
        if output.json {
            Output.row(AssessmentRow(record))
        } else {
            Output.line(
                "clip \(Output.short(clip.sha256)): \(category.label) (\(category.schemaOrgName)), "
                    + "by \(Output.safe(record.createdBy)) at \(record.createdAt)")
        }
    }
}
