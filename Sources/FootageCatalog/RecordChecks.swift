import FootageCore
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
            let cursor =
                try LedgerEvent
                .filter { [LedgerAction.clipRegister, .locationAdd, .acquisitionAdd].contains($0.action) }
                .fetchCursor(db)
            while let event = try cursor.next() {
                let payload = JSONValue.recordedFields(event.payload) ?? .null
                switch event.action {
                case .clipRegister: registered[event.subject] = payload
                case .locationAdd: locationEvents.insert(event.subject + "\n" + (payload["path"]?.stringValue ?? ""))
                default:
                    if case .int(let id)? = payload["acquisition_id"] { acquisitionEvents[id] = payload }
                }
            }
            let clips = try Catalog.readableRecords(ClipRecord.all(), db, problems: &problems)
            var shaByID: [Int64: String] = [:]
            for clip in clips {
                shaByID[clip.id] = clip.sha256
                let subject = "clip \(clip.sha256.prefix(12))"
                guard let payload = registered[clip.sha256] else {
                    problems.append(CheckProblem(subject: subject, message: "has no registration event in the ledger"))
                    continue
                }
                if payload["size"] != .int(clip.size) {
                    problems.append(
                        CheckProblem(subject: subject, message: "its size differs from the ledger's record"))
                }
                if payload["probe_sha256"]?.stringValue != Hashing.sha256Hex(clip.probeJson) {
                    problems.append(
                        CheckProblem(subject: subject, message: "its metadata differs from what was registered"))
                }
            }
            for location in try Catalog.readableRecords(LocationRecord.all(), db, problems: &problems) {
                let sha = shaByID[location.clipId] ?? "?"
                if !locationEvents.contains(sha + "\n" + location.path) {
                    problems.append(
                        CheckProblem(
                            subject: location.path,
                            message: "location has no ledger event (added or edited outside footage)"))
                }
            }
            for acquisition in try Catalog.readableRecords(AcquisitionRecord.all(), db, problems: &problems) {
                let subject = "acquisition \(acquisition.id)"
                var expected = acquisition.ledgerFields
                expected["acquisition_id"] = .int(acquisition.id)
                if acquisitionEvents[acquisition.id]?.canonicalText != JSONValue.object(expected).canonicalText {
                    problems.append(
                        CheckProblem(
                            subject: subject, message: "differs from its ledger event (edited outside footage)"))
                }
                if let text = acquisition.sidecarJson, let sha = acquisition.sidecarSha256,
                    Hashing.sha256Hex(text) != sha
                {
                    problems.append(
                        CheckProblem(subject: subject, message: "its stored sidecar no longer matches its SHA-256"))
                }
            }
            problems += try Catalog.unknownActionProblems(db)
            problems += try Catalog.linkProblems(db, shaByID: shaByID)
            problems += try Catalog.assessmentProblems(db)
            problems += try Catalog.clipTitleProblems(db)
            problems += try Catalog.matchProblems(db, shaByID: shaByID)
            problems += try Catalog.keyframeProblems(db, shaByID: shaByID)
            problems += try Catalog.articleProblems(db)
            return problems
        }
    }

    /// Events whose action this footage does not know (written by a newer footage, or edited and rehashed): the
    /// chain check passes over them, the record checks cannot tell what they changed.
    static func unknownActionProblems(_ db: Database) throws -> [CheckProblem] {
        let request = LedgerEvent.select { [$0.seq, $0.action] }.filter { !LedgerAction.allCases.contains($0.action) }
        return try Row.fetchAll(db, request).map { row in
            let action: DatabaseValue = row[1]
            let text = String.fromDatabaseValue(action) ?? action.description
            return CheckProblem(
                CatalogError.unknownValue(
                    table: LedgerEvent.databaseTableName, row: row[0],
                    column: "action", value: text))
        }
    }

    /// The records `request` selects, read one row at a time: a row that does not read as a record (a word outside
    /// its column's vocabulary, a value of the wrong type) is a problem of its own, and every other row is checked.
    static func readableRecords<Record: FetchableRecord>(
        _ request: QueryInterfaceRequest<Record>, _ db: Database,
        problems: inout [CheckProblem]
    ) throws -> [Record] {
        var records: [Record] = []
        let rows = try Row.fetchCursor(db, request)
        while let row = try rows.next() {
            do {
                records.append(try Record(row: row))
            } catch let error as CatalogError {
                problems.append(CheckProblem(error))
            }
        }
        return records
    }

    /// The events with `action`, each keyed by the record id its payload names in `key` (`extraction_id`,
    /// `article_id`…), with the event's subject. A later event for the same id replaces an earlier one.
    static func eventPayloads(_ db: Database, action: LedgerAction, key: String)
        throws -> [Int64: (subject: String, payload: JSONValue)]
    {
        var recorded: [Int64: (subject: String, payload: JSONValue)] = [:]
        let events = try LedgerEvent.filter { $0.action == action }.orderByPrimaryKey().fetchCursor(db)
        while let event = try events.next() {
            guard let payload = JSONValue.recordedFields(event.payload), case .int(let id)? = payload[key] else {
                continue
            }
            recorded[id] = (event.subject, payload)
        }
        return recorded
    }

    /// Each assessment must match its `clip.assess` event (clip, category, note).
    static func assessmentProblems(_ db: Database) throws -> [CheckProblem] {
        let recorded = try eventPayloads(db, action: .clipAssess, key: "assessment_id")
        var problems: [CheckProblem] = []
        let assessments = try readableRecords(AssessmentRecord.all(), db, problems: &problems)
        return problems
            + assessments.compactMap { assessment in
                let expected: JSONValue = [
                    "assessment_id": .int(assessment.id),
                    "category": .string(assessment.category.rawValue),
                    "note": .optional(assessment.note),
                ]
                guard let event = recorded[assessment.id], event.subject == assessment.clipSha256,
                    event.payload.canonicalText == expected.canonicalText
                else {
                    return CheckProblem(
                        subject: "assessment \(assessment.id)",
                        message: "differs from its ledger event (edited outside footage)")
                }
                return nil
            }
    }

    /// Each evidence link must match its `link.add` event (claim, clip SHA-256, range, stance, confidence, note,
    /// keyframes) and be retracted exactly when a `link.retract` event says so, point at the clip whose SHA-256 it
    /// names, and each keyframe it rests on must still be recorded with the same image hash and PDQ hash.
    static func linkProblems(_ db: Database, shaByID: [Int64: String]) throws -> [CheckProblem] {
        var problems: [CheckProblem] = []
        var recorded: [String: JSONValue] = [:]
        let events = try LedgerEvent.filter { $0.action == LedgerAction.linkAdd }.fetchCursor(db)
        while let event = try events.next() { recorded[event.subject] = JSONValue.recordedFields(event.payload) }
        var keyframes: [Int64: (String, String)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, sha256, pdq FROM keyframe") {
            keyframes[row["id"]] = (row["sha256"], row["pdq"])
        }
        let retractions = try eventPayloads(db, action: .linkRetract, key: "link_id")
        for link in try readableRecords(LinkRecord.all(), db, problems: &problems) {
            let subject = "link \(link.shortID)"
            // A retraction removed, or one added, behind footage's back changes what the evidence says.
            let retraction = retractions[link.id]
            if (retraction == nil) != (link.retractedAt == nil)
                || (retraction.map { $0.payload["note"] != .optional(link.retractionNote) } ?? false)
            {
                problems.append(
                    CheckProblem(
                        subject: subject,
                        message: "its retraction differs from the ledger (retracted or restored outside footage)"))
            }
            // Compared as canonical text: a stored 2.0 reads back as the integer 2, and both print as "2".
            if recorded[link.shortID]?.canonicalText != JSONValue.object(link.ledgerFields).canonicalText {
                problems.append(
                    CheckProblem(
                        subject: subject,
                        message:
                            "differs from its ledger event (claim, clip, range, stance or note edited outside footage)")
                )
            }
            if shaByID[link.clipId] != link.clipSha256 {
                problems.append(
                    CheckProblem(
                        subject: subject, message: "names clip \(link.clipSha256.prefix(12)) but points at another row")
                )
            }
            for frame in link.keyframesValue.arrayItems {
                guard case .int(let id)? = frame["id"] else { continue }
                let stored = keyframes[id]
                if stored?.0 != frame["sha256"]?.stringValue || stored?.1 != frame["pdq"]?.stringValue {
                    problems.append(
                        CheckProblem(subject: subject, message: "keyframe \(id) it rests on is missing or changed"))
                }
            }
        }
        return problems
    }
}
