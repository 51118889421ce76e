import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import Foundation

struct ProbeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Show container and stream metadata of files without registering them.",
        discussion: "--json prints one object per file with ffprobe's field names and a `footage` object of normalised fields.")

    @Argument(help: "Media files.") var files: [String]
    @OptionGroup var output: OutputOptions

    func run() throws {
        var failed = false
        for file in files {
            let path = URL(fileURLWithPath: file).standardizedFileURL.path
            do {
                let probe = try Probe.probe(path: path)
                if output.json {
                    Output.line(probe.jsonText)
                } else {
                    ProbeText.print(probe, path: path)
                }
            } catch {
                failed = true
                Output.error(Output.safe(FootageErrors.message(error, path: path)))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
