import ArgumentParser
import FootageCore
import FootageKit
import Foundation

/// The root command: `footage SUBCOMMAND`.
public struct FootageCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "footage",
        abstract: "Catalogue video footage, its provenance, keyframes and the articles that cite it.",
        discussion: """
            A catalogue is a folder holding Catalog/catalog.sqlite. Commands find it from --catalog DIR, \
            else FOOTAGE_HOME, else the first folder at or above the current one that has it.
            """,
        version: "footage \(FootageVersion.string)",
        subcommands: [
            InitCommand.self, ProbeCommand.self, HashCommand.self, RegisterCommand.self, KeyframesCommand.self,
            FetchCommand.self,
            ListCommand.self, ShowCommand.self,
            ArticleCommand.self, ClaimsCommand.self, ClaimCommand.self, VerdictCommand.self, ConfigCommand.self,
            LinkCommand.self, UnlinkCommand.self,
            XrefCommand.self, SearchCommand.self, LogCommand.self, VerifyCommand.self, SealCommand.self,
            AssessCommand.self, TitleCommand.self, ReportCommand.self, ExportCommand.self,
            FingerprintCommand.self, MatchCommand.self,
            MediaWorkerCommand.self,
        ])

    public init() {}

    /// Runs the command line. Every error footage's modules throw prints as one line, `footage: …`, and exits 1;
    /// swift-argument-parser's own (usage errors, `ExitCode`, help) end as it decides.
    public static func run(arguments: [String]? = nil) -> Never {
        // Past a file size limit (`ulimit -f`) the kernel kills a writer with SIGXFSZ, leaving whatever it was
        // writing half done; ignored, the write fails with EFBIG instead and footage reports it and cleans up.
        signal(SIGXFSZ, SIG_IGN)
        MediaWorkerCommand.serveIfStartedAsOne(arguments ?? Array(CommandLine.arguments.dropFirst()))
        MediaWorkerCommand.isolateMediaWork()
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            exit(withError: nil)
        } catch let error as any FootageError {
            Output.error("footage: \(Output.safe(ErrorWording.line(error)))")
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}
