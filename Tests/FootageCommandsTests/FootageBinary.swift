import FootageTestSupport
import Foundation
import Testing

/// Runs the built `footage` executable, as a user would, and captures what it prints.
struct FootageBinary {
    typealias Result = ProcessOutcome

    static var samples: URL { Samples.folder }

    /// `FOOTAGE_BINARY`, else `footage` beside the test bundle (SwiftPM puts both in the products folder).
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["FOOTAGE_BINARY"] { return explicit }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("footage").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return Repository.root.appendingPathComponent(".build/debug/footage").path
    }()

    let catalog: URL

    @discardableResult
    func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
        stallLimit: Double? = nil
    ) throws -> Result {
        try FootageBinary.run(
            ["--catalog", catalog.path], arguments, in: directory, environment: environment,
            stallLimit: stallLimit)
    }

    /// Runs with the given arguments; `catalogArguments` go after the subcommand words. With `stallLimit`, a run
    /// silent for that many seconds is killed (see `runProcess`).
    static func run(
        _ catalogArguments: [String], _ arguments: [String], in directory: URL? = nil,
        environment: [String: String] = [:], stallLimit: Double? = nil
    ) throws -> Result {
        // Subcommand words first ("list clips"), then options; options are accepted anywhere by the parser.
        var env = environment
        env["FOOTAGE_HOME"] = env["FOOTAGE_HOME"] ?? ""
        return try runProcess(
            path, arguments + catalogArguments, environment: env, in: directory,
            stallLimit: stallLimit)
    }
}

extension FootageBinary {
    /// Starts the binary on the catalogue at `catalog` without waiting for it, for a test that watches its processes
    /// meanwhile: its media workers simulate `fault` (`FOOTAGE_WORKER_FAULT`), `FOOTAGE_HOME` is cleared, `environment`
    /// is added (nil removes a variable), and its output goes to `output` (none when nil).
    static func start(
        _ arguments: [String], catalog: URL, fault: String, environment: [String: String?] = [:], output: Pipe? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + ["--catalog", catalog.path]
        var merged = ProcessInfo.processInfo.environment
        merged["FOOTAGE_HOME"] = nil
        merged["FOOTAGE_WORKER_FAULT"] = fault
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        try process.run()
        return process
    }
}

/// Runs `body` with a fresh catalogue folder (made by `footage init`) that is removed afterwards.
func withCatalogFolder<T>(_ body: (FootageBinary, URL) throws -> T) throws -> T {
    try withTemporaryFolder { root in
        let footage = FootageBinary(catalog: root)
        let made = try FootageBinary.run([], ["init", root.path])
        #expect(made.status == 0, "footage init failed: \(made.stderr)")
        return try body(footage, root)
    }
}
