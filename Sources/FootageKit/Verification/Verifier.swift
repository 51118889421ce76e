import FootageCatalog
import FootageCore
import FootageMedia
import Foundation

/// `footage verify`: re-hashes every file the catalogue points at, recomputes the ledger chain, cross-checks the
/// records against the ledger, and runs SQLite's `integrity_check` and `foreign_key_check`.
public enum Verifier {
    public struct FileCheck: Sendable {
        public enum Status: String, Sendable { case fine, missing, changed, unreadable }
        public var path: String
        public var sha256: String
        public var kind: String
        public var status: Status
        public var message: String?
    }

    /// A checkpoint checked: one given with `--since`, or a seal recorded in the catalogue.
    public struct CheckpointCheck: Sendable {
        public var checkpoint: LedgerCheckpoint
        /// `given`, or the seal it comes from: `seal 3`.
        public var source: String
        /// Events appended since the checkpoint, when it holds.
        public var appended: Int64
        public var holds: Bool
    }

    public struct Report: Sendable {
        public var files: [FileCheck]
        public var checkpoints: [CheckpointCheck] = []
        /// Every time-stamp token kept with a seal, checked offline (`SealTimestamping`).
        public var timestamps: [SealTimestamping.Check] = []
        /// Every problem found, files included, in the order checked.
        public var problems: [CheckProblem]
        public var events: Int64
        public var head: String
        /// Rows compared column by column with the image their last ledger event recorded.
        public var rowsCompared = 0
        /// Events of a catalogue begun by an earlier footage, before events carried row images: their rows were
        /// checked against the fields those events name.
        public var legacyEvents = 0
        public var ok: Bool { problems.isEmpty }
    }

    /// Checks everything; `since` adds checkpoints (`footage seal`'s lines) that the ledger must still begin with.
    /// Every seal recorded in the catalogue is checked too, and every time-stamp token kept with one.
    /// - Parameter files: re-hash the files too (`verify --ledger-only` leaves them: the ledger and the records
    ///   alone, in seconds on a large catalogue).
    /// - Parameter authorityFiles: authority certificates to check time-stamp tokens against (`--tsa-ca`), besides
    ///   those kept in the catalogue.
    public static func verify(
        _ catalog: Catalog, since: [LedgerCheckpoint] = [], files rehashing: Bool = true,
        authorityFiles: [URL] = [],
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> Report {
        // Registered files, then keyframe images and contact sheets (stored relative to the catalogue folder).
        let locations =
            !rehashing
            ? []
            : try catalog.allLocations().map { (path: $0.path, kind: $0.kind, sha: $0.sha256) }
                + catalog.allKeyframeImages().map {
                    (path: catalog.root.appendingPathComponent($0.path).path, kind: "keyframe", sha: $0.sha256)
                }
        var files = [FileCheck?](repeating: nil, count: locations.count)
        files.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            Parallel.forEach(locations.count, jobs: jobs) { index in
                let item = locations[index]
                results[index] = check(path: item.path, kind: item.kind, expected: item.sha)
            }
        }
        var problems: [CheckProblem] = []
        let checked = files.compactMap { $0 }
        for file in checked where file.status != .fine {
            problems.append(CheckProblem(subject: file.path, message: file.message ?? file.status.rawValue))
        }
        // The chain, and the ledger replayed into what every table must hold, compared both ways, column by column,
        // in one pass over the events.
        let replay = try catalog.replayLedger()
        let chain = replay.chainProblems
        problems += chain
        problems += replay.problems
        if replay.legacyEvents > 0 { problems += try catalog.recordProblems() }
        problems += try catalog.fingerprintProblems()
        problems += try catalog.matchLedgerProblems()
        problems += try catalog.databaseProblems()
        let head = try catalog.ledgerHead()
        var checkpoints: [CheckpointCheck] = []
        let given: [(LedgerCheckpoint, String, Int64?)] = since.map { ($0, "given", nil) }
        var brokenSeals = Set<Int64>()
        for (checkpoint, source, seal) in given + (try catalog.seals().map { ($0.checkpoint, "seal \($0.id)", $0.id) })
        {
            let subject = "\(source == "given" ? "checkpoint" : source) \(checkpoint)"
            let found = try catalog.checkpointProblems(checkpoint, subject: subject, chainIntact: chain.isEmpty)
            problems += found
            if let seal, !found.isEmpty { brokenSeals.insert(seal) }
            checkpoints.append(
                CheckpointCheck(
                    checkpoint: checkpoint, source: source,
                    appended: head.count - checkpoint.events, holds: found.isEmpty))
        }
        let timestamps = try SealTimestamping.check(catalog, certificateFiles: authorityFiles)
        problems += timestamps.problems
        var report = Report(
            files: checked, checkpoints: checkpoints, problems: problems, events: head.count, head: head.hash,
            rowsCompared: replay.rowsCompared, legacyEvents: replay.legacyEvents)
        // A token dates the ledger only while its seal still holds: over a broken seal it holds nothing either.
        report.timestamps = timestamps.checks.map { check in
            var check = check
            if brokenSeals.contains(check.seal) { check.holds = false }
            return check
        }
        return report
    }

    static func check(path: String, kind: String, expected: String) -> FileCheck {
        var result = FileCheck(path: path, sha256: expected, kind: kind, status: .fine)
        guard FileManager.default.fileExists(atPath: path) else {
            result.status = .missing
            result.message = "missing (\(kind == "keyframe" ? "keyframe image" : "clip") \(expected.prefix(12)))"
            return result
        }
        do {
            let digest = try FileHasher.sha256(path: path)
            if digest.sha256 != expected {
                result.status = .changed
                result.message = "changed: its SHA-256 is now \(digest.sha256.prefix(12)), not \(expected.prefix(12))"
            }
        } catch {
            result.status = .unreadable
            result.message = "cannot be read (\(FootageErrors.message(error)))"
        }
        return result
    }
}
