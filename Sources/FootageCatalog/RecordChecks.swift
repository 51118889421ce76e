import Foundation
import GRDB

extension Catalog {
    /// Cross-checks the records against the ledger: each clip must have its `clip.register` event with the same
    /// size and probe hash, each location its `location.add` event, each acquisition its `acquisition.add` event
    /// with the same fields, and each stored sidecar must still hash to the SHA-256 recorded for it. A row edited
    /// behind the tool's back is named here even when the ledger itself is intact.
    public func recordProblems() throws -> [CheckProblem] {
        try read { db in
            var problems: [CheckProblem] = []
            var registered: [String: JSONValue] = [:]
            var locationEvents = Set<String>()
            var acquisitionEvents: [Int64: JSONValue] = [:]
            let cursor = try LedgerEvent.filter(["clip.register", "location.add", "acquisition.add"].contains(Column("action")))
                .fetchCursor(db)
            while let event = try cursor.next() {
                let payload = (try? JSONValue(parsing: event.payload)) ?? .null
                switch event.action {
                case "clip.register": registered[event.subject] = payload
                case "location.add": locationEvents.insert(event.subject + "\n" + (payload["path"]?.stringValue ?? ""))
                default:
                    if case .int(let id)? = payload["acquisition_id"] { acquisitionEvents[id] = payload }
                }
            }
            let clips = try ClipRecord.fetchAll(db)
            var shaByID: [Int64: String] = [:]
            for clip in clips {
                shaByID[clip.id!] = clip.sha256
                let subject = "clip \(clip.sha256.prefix(12))"
                guard let payload = registered[clip.sha256] else {
                    problems.append(CheckProblem(subject: subject, message: "has no registration event in the ledger"))
                    continue
                }
                if payload["size"] != .int(clip.size) {
                    problems.append(CheckProblem(subject: subject, message: "its size differs from the ledger's record"))
                }
                if payload["probe_sha256"]?.stringValue != Hashing.sha256Hex(clip.probeJson) {
                    problems.append(CheckProblem(subject: subject, message: "its metadata differs from what was registered"))
                }
            }
            for location in try LocationRecord.fetchAll(db) {
                let sha = shaByID[location.clipId] ?? "?"
                if !locationEvents.contains(sha + "\n" + location.path) {
                    problems.append(CheckProblem(subject: location.path, message: "location has no ledger event (added or edited outside footage)"))
                }
            }
            for acquisition in try AcquisitionRecord.fetchAll(db) {
                let subject = "acquisition \(acquisition.id!)"
                var expected = acquisition.ledgerFields
                expected["acquisition_id"] = .int(acquisition.id!)
                if acquisitionEvents[acquisition.id!] != .object(expected) {
                    problems.append(CheckProblem(subject: subject, message: "differs from its ledger event (edited outside footage)"))
                }
                if let text = acquisition.sidecarJson, let sha = acquisition.sidecarSha256, Hashing.sha256Hex(text) != sha {
                    problems.append(CheckProblem(subject: subject, message: "its stored sidecar no longer matches its SHA-256"))
                }
            }
            return problems
        }
    }
}
