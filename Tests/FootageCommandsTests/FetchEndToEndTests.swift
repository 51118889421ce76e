import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// `footage fetch` against a web server on 127.0.0.1 (`Tests/Fixtures/fetch/serve.py`), through yt-dlp's generic
/// extractor: a direct MP4, a page that redirects, a page with a `<video>`, a 404, a truncated download, a stalled
/// one, one past the size limit and files that are not media. Each URL that fails is one line naming it; nothing of it
/// is kept (no file in `Media/`, no temporary folder, no record); the others go on; `verify` passes throughout.
/// A URL on a local address is fetched as any other: the analyst asked for it. Skipped, with a note, without yt-dlp
/// (`make test-deps` installs it in `.build-venv/`).
@Suite(.serialized) struct FetchEndToEndTests {
    /// yt-dlp: `FOOTAGE_YT_DLP`, the repository's `.build-venv`, or the `PATH`.
    static let ytDlp: String? = {
        if let explicit = ProcessInfo.processInfo.environment["FOOTAGE_YT_DLP"], !explicit.isEmpty { return explicit }
        let venv = Repository.root.appendingPathComponent(".build-venv/bin/yt-dlp").path
        if FileManager.default.isExecutableFile(atPath: venv) { return venv }
        return ExternalTool.find("yt-dlp")
    }()

    /// Runs `body` with a catalogue and a server serving a folder of `clip.mp4` (the ministry sample), `noise.mp4`
    /// (random bytes) and `notes.txt`; nil (a note printed) without yt-dlp.
    private func withServer(_ body: (FetchingBinary, URL, LocalWebServer) throws -> Void) throws {
        guard let ytDlp = Self.ytDlp else {
            print("note: yt-dlp is not installed; footage fetch not tested (make test-deps installs it)")
            return
        }
        try withTemporaryFolder { files in
            try FileManager.default.copyItem(
                at: URL(fileURLWithPath: Samples.ministryUpload), to: files.appendingPathComponent("clip.mp4"))
            var generator = SplitMix64(seed: 17)
            let noise = (0..<6000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            try Data(noise).write(to: files.appendingPathComponent("noise.mp4"))
            try Data("field notes, not footage\n".utf8).write(to: files.appendingPathComponent("notes.txt"))
            let server = try LocalWebServer(serving: files)
            defer { server.stop() }
            try withCatalogFolder { footage, root in
                try body(FetchingBinary(footage: footage, ytDlp: ytDlp), root, server)
            }
        }
    }

    private func expectNothingLeft(_ footage: FetchingBinary, _ root: URL, copies: Int) throws {
        #expect(try CatalogueInvariants.problems(footage.footage, root).isEmpty)
        #expect(try CatalogueInvariants.leftovers(root).isEmpty)
        let media = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Media").path)
        #expect(media.count == copies, "\(media)")
    }

    private func field(_ root: URL, _ column: String, where condition: String = "1") throws -> String {
        try CatalogueInvariants.sqlite(root, "SELECT \(column) FROM acquisition WHERE \(condition) ORDER BY id")
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func aDirectVideoURLIsDownloadedRegisteredAndItsFetchRecorded() throws {
        try withServer { footage, root, server in
            let url = server.url("clip.mp4")
            let result = try footage.run(["fetch", url, "--source", "Ministry", "--no-fingerprint", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let row = try #require(result.rows.first)
            #expect(row["status"] as? String == "registered")
            #expect(row["url"] as? String == url)
            #expect(row["resolved_url"] as? String == url)
            #expect((row["tool"] as? String)?.hasPrefix("yt-dlp ") == true)
            let sha = try #require(row["sha256"] as? String)
            #expect(try FootageBinary.run([], ["hash", Samples.ministryUpload]).stdout.hasPrefix(sha))
            // The download's only location is its evidentiary copy in Media/: the download folder is gone.
            let locations = try CatalogueInvariants.sqlite(root, "SELECT kind, path FROM location").stdout
            #expect(locations.hasPrefix("copy|\(root.appendingPathComponent("Media").path)/\(sha).mp4"), "\(locations)")
            #expect(try field(root, "fetch_url") == url)
            #expect(try field(root, "fetch_resolved_url") == url)
            #expect(try field(root, "fetch_media_url") == url)
            #expect(try field(root, "fetch_extractor") == "Generic")
            #expect(try field(root, "publisher") == "Ministry")
            #expect(try field(root, "sidecar_path IS NULL AND sidecar_sha256 IS NOT NULL") == "1")
            #expect(try field(root, "platform_url") == url)
            #expect(try field(root, "fetched_at LIKE '20__-__-__T__:__:__.___Z'") == "1")
            let event = try CatalogueInvariants.sqlite(
                root, "SELECT payload FROM ledger WHERE action = 'acquisition.add'"
            ).stdout
            #expect(event.contains("\"fetch_url\":\"\(url)\""))
            #expect(event.contains("\"fetch_tool\":\"yt-dlp "))
            let shown = try footage.run(["show", sha]).stdout
            #expect(shown.contains("fetched by footage with yt-dlp"))
            #expect(shown.contains("the platform said"))
            try expectNothingLeft(footage, root, copies: 1)
        }
    }

    @Test func aRedirectIsFollowedAndWhereItLedIsRecorded() throws {
        try withServer { footage, root, server in
            let moved = server.url("moved/clip.mp4")
            let page = server.url("page/clip.mp4")
            let result = try footage.run(["fetch", moved, page, "--no-fingerprint"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try field(root, "fetch_url") == "\(moved)\n\(page)")
            #expect(try field(root, "fetch_resolved_url") == "\(server.url("clip.mp4"))\n\(page)")
            #expect(try field(root, "fetch_media_url") == "\(server.url("clip.mp4"))\n\(server.url("clip.mp4"))")
            #expect(try field(root, "fetch_extractor", where: "fetch_url = '\(page)'") == "HTML5MediaEmbed")
            // The same bytes twice: one clip, two acquisitions.
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 1)
            try expectNothingLeft(footage, root, copies: 1)
        }
    }

    @Test func eachFailedURLIsOneLineAndTheOthersGoOn() throws {
        try withServer { footage, root, server in
            let failing = [
                server.url("missing.mp4"), server.url("truncated/clip.mp4"), server.url("noise.mp4"),
                server.url("notes.txt"), "ytsearch:convoy", "file:///etc/passwd",
            ]
            let good = server.url("clip.mp4")
            let result = try footage.run(["fetch"] + failing + [good, "--no-fingerprint"])
            #expect(result.status == 1)
            let lines = result.stderr.split(separator: "\n").map(String.init)
            for url in failing {
                #expect(lines.filter { $0.hasPrefix(url + ":") }.count == 1, "\(url): \(result.stderr)")
            }
            #expect(lines.contains { $0.hasPrefix(server.url("missing.mp4")) && $0.contains("404") })
            #expect(lines.contains { $0.hasPrefix(server.url("truncated/clip.mp4")) && $0.contains("yt-dlp:") })
            #expect(lines.contains { $0.hasPrefix(server.url("noise.mp4")) && $0.contains("not a media file") })
            #expect(lines.contains { $0.hasPrefix("ytsearch:convoy") && $0.contains("not an http:// or https://") })
            #expect(result.stdout.contains("registered") && result.stdout.contains(good))
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM acquisition") == 1)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 1)
            try expectNothingLeft(footage, root, copies: 1)
        }
    }

    @Test func aStalledDownloadIsStoppedAtTheTimeoutAndLeavesNothing() throws {
        try withServer { footage, root, server in
            let url = server.url("stalled/clip.mp4")
            let result = try footage.run(["fetch", url, "--timeout", "4", "--json"], stallLimit: 60)
            #expect(result.status == 1)
            let row = try #require(result.rows.first)
            #expect((row["message"] as? String)?.contains("did not finish within 4 s") == true, "\(row)")
            // yt-dlp's process group was killed: no process runs with the download folder as its home.
            #expect(ProcessTable.processes(withEnvironment: "HOME=\(root.path)/Media/.footage-tmp-").isEmpty)
            try expectNothingLeft(footage, root, copies: 0)
        }
    }

    @Test func anInterruptedFetchTakesYtDlpAlongAndTheNextRunSweepsItsFolder() throws {
        try withServer { footage, root, server in
            for number in [SIGINT, SIGTERM] {
                let process = try FootageBinary.start(
                    ["fetch", server.url("stalled/clip.mp4")], catalog: root, fault: "",
                    environment: ["FOOTAGE_YT_DLP": footage.ytDlp])
                let marker = "HOME=\(root.path)/Media/\(TemporaryName.prefix)"
                // Until yt-dlp runs (it is the process whose home is the download folder), then the signal.
                let deadline = Date().addingTimeInterval(60)
                while ProcessTable.processes(withEnvironment: marker).isEmpty && Date() < deadline {
                    Thread.sleep(forTimeInterval: 0.1)
                }
                #expect(!ProcessTable.processes(withEnvironment: marker).isEmpty)
                kill(process.processIdentifier, number)
                process.waitUntilExit()
                #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == number)
                Thread.sleep(forTimeInterval: 0.5)
                #expect(ProcessTable.processes(withEnvironment: marker).isEmpty, "signal \(number)")
            }
            #expect(try footage.run(["fetch", server.url("missing.mp4")]).status == 1)
            try expectNothingLeft(footage, root, copies: 0)
        }
    }

    @Test func aDownloadPastTheSizeLimitIsRefusedWhetherOrNotTheServerSaysItsLength() throws {
        try withServer { footage, root, server in
            for path in ["clip.mp4", "unsized/clip.mp4"] {
                let result = try footage.run(["fetch", server.url(path), "--max-size", "100K", "--no-fingerprint"])
                #expect(result.status == 1)
                #expect(result.stderr.contains("larger than 102400 bytes (--max-size)"), "\(path): \(result.stderr)")
                #expect(result.stderr.contains("nothing kept"))
            }
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 0)
            try expectNothingLeft(footage, root, copies: 0)
            let usage = try footage.run(["fetch", server.url("clip.mp4"), "--max-size", "12Q"])
            #expect(usage.status == 64)
        }
    }

    @Test func withoutYtDlpFetchSaysWhereToGetItAndChangesNothing() throws {
        try withServer { footage, root, server in
            let result = try footage.run(
                ["fetch", server.url("clip.mp4")], environment: ["FOOTAGE_YT_DLP": "/nonexistent/yt-dlp"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("yt-dlp does not run"), "\(result.stderr)")
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM ledger") == 0)
        }
    }

    @Test func anEditedFetchFieldIsNamedByVerify() throws {
        try withServer { footage, root, server in
            #expect(try footage.run(["fetch", server.url("clip.mp4"), "--no-fingerprint"]).status == 0)
            _ = try CatalogueInvariants.sqlite(
                root, "UPDATE acquisition SET fetch_resolved_url = 'https://elsewhere.example/clip.mp4'")
            let verify = try footage.run(["verify", "--ledger-only"])
            #expect(verify.status == 1)
            #expect(verify.stdout.contains("fetch_resolved_url"), "\(verify.stdout)")
        }
    }
}

/// The binary on a catalogue, told where yt-dlp is.
struct FetchingBinary {
    let footage: FootageBinary
    let ytDlp: String

    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], stallLimit: Double? = 120) throws
        -> FootageBinary.Result
    {
        try footage.run(
            arguments, environment: ["FOOTAGE_YT_DLP": ytDlp].merging(environment) { $1 }, stallLimit: stallLimit)
    }
}

/// `Tests/Fixtures/fetch/serve.py` serving a folder on 127.0.0.1, for as long as the test needs it.
final class LocalWebServer {
    let port: Int
    private let process: Process

    init(serving folder: URL) throws {
        guard let python = ExternalTool.find("python3") else { throw FixtureFailure("python3 is not installed") }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [Repository.fixtures.appendingPathComponent("fetch/serve.py").path, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line is the port it listens on.
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            kill(process.processIdentifier, SIGKILL)
            throw FixtureFailure("the test web server did not start")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)/\(path)" }

    /// SIGKILL: the server inherits the test runner's blocked signals, SIGTERM among them.
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
