import FootageCore
import Foundation
import GRDB

/// A match as stored: its row id and `NewMatch`'s fields.
public typealias MatchRecord = Stored<NewMatch>

/// Two catalogued clips that share footage, as the matcher last found them. One row per pair, the clip with the
/// smaller id as A: `b.time ≈ a.time + offset`.
public struct NewMatch: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "match"
    public static let vocabularyColumns = [VocabularyColumn(Columns.transform, MatchTransform.self)]

    public var clipA: Int64
    public var clipB: Int64
    /// The share of A's usable frames found in B at the offset, and the other way round.
    public var shareA: Double
    public var shareB: Double
    public var offset: Double
    /// Nil when the frames match as they are; else the rotation or mirroring of A that B shows.
    public var transform: MatchTransform?
    /// JSON array of `{a_start, a_end, b_start, b_end}` in seconds, in A's time order.
    public var segments: String
    public var matchedFrames: Int
    public var meanDistance: Double
    /// JSON object: the rule the match was decided under.
    public var rule: String
    public var matchedAt: String
    public var matchedBy: String

    public init(
        clipA: Int64, clipB: Int64, shareA: Double, shareB: Double, offset: Double, transform: MatchTransform?,
        segments: JSONValue, matchedFrames: Int, meanDistance: Double, rule: JSONValue
    ) {
        precondition(clipA < clipB, "a match is stored with the smaller clip id as A")
        self.clipA = clipA
        self.clipB = clipB
        self.shareA = shareA
        self.shareB = shareB
        self.offset = offset
        self.transform = transform
        self.segments = segments.canonicalText
        self.matchedFrames = matchedFrames
        self.meanDistance = meanDistance
        self.rule = rule.canonicalText
        self.matchedAt = ""
        self.matchedBy = ""
    }

    public var segmentsValue: JSONValue { (try? JSONValue(parsing: segments)) ?? .array([]) }

    /// What the ledger records, rounded as it is printed, so that a recomputation that finds the same thing is
    /// recognised as no change.
    func ledgerFields(shaA: String, shaB: String) -> [String: JSONValue] {
        func rounded(_ value: Double, _ places: Double) -> JSONValue { .double((value * places).rounded() / places) }
        let segments = segmentsValue.arrayItems.map { segment -> JSONValue in
            var object: [String: JSONValue] = [:]
            for key in ["a_start", "a_end", "b_start", "b_end"] {
                object[key] = rounded(segment[key]?.doubleValue ?? 0, 10)
            }
            return .object(object)
        }
        return [
            "a": .string(shaA), "b": .string(shaB), "matched": .bool(true),
            "share_a": rounded(shareA, 1000), "share_b": rounded(shareB, 1000), "offset": rounded(offset, 10),
            "transform": .optional(transform?.rawValue), "segments": .array(segments),
            "rule": (try? JSONValue(parsing: rule)) ?? .null,
        ]
    }
}

extension NewMatch {
    /// The table's columns, for queries.
    public enum Columns {
        public static let clipA = Column("clip_a")
        public static let clipB = Column("clip_b")
        public static let transform = Column("transform")
    }
}

extension Catalog {
    /// Records that two clips share footage. A new pair, or a pair whose shares, offset, segments or transform
    /// changed, is written with a `clips.match` ledger event in one transaction; the same finding again changes
    /// nothing. Returns the stored record and whether anything changed.
    public func record(_ match: NewMatch, actor: String) throws -> (MatchRecord, changed: Bool) {
        try write { db in
            let (shaA, shaB) = try Self.shas(db, match.clipA, match.clipB)
            let existing = try Self.match(db, clipA: match.clipA, clipB: match.clipB)
            let fields = match.ledgerFields(shaA: shaA, shaB: shaB)
            if let existing,
                JSONValue.object(existing.fields.ledgerFields(shaA: shaA, shaB: shaB)).canonicalText
                    == JSONValue.object(fields).canonicalText
            {
                return (existing, false)
            }
            var new = match
            new.matchedAt = Timestamp.now()
            new.matchedBy = actor
            let saved: MatchRecord
            if let existing {
                saved = MatchRecord(id: existing.id, fields: new)
                try saved.update(db)
            } else {
                saved = try MatchRecord.insert(new, in: db)
            }
            var payload = fields
            payload["match_id"] = .int(saved.id)
            var rows = RowChanges()
            try rows.written(db, "match", key: [saved.id])
            _ = try Ledger.append(
                db, actor: actor, action: .clipsMatch, subject: "match:\(saved.id)",
                payload: .object(payload), rows: rows)
            return (saved, true)
        }
    }

    /// Removes a stored match that no longer holds (after a fingerprint was recomputed), with a `clips.match` event
    /// saying so. Returns false when there was none.
    @discardableResult
    public func removeMatch(clipA: Int64, clipB: Int64, actor: String) throws -> Bool {
        try write { db in
            guard let existing = try Self.match(db, clipA: clipA, clipB: clipB) else { return false }
            let (shaA, shaB) = try Self.shas(db, clipA, clipB)
            try existing.delete(db)
            var rows = RowChanges()
            rows.removed("match", key: [.int(existing.id)])
            _ = try Ledger.append(
                db, actor: actor, action: .clipsMatch, subject: "match:\(existing.id)",
                payload: [
                    "a": .string(shaA), "b": .string(shaB), "matched": false,
                    "match_id": .int(existing.id),
                ], rows: rows)
            return true
        }
    }

    /// Every stored match that involves the clip.
    public func matches(clipId: Int64) throws -> [MatchRecord] {
        try read { db in
            try MatchRecord.filter { $0.clipA == clipId || $0.clipB == clipId }
                .orderByPrimaryKey().fetchAll(db)
        }
    }

    /// Every stored match.
    public func allMatches() throws -> [MatchRecord] {
        try read { db in try MatchRecord.order { [$0.clipA, $0.clipB] }.fetchAll(db) }
    }

    /// The clip with this row id.
    public func clip(id: Int64) throws -> ClipRecord {
        try read { db in
            guard let clip = try ClipRecord.fetchOne(db, key: id) else {
                throw CatalogError.missingClip(rowID: id)
            }
            return clip
        }
    }

    private static func match(_ db: Database, clipA: Int64, clipB: Int64) throws -> MatchRecord? {
        try MatchRecord.filter { $0.clipA == clipA && $0.clipB == clipB }.fetchOne(db)
    }

    private static func shas(_ db: Database, _ a: Int64, _ b: Int64) throws -> (String, String) {
        func sha(_ id: Int64) throws -> String {
            guard let sha = try String.fetchOne(db, sql: "SELECT sha256 FROM clip WHERE id = ?", arguments: [id]) else {
                throw CatalogError.missingClip(rowID: id)
            }
            return sha
        }
        return (try sha(a), try sha(b))
    }
}

extension Catalog {
    /// Each stored match must be what its latest `clips.match` event recorded (clips, shares, offset, segments,
    /// transform, rule), and a match whose latest event still says it holds must not be missing.
    static func matchProblems(_ db: Database, shaByID: [Int64: String]) throws -> [CheckProblem] {
        var latest: [Int64: JSONValue] = [:]
        let events = try LedgerEvent.filter { $0.action == LedgerAction.clipsMatch }.orderByPrimaryKey()
            .fetchCursor(db)
        while let event = try events.next() {
            guard let payload = JSONValue.recordedFields(event.payload), case .int(let id)? = payload["match_id"]
            else { continue }
            latest[id] = payload
        }
        var problems: [CheckProblem] = []
        var present = Set<Int64>()
        for match in try readableRecords(MatchRecord.all(), db, problems: &problems) {
            present.insert(match.id)
            var expected = match.fields.ledgerFields(
                shaA: shaByID[match.clipA] ?? "?",
                shaB: shaByID[match.clipB] ?? "?")
            expected["match_id"] = .int(match.id)
            if latest[match.id]?.canonicalText != JSONValue.object(expected).canonicalText {
                problems.append(
                    CheckProblem(
                        subject: "match \(match.id)",
                        message: "differs from its ledger event (edited outside footage)"))
            }
        }
        for (id, payload) in latest where payload["matched"] == .bool(true) && !present.contains(id) {
            problems.append(CheckProblem(subject: "match \(id)", message: "was deleted outside footage"))
        }
        return problems.sorted { $0.subject < $1.subject }
    }
}
