import ArgumentParser
import FootageKit
import FootageMedia
import Foundation

struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print files' SHA-256 (a clip's identity) as sha256sum does, without registering them.")

    @Argument(help: "Files.") var files: [String]
    @OptionGroup var output: OutputOptions

    func run() throws {
        var failed = false
        for file in files {
            do {
                let digest = try FileHasher.sha256(path: file)
                if output.json {
                    Output.row(FileHashRow(path: file, sha256: digest.sha256, size: digest.size))
                } else {
                    Output.line("\(digest.sha256)  \(Output.safe(file))")
                }
            } catch {
                failed = true
                Output.error(Output.safe(FootageErrors.message(error, path: file)))
            }
        }
        if failed { throw ExitCode(1) }
    }
}
