import Foundation

/// Tools the suites compare against or make test media with, when they are installed (`make test` installs them):
/// the `ffmpeg` command-line tool above all.
public enum ExternalTool {
    /// The first of `names` found on `PATH` or in the usual folders.
    public static func find(_ names: String...) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        for name in names {
            for folder in folders where !folder.isEmpty {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// The `ffmpeg` executable, if any.
    public static let ffmpeg: String? = find("ffmpeg")

    /// Runs a tool to its end (see `runProcess`).
    @discardableResult
    public static func run(_ path: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> ProcessOutcome
    {
        try runProcess(path, arguments, environment: environment)
    }

    /// Runs `ffmpeg -nostdin -y -v error ARGUMENTS`; fails the test with its message when it fails.
    public static func runFFmpeg(_ arguments: [String]) throws {
        let ffmpeg = try required(ffmpeg, "ffmpeg is not installed")
        let outcome = try run(ffmpeg, ["-nostdin", "-y", "-v", "error"] + arguments)
        guard outcome.status == 0 else {
            throw FixtureFailure("ffmpeg \(arguments.joined(separator: " ")): \(outcome.stderr)")
        }
    }
}
