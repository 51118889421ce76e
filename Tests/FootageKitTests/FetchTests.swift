import FootageCore
import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// The parts of `footage fetch` that need no yt-dlp: which URLs are handed to it, how it is run, what its failures
/// say, and how a fetch is recorded.
struct FetchTests {
    /// What fetch asks of a URL before yt-dlp sees it (`WebAddress.http`).
    private func isWeb(_ text: String) -> Bool { WebAddress.http(text) != nil }

    @Test func onlyWebAddressesAreHandedToYtDlp() {
        #expect(isWeb("https://www.example.org/watch?v=abc"))
        #expect(isWeb("http://127.0.0.1:8080/clip.mp4"))
        for refused in ["ytsearch:convoy", "file:///etc/passwd", "-x", "--exec=touch x", "https://", "clip.mp4", ""] {
            #expect(!isWeb(refused), "\(refused)")
        }
    }

    @Test func theURLComesAfterTheEndOfOptionsAndTheOutputNameIsFootages() {
        let ytDlp = YtDlp(path: "/usr/bin/yt-dlp", version: "2026.11.23")
        let arguments = ytDlp.arguments(url: "--exec=rm", folder: "/c/Media/.footage-tmp-1-X", maximumSize: 1024)
        #expect(arguments.suffix(2) == ["--", "--exec=rm"])
        for required in ["--ignore-config", "--no-plugin-dirs", "--no-exec", "--no-playlist", "--restrict-filenames"] {
            #expect(arguments.contains(required), "\(required)")
        }
        let output = arguments.firstIndex(of: "-o")
        #expect(output.map { arguments[$0 + 1] } == "/c/Media/.footage-tmp-1-X/download.%(ext)s")
        #expect(arguments.firstIndex(of: "--max-filesize").map { arguments[$0 + 1] } == "1024")
    }

    @Test func ytDlpRunsWithNothingFromTheEnvironmentThatCouldAddOptionsOrCode() {
        let environment = YtDlp.childEnvironment(
            [
                "PATH": "/usr/bin", "PYTHONPATH": "/evil", "PYTHONSTARTUP": "/evil.py", "HOME": "/root",
                "XDG_CONFIG_HOME": "/evil", "https_proxy": "http://proxy:3128",
            ], home: "/c/Media/.footage-tmp-1-X")
        #expect(environment["HOME"] == "/c/Media/.footage-tmp-1-X")
        #expect(environment["PYTHONPATH"] == nil && environment["PYTHONSTARTUP"] == nil)
        #expect(environment["XDG_CONFIG_HOME"] == nil)
        #expect(environment["https_proxy"] == "http://proxy:3128")
        #expect(environment["PATH"] == "/usr/bin")
    }

    @Test func aYtDlpFailureIsItsLastErrorLineWithoutThePythonException() {
        let output = """
            [generic] Extracting URL: http://127.0.0.1:1/missing.mp4
            WARNING: something
            ERROR: \r[generic] missing: Unable to download webpage: HTTP Error 404: Not Found (caused by <HTTPError 404: Not Found>)

            """
        #expect(YtDlp.failure(output) == "[generic] missing: Unable to download webpage: HTTP Error 404: Not Found")
        #expect(
            YtDlp.failure("[download] File is larger than max-filesize\n")
                == "[download] File is larger than max-filesize")
        #expect(YtDlp.failure("") == nil)
        #expect(YtDlp.failure("ERROR: " + String(repeating: "x", count: 1000))?.count == 301)
    }

    @Test func aGroupThatOutlivesItsTimeIsKilledWhole() throws {
        let started = Date()
        let result = try BoundedProcess.run(
            "/bin/sh", ["-c", "sleep 30 & echo \"started $!\"; wait"], environment: ["PATH": "/bin:/usr/bin"],
            directory: nil, timeout: 1)
        #expect(result.timedOut)
        #expect(result.signal == SIGKILL)
        #expect(Date().timeIntervalSince(started) < 10)
        // The shell's child, in the same group, is gone too (not left sleeping after the shell was killed).
        let child = try #require(
            result.output.split(separator: "\n").first { $0.hasPrefix("started ") }.flatMap { pid_t($0.dropFirst(8)) },
            "\(result.output)")
        var gone = false
        for _ in 0..<50 where !gone {
            // Gone, or dead and waiting to be reaped by whoever adopted it (a zombie's state is Z).
            let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?
                .split(separator: ")").last?.split(separator: " ").first
            gone = (kill(child, 0) == -1 && errno == ESRCH) || state == "Z"
            if !gone { usleep(20_000) }
        }
        #expect(gone, "the group's sleep \(child) still runs")
    }

    @Test func anAcquisitionThatWasNotFetchedKeepsTheLedgerFieldsItAlwaysHad() {
        var record = NewAcquisition()
        record.publisher = "Ministry"
        #expect(!record.ledgerFields.keys.contains { $0.hasPrefix("fetch") })
        record.fetchUrl = "https://example.org/v"
        record.fetchTool = "yt-dlp 2026.11.23"
        #expect(record.ledgerFields["fetch_url"] == .string("https://example.org/v"))
        #expect(record.ledgerFields["fetch_tool"] == .string("yt-dlp 2026.11.23"))
        #expect(record.ledgerFields["fetched_at"] == nil)
    }
}
