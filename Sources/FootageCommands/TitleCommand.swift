import ArgumentParser
import FootageCatalog
import FootageKit
import Foundation

struct TitleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "title",
        abstract: "Give a clip a title of the analyst's, which reports, show and list use.",
        discussion: """
            The title stands before the container's title tag and the platform's title (from a yt-dlp sidecar), so \
            that two releases of one publisher can be told apart. The latest title stands; each is a ledger event \
            (clip.title) that `footage verify` checks. The text is kept as typed and escaped wherever it is shown; an \
            empty title, one on several lines or one over 300 characters is refused and nothing is recorded.
            """)

    @Argument(help: "The clip: SHA-256, 6+ hex digits of it, or a registered path.") var ref: String
    @Argument(help: "The title.") var text: String
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        // The text is checked before the catalogue is opened: a refused title changes nothing, not even a migration.
        let title = try ClipTitle.checked(text)
        let catalog = try catalogOptions.open()
        let record = try ClipTitle.set(title, of: ref, catalog: catalog, actor: analyst.name)
        if output.json {
            Output.row(ClipTitleRow(record))
        } else {
            Output.line(
                "clip \(Output.short(record.clipSha256)): titled “\(Output.safe(record.title))”, "
                    + "by \(Output.safe(record.createdBy)) at \(record.createdAt)")
        }
    }
}
