import Foundation
import Testing

/// Runs the built `footage` executable, as a user would, and captures what it prints.
struct FootageBinary {
    typealias Result = ProcessOutcome

    /// The repository checkout (for Media/samples).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var samples: URL { repository.appendingPathComponent("Media/samples") }

    /// `FOOTAGE_BINARY`, else `footage` beside the test bundle (SwiftPM puts both in the products folder).
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["FOOTAGE_BINARY"] { return explicit }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("footage").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/footage").path
    }()

    let catalog: URL

    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
             stallLimit: Double? = nil) throws -> Result {
        try FootageBinary.run(["--catalog", catalog.path], arguments, in: directory, environment: environment,
                              stallLimit: stallLimit)
    }

    /// Runs with the given arguments; `catalogArguments` go after the subcommand words. With `stallLimit`, a run
    /// silent for that many seconds is killed (see `runWatched`).
    static func run(_ catalogArguments: [String], _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:], stallLimit: Double? = nil) throws -> Result {
        // Subcommand words first ("list clips"), then options; options are accepted anywhere by the parser.
        var env = environment
        env["FOOTAGE_HOME"] = env["FOOTAGE_HOME"] ?? ""
        return try runWatched(path, arguments + catalogArguments, environment: env, in: directory,
                              stallLimit: stallLimit)
    }
}

/// Runs `body` with a fresh catalogue folder (made by `footage init`) that is removed afterwards.
func withCatalogFolder<T>(_ body: (FootageBinary, URL) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("footage-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let footage = FootageBinary(catalog: root)
    let made = try FootageBinary.run([], ["init", root.path])
    #expect(made.status == 0, "footage init failed: \(made.stderr)")
    return try body(footage, root)
}

/// Runs a program to its end with the current environment plus `environment` (an empty value removes a variable),
/// reading stdout and stderr while it runs so that neither pipe fills up.
func runProcess(_ path: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil)
    throws -> (status: Int32, stdout: String, stderr: String)
{
    let outcome = try runWatched(path, arguments, environment: environment, in: directory)
    return (outcome.status, outcome.stdout, outcome.stderr)
}

/// How a program ended, as `runWatched` saw it.
struct ProcessOutcome {
    var status: Int32
    var stdout: String
    var stderr: String
    /// The signal that ended the program, if one did (a crash, or our own kill when it stalled).
    var signal: Int32?
    /// True when it printed nothing for `stallLimit` seconds and was killed.
    var stalled = false

    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    /// The stdout JSON Lines rows.
    var rows: [[String: Any]] {
        lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

/// `runProcess`, and when `stallLimit` is given a hang guard: a program that prints nothing on stdout or stderr for
/// that many seconds is killed (SIGKILL) and reported stalled, so a hung run fails the test instead of blocking the
/// suite. It bounds waiting; it measures nothing.
func runWatched(_ path: String, _ arguments: [String], environment: [String: String] = [:], in directory: URL? = nil,
                stallLimit: Double? = nil) throws -> ProcessOutcome
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value.isEmpty ? nil : value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var streams = [pollfd(fd: out.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: err.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)]
    var captured = [Data(), Data()]
    var chunk = [UInt8](repeating: 0, count: 65536)
    var stalled = false
    // After a kill, anything the program left behind (a child holding the pipes) gets one more second, not forever.
    var wait = stallLimit.map { Int32($0 * 1000) } ?? -1
    while streams.contains(where: { $0.fd >= 0 }) {
        let ready = poll(&streams, nfds_t(streams.count), wait)
        if ready < 0 && errno == EINTR { continue }
        if ready <= 0 {
            if stalled || ready < 0 { break }
            stalled = true
            kill(process.processIdentifier, SIGKILL)
            wait = 1000
            continue
        }
        for index in streams.indices where streams[index].fd >= 0 && streams[index].revents != 0 {
            let count = read(streams[index].fd, &chunk, chunk.count)
            if count > 0 {
                captured[index].append(contentsOf: chunk[0..<count])
            } else if count == 0 || errno != EINTR {
                streams[index].fd = -1
            }
        }
    }
    process.waitUntilExit()
    let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    return ProcessOutcome(status: process.terminationStatus, stdout: String(decoding: captured[0], as: UTF8.self),
                          stderr: String(decoding: captured[1], as: UTF8.self), signal: signal, stalled: stalled)
}
