import Foundation
import GRDB

extension Catalog {
    /// Each extraction and its keyframe rows must match its `keyframes.extract` event: the clip, the parameters, the
    /// folder, the contact sheet and, for every still, its index, time, image path, image SHA-256 and PDQ hash.
    /// `verify` re-hashes the images against the rows; this catches a row edited to fit a replaced image.
    static func keyframeProblems(_ db: Database, shaByID: [Int64: String]) throws -> [CheckProblem] {
        let recorded = try eventPayloads(db, action: .keyframesExtract, key: "extraction_id")
        var problems: [CheckProblem] = []
        var frames: [Int64: [JSONValue]] = [:]
        for frame in try readableRecords(KeyframeRecord.order(\.idx), db, problems: &problems) {
            frames[frame.extractionId, default: []].append(frame.ledgerValue)
        }
        for extraction in try readableRecords(ExtractionRecord.orderByPrimaryKey(), db, problems: &problems) {
            let subject = "keyframes of clip \((shaByID[extraction.clipId] ?? "?").prefix(12)) (\(extraction.folder))"
            guard let event = recorded[extraction.id], event.subject == shaByID[extraction.clipId] else {
                problems.append(
                    CheckProblem(
                        subject: subject,
                        message: "have no ledger event (recorded outside footage)"))
                continue
            }
            let payload = event.payload
            // Compared as canonical text: a stored 2.0 reads back as the integer 2, and both print as "2".
            let params = (try? JSONValue(parsing: extraction.params)) ?? .string(extraction.params)
            let same =
                payload["params"]?.canonicalText == params.canonicalText
                && payload["folder"]?.stringValue == extraction.folder
                && payload["sheet"] == .optional(extraction.sheetPath)
                && payload["sheet_sha256"] == .optional(extraction.sheetSha256)
                && payload["keyframes"]?.canonicalText == JSONValue.array(frames[extraction.id] ?? []).canonicalText
            if !same {
                problems.append(
                    CheckProblem(
                        subject: subject,
                        message: "differ from their ledger event (a still's hash, path or time, or the sheet, edited "
                            + "outside footage)"))
            }
        }
        return problems
    }
}
