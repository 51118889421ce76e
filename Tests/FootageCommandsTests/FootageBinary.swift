import Foundation
import Testing

/// Runs the built `footage` executable, as a user would, and captures what it prints.
struct FootageBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
        /// The stdout JSON Lines rows.
        var rows: [[String: Any]] {
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        }
    }

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
    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        try FootageBinary.run(["--catalog", catalog.path], arguments, in: directory, environment: environment)
    }

    /// Runs with the given arguments; `catalogArguments` go after the subcommand words.
    static func run(_ catalogArguments: [String], _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String] = [:]) throws -> Result {
        // Subcommand words first ("list clips"), then options; options are accepted anywhere by the parser.
        var env = environment
        env["FOOTAGE_HOME"] = env["FOOTAGE_HOME"] ?? ""
        let (status, stdout, stderr) = try runProcess(path, arguments + catalogArguments, environment: env, in: directory)
        return Result(status: status, stdout: stdout, stderr: stderr)
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
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    process.waitUntilExit()
    group.wait()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
