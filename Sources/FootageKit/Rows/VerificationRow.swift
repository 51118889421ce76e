import FootageCatalog
import Foundation

/// The lines of `footage verify --json`, each named by its `check`: a file re-hashed, a problem that is not about a
/// file, a checkpoint checked, and the summary, last.
public enum VerificationRow: Encodable, Sendable {
    case file(Verifier.FileCheck)
    case problem(CheckProblem)
    case checkpoint(Verifier.CheckpointCheck)
    /// A time-stamp token kept with a seal (`seal --tsa`), checked offline.
    case timestamp(SealTimestamping.Check)
    case summary(Verifier.Report)

    /// Every line for a report: the files, the problems not already told by a file's line, the checkpoints, the
    /// summary.
    public static func rows(_ report: Verifier.Report) -> [VerificationRow] {
        let files = Set(report.files.map(\.path))
        return report.files.map(VerificationRow.file)
            + report.problems.filter { !files.contains($0.subject) }.map(VerificationRow.problem)
            + report.checkpoints.map(VerificationRow.checkpoint)
            + report.timestamps.map(VerificationRow.timestamp)
            + [.summary(report)]
    }

    enum CodingKeys: String, CodingKey {
        case check, path, sha256, kind, status, subject, message, checkpoint, source, holds, appended, ok, files
        case problems, events, head
        case seal, timestamp, authority, time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .file(let file):
            try container.encode("file", forKey: .check)
            try container.encode(file.path, forKey: .path)
            try container.encode(file.sha256, forKey: .sha256)
            try container.encode(file.kind, forKey: .kind)
            try container.encode(file.status.rawValue, forKey: .status)
        case .problem(let problem):
            try container.encode("problem", forKey: .check)
            try container.encode(problem.subject, forKey: .subject)
            try container.encode(problem.message, forKey: .message)
        case .checkpoint(let check):
            try container.encode("checkpoint", forKey: .check)
            try container.encode(check.checkpoint.description, forKey: .checkpoint)
            try container.encode(check.source, forKey: .source)
            try container.encode(check.holds, forKey: .holds)
            // How many events were appended since means something only when the checkpoint holds.
            if check.holds { try container.encode(check.appended, forKey: .appended) }
        case .timestamp(let check):
            try container.encode("timestamp", forKey: .check)
            try container.encode(check.seal, forKey: .seal)
            try container.encode(check.timestamp, forKey: .timestamp)
            try container.encode(check.checkpoint.description, forKey: .checkpoint)
            try container.encode(check.checkpoint.events, forKey: .events)
            try container.encode(check.authority, forKey: .authority)
            try container.encodeIfPresent(check.time, forKey: .time)
            try container.encode(check.holds, forKey: .holds)
        case .summary(let report):
            try container.encode("summary", forKey: .check)
            try container.encode(report.ok, forKey: .ok)
            try container.encode(report.files.count, forKey: .files)
            try container.encode(report.problems.count, forKey: .problems)
            try container.encode(report.events, forKey: .events)
            try container.encode(report.head, forKey: .head)
        }
    }
}
