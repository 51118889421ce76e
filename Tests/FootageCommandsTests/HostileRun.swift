import FootageTestSupport
import Foundation
import Testing

/// What every run of footage over hostile files must show, whatever the files: it ended by itself (no signal, no
/// stall), each failing file got exactly one line naming it, every such line names a file, the exit status says
/// whether any failed, each line gives a reason in footage's words, and the secret's token is in none of it.
struct HostileRun {
    let corpus: HostileCorpus
    let command: String
    let result: ProcessOutcome

    /// How footage words a failure: `MediaError`'s kinds, and register's line for a clip registered whose keyframes
    /// or fingerprint then failed.
    static let reasons = [
        "empty file (", "not a media file (", "damaged or truncated media (", "unsupported (",
        "refused: ", "timed out (", "read error (", "registered, but ",
    ]

    /// Checks the run and returns the files that failed. `failureLines` are the lines that report failures (stderr
    /// for text output, or `path: reason` messages taken from JSON rows); `succeeded` the files reported done.
    @discardableResult
    func check(
        over files: [URL], failureLines: [Substring], succeeded: Set<String>,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Set<URL> {
        var failed: [URL: Int] = [:]
        for line in failureLines {
            guard let file = corpus.file(named: line) else {
                Issue.record(
                    "footage \(command): a line that names no corpus file: \(line)",
                    sourceLocation: sourceLocation)
                continue
            }
            failed[file, default: 0] += 1
            let reason = line.dropFirst(file.path.count + 2)
            #expect(
                Self.reasons.contains { reason.hasPrefix($0) }, "footage \(command): an unclear line: \(line)",
                sourceLocation: sourceLocation)
        }
        let unfinished = files.filter { failed[$0] == nil && !succeeded.contains($0.path) }.map(\.lastPathComponent)
        #expect(
            result.signal == nil, "footage \(command) died by signal \(result.signal ?? 0)",
            sourceLocation: sourceLocation)
        #expect(
            !result.stalled, "footage \(command) was silent too long and was killed; unfinished: \(unfinished)",
            sourceLocation: sourceLocation)
        for (file, count) in failed where count > 1 {
            Issue.record(
                "footage \(command): \(count) lines for \(file.lastPathComponent)",
                sourceLocation: sourceLocation)
        }
        if !result.stalled && !unfinished.isEmpty {
            Issue.record("footage \(command): no line for \(unfinished)", sourceLocation: sourceLocation)
        }
        for file in failed.keys where succeeded.contains(file.path) {
            Issue.record(
                "footage \(command): \(file.lastPathComponent) both failed and succeeded",
                sourceLocation: sourceLocation)
        }
        #expect(
            result.status == (failed.isEmpty ? 0 : 1), "footage \(command) exit status \(result.status)",
            sourceLocation: sourceLocation)
        #expect(
            !result.stdout.contains(corpus.token) && !result.stderr.contains(corpus.token),
            "footage \(command) printed the secret file's contents", sourceLocation: sourceLocation)
        return Set(failed.keys)
    }
}
