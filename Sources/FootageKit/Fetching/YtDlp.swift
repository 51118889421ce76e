import FootageCore
import Foundation

/// yt-dlp, the downloader `footage fetch` runs: where it is found, how it is run, and what its output means.
///
/// It is found, in this order, at `FOOTAGE_YT_DLP` (a path), in `.build-venv/bin/` of a folder above the footage
/// executable (where `make demo` and `make test` install it from PyPI), or as `yt-dlp` on the `PATH`.
///
/// It is run so that nothing but footage's arguments decides what it does: `--ignore-config` (no configuration file of
/// the system, the user or the folder), `--no-plugin-dirs` (no plugins, which could add post-processors that run
/// commands), `--no-exec`, an environment of footage's own (no `PYTHON…` variable, a `HOME` inside the download
/// folder, so no `~/.netrc`, cache or user packages; the `PATH`, proxies and certificate locations are passed on),
/// one video only (`--no-playlist`), and a file name footage chose (`-o download.%(ext)s` inside the download folder,
/// `--restrict-filenames`). Its time is bounded (`BoundedProcess`) and its size too: `--max-filesize` when the server
/// says the length, and footage kills it when the download folder grows past the limit anyway.
public struct YtDlp: Sendable {
    /// The executable.
    public let path: String
    /// What `yt-dlp --version` printed, e.g. `2026.11.23`.
    public let version: String

    /// The name of the downloaded file, before its extension, and of its sidecar (`download.info.json`).
    static let baseName = "download"

    public struct NotFound: FootageError {
        public var description: String {
            "yt-dlp was not found: install it (make test-deps puts it in .build-venv/; or pip install yt-dlp), "
                + "or set FOOTAGE_YT_DLP to its path"
        }
    }

    public struct Broken: FootageError {
        let path: String
        let reason: String
        public var description: String {
            "\(path): yt-dlp does not run (\(reason)); set FOOTAGE_YT_DLP to one that does"
        }
    }

    /// Finds yt-dlp and asks its version.
    /// - Throws: `NotFound`, or `Broken` when it does not answer `--version`.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> YtDlp {
        guard let path = candidatePath(environment) else { throw NotFound() }
        let result: BoundedProcess.Result
        do {
            result = try BoundedProcess.run(
                path, ["--ignore-config", "--version"],
                environment: childEnvironment(environment, home: "/nonexistent"),
                directory: nil, timeout: 60)
        } catch {
            throw Broken(path: path, reason: "\(error)")
        }
        let version = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.succeeded, !version.isEmpty, version.count <= 64, !version.contains("\n") else {
            throw Broken(path: path, reason: lastLine(result.output) ?? "exit status \(result.status ?? -1)")
        }
        return YtDlp(path: path, version: version)
    }

    static func candidatePath(_ environment: [String: String]) -> String? {
        if let explicit = environment["FOOTAGE_YT_DLP"], !explicit.isEmpty {
            // Absolute: yt-dlp starts in the download folder.
            return URL(fileURLWithPath: explicit).standardizedFileURL.path
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = executable.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(".build-venv/bin/yt-dlp").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") where directory.hasPrefix("/") {
            let candidate = "\(directory)/yt-dlp"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The variables yt-dlp runs with: none it could take options, code or credentials from.
    static func childEnvironment(_ environment: [String: String], home: String) -> [String: String] {
        var child = ["HOME": home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC"]
        child["PATH"] = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let passed = [
            "http_proxy", "https_proxy", "no_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "ALL_PROXY",
            "SSL_CERT_FILE", "SSL_CERT_DIR",
        ]
        for name in passed { if let value = environment[name] { child[name] = value } }
        return child
    }

    /// The arguments of one download of `url` into `folder`, of at most `maximumSize` bytes.
    func arguments(url: String, folder: String, maximumSize: Int64) -> [String] {
        [
            "--ignore-config", "--no-plugin-dirs", "--no-exec", "--no-playlist", "--no-cache-dir",
            "--no-cookies-from-browser", "--no-batch-file", "--no-continue", "--no-progress", "--restrict-filenames",
            "--write-info-json", "--no-write-playlist-metafiles", "--no-write-comments",
            "--max-filesize", String(maximumSize), "--socket-timeout", "30", "--retries", "2",
            "--fragment-retries", "2", "-o", "\(folder)/\(Self.baseName).%(ext)s",
            // Anything after `--` is a URL, never an option, whatever it starts with.
            "--", url,
        ]
    }

    /// yt-dlp's own reason for a failure: its last `ERROR:` line without the prefix, else its last line.
    /// Without the Python exception yt-dlp names after its own words (` (caused by <HTTPError 404: …>)`).
    static func failure(_ output: String) -> String? {
        let line = lines(output).last { $0.hasPrefix("ERROR:") }.map { String($0.dropFirst(6)) } ?? lastLine(output)
        guard var text = line?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let cause = text.range(of: " (caused by ", options: .backwards), text.hasSuffix(")") {
            text = String(text[..<cause.lowerBound])
        }
        return text.count <= 300 ? text : String(text.prefix(300)) + "…"
    }

    static func lastLine(_ output: String) -> String? {
        lines(output).last { !$0.isEmpty }
    }

    /// yt-dlp's lines, without the carriage returns it puts before progress and some errors.
    private static func lines(_ output: String) -> [String] {
        output.split(separator: "\n").map {
            $0.replacingOccurrences(of: "\r", with: "").trimmingCharacters(in: .whitespaces)
        }
    }
}
