import ArgumentParser
import FootageKit
import FootageWorkers
import Foundation

/// `footage media-worker` (hidden): the isolated process that probes, extracts keyframes and fingerprints files
/// for the other commands. Not for people: it speaks framed binary messages on stdin and stdout (see
/// FootageKit/Isolation, WireEncoder.swift and MessageFrames.swift).
struct MediaWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "media-worker", abstract: "Decode files for another footage process (internal).",
        shouldDisplay: false)

    /// Serve forks instead: the process every worker is forked from (see FootageKit's ForkServer).
    @Flag(name: .customLong("fork-server"), help: .hidden) var forkServer = false

    func run() throws {
        if forkServer { MediaWorker.serveForks() }
        MediaWorker.serve()
    }

    /// How footage starts a worker, and its fork server.
    static let workerArguments = ["media-worker"]
    static let forkServerArguments = workerArguments + ["--fork-server"]

    /// A worker or fork server, started by footage with exactly these arguments, goes straight to work: parsing
    /// them (ArgumentParser reflects over every command) would add milliseconds of CPU to every start.
    static func serveIfStartedAsOne(_ arguments: [String]) {
        if arguments == workerArguments { MediaWorker.serve() }
        if arguments == forkServerArguments { MediaWorker.serveForks() }
    }

    /// Every footage command decodes media in worker processes, unless `FOOTAGE_ISOLATION=off` (for measuring what
    /// isolation costs, or debugging a decoder in one process). The workers are forks of one fork server, unless
    /// `FOOTAGE_FORK_SERVER=off` (each worker then starts as a new process, for measuring what forking saves).
    static func isolateMediaWork() {
        let environment = ProcessInfo.processInfo.environment
        if environment["FOOTAGE_ISOLATION"] == "off" { return }
        let forks = environment["FOOTAGE_FORK_SERVER"] == "off" ? nil : forkServerArguments
        // The running binary itself, even if its file was replaced or moved since it started.
        MediaRunner.isolate(
            .init(
                executable: "/proc/self/exe", name: CommandLine.arguments.first ?? "footage",
                arguments: workerArguments, forkServerArguments: forks))
    }
}
