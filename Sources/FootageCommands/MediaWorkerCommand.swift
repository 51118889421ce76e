import ArgumentParser
import FootageKit
import Foundation

/// `footage media-worker` (hidden): the isolated process that probes, extracts keyframes and fingerprints files
/// for the other commands. Not for people: it speaks JSON lines on stdin and stdout (see FootageKit/Isolation).
struct MediaWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media-worker", abstract: "Decode files for another footage process (internal).",
        shouldDisplay: false)

    func run() throws {
        MediaWorker.serve()
    }

    /// Every footage command decodes media in worker processes, unless `FOOTAGE_ISOLATION=off` (for measuring what
    /// isolation costs, or debugging a decoder in one process).
    static func isolateMediaWork() {
        let environment = ProcessInfo.processInfo.environment
        if environment["FOOTAGE_ISOLATION"] == "off" { return }
        // The running binary itself, even if its file was replaced or moved since it started.
        MediaRunner.isolate(.init(executable: "/proc/self/exe", name: CommandLine.arguments.first ?? "footage",
                                  arguments: ["media-worker"]))
    }
}
