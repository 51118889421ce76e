import FootageCore
import Foundation
import GRDB

/// A match as stored: its row id and `NewMatch`'s fields.
public typealias MatchRecord = Stored<NewMatch>

/// Two catalogued clips that share footage. One row per pair, the clip with the smaller id as A:
/// `b.time ≈ a.time + offset`.
///
/// A match is evidence: it is never deleted, and its id names its pair for ever. It names the fingerprints it was
/// found with (`fingerprintA`, `fingerprintB`: their data SHA-256); running `match` again keeps it as it is unless a
/// stronger measurement of the same pair is found, or one of those fingerprints was recomputed — then the change, or
/// the withdrawal of a match that no longer holds (`withdrawnAt`, `withdrawnBy`, `withdrawnReason`), is a ledger
/// event of its own naming why.
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
    /// The data SHA-256 of A's and B's fingerprints the match was found with.
    public var fingerprintA: String
    public var fingerprintB: String
    /// Set when the match no longer holds: when, by whom and why it was withdrawn.
    public var withdrawnAt: String?
    public var withdrawnBy: String?
    public var withdrawnReason: String?

    /// Whether the match holds (it has not been withdrawn).
    public var holds: Bool { withdrawnAt == nil }

    public init(
        clipA: Int64, clipB: Int64, shareA: Double, shareB: Double, offset: Double, transform: MatchTransform?,
        segments: JSONValue, matchedFrames: Int, meanDistance: Double, rule: JSONValue, fingerprintA: String = "",
        fingerprintB: String = ""
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
        self.fingerprintA = fingerprintA
        self.fingerprintB = fingerprintB
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
            "rule": (try? JSONValue(parsing: rule)) ?? .null, "matched_frames": .int(Int64(matchedFrames)),
            "fingerprint_a": .string(fingerprintA), "fingerprint_b": .string(fingerprintB),
        ]
    }

    /// Whether this finding of the pair is stronger than `other`: more frames matched, then a larger share of the
    /// clip with the smaller share, then a closer mean distance.
    public func isStronger(than other: NewMatch) -> Bool {
        (matchedFrames, min(shareA, shareB), -meanDistance)
            > (other.matchedFrames, min(other.shareA, other.shareB), -other.meanDistance)
    }

    /// Whether `other` is the same finding as it would be recorded (values rounded as the ledger records them).
    public func isSameFinding(as other: NewMatch) -> Bool {
        JSONValue.object(ledgerFields(shaA: "", shaB: "")).canonicalText
            == JSONValue.object(other.ledgerFields(shaA: "", shaB: "")).canonicalText
    }

    /// Whether it rests on the same fingerprints as `other`.
    public func restsOnSameFingerprints(as other: NewMatch) -> Bool {
        fingerprintA == other.fingerprintA && fingerprintB == other.fingerprintB
    }
}

extension NewMatch {
    /// The table's columns, for queries.
    public enum Columns {
        public static let clipA = Column("clip_a")
        public static let clipB = Column("clip_b")
        public static let transform = Column("transform")
        public static let withdrawnAt = Column("withdrawn_at")
    }
}

extension Catalog {
    /// Why a match was recorded or changed, as its ledger event says.
    public enum MatchReason: String, Sendable {
        /// The pair was found for the first time.
        case found
        /// The same fingerprints measured again gave a stronger match (a later rule or matcher).
        case stronger
        /// A fingerprint the match rested on was recomputed, and the pair was measured again.
        case fingerprintRecomputed = "fingerprint recomputed"
        /// A withdrawn match was found again.
        case foundAgain = "found again"
    }

    /// Records that two clips share footage: a new pair, or a change to a stored pair, written with a `clips.match`
    /// ledger event naming `reason` in one transaction; the same finding again changes nothing. The pair keeps its
    /// row and id. Returns the stored record and whether anything changed.
    public func record(_ match: NewMatch, reason: MatchReason = .found, actor: String) throws -> (
        MatchRecord, changed: Bool
    ) {
        try write { db in
            let (shaA, shaB) = try Self.shas(db, match.clipA, match.clipB)
            let existing = try Self.match(db, clipA: match.clipA, clipB: match.clipB)
            let fields = match.ledgerFields(shaA: shaA, shaB: shaB)
            if let existing, existing.fields.holds,
                JSONValue.object(existing.fields.ledgerFields(shaA: shaA, shaB: shaB)).canonicalText
                    == JSONValue.object(fields).canonicalText
            {
                return (existing, false)
            }
            var new = match
            new.matchedAt = Timestamp.now()
            new.matchedBy = actor
            new.withdrawnAt = nil
            new.withdrawnBy = nil
            new.withdrawnReason = nil
            let saved: MatchRecord
            if let existing {
                saved = MatchRecord(id: existing.id, fields: new)
                try saved.update(db)
            } else {
                saved = try MatchRecord.insert(new, in: db)
            }
            var payload = fields
            payload["match_id"] = .int(saved.id)
            payload["reason"] = .string(reason.rawValue)
            var rows = RowChanges()
            try rows.written(db, "match", key: [saved.id])
            _ = try Ledger.append(
                db, actor: actor, action: .clipsMatch, subject: "match:\(saved.id)",
                payload: .object(payload), rows: rows)
            return (saved, true)
        }
    }

    /// Withdraws a stored match that no longer holds after a fingerprint it rested on was recomputed: the row stays,
    /// marked withdrawn with `reason`, and a `clips.match` event says so. `fingerprintA`/`fingerprintB` are the
    /// fingerprints the pair was measured with this time. Returns false when the pair has no holding match.
    @discardableResult
    public func withdrawMatch(
        clipA: Int64, clipB: Int64, fingerprintA: String, fingerprintB: String, reason: String, actor: String
    ) throws -> Bool {
        try write { db in
            guard var existing = try Self.match(db, clipA: clipA, clipB: clipB), existing.fields.holds else {
                return false
            }
            let (shaA, shaB) = try Self.shas(db, clipA, clipB)
            existing.fields.withdrawnAt = Timestamp.now()
            existing.fields.withdrawnBy = actor
            existing.fields.withdrawnReason = reason
            try existing.update(db)
            var rows = RowChanges()
            try rows.written(db, "match", key: [existing.id])
            _ = try Ledger.append(
                db, actor: actor, action: .clipsMatch, subject: "match:\(existing.id)",
                payload: [
                    "a": .string(shaA), "b": .string(shaB), "matched": false, "match_id": .int(existing.id),
                    "reason": .string(reason), "fingerprint_a": .string(fingerprintA),
                    "fingerprint_b": .string(fingerprintB),
                ], rows: rows)
            return true
        }
    }

    /// Every stored match that involves the clip and holds; with `includingWithdrawn`, withdrawn ones too.
    public func matches(clipId: Int64, includingWithdrawn: Bool = false) throws -> [MatchRecord] {
        try read { db in
            var request = MatchRecord.filter { $0.clipA == clipId || $0.clipB == clipId }
            if !includingWithdrawn { request = request.filter(NewMatch.Columns.withdrawnAt == nil) }
            return try request.orderByPrimaryKey().fetchAll(db)
        }
    }

    /// Every stored match that holds; with `includingWithdrawn`, withdrawn ones too.
    public func allMatches(includingWithdrawn: Bool = false) throws -> [MatchRecord] {
        try read { db in
            var request = MatchRecord.order { [$0.clipA, $0.clipB] }
            if !includingWithdrawn { request = request.filter(NewMatch.Columns.withdrawnAt == nil) }
            return try request.fetchAll(db)
        }
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

    /// The pair's stored match, holding or withdrawn.
    public func match(clipA: Int64, clipB: Int64) throws -> MatchRecord? {
        try read { db in try Self.match(db, clipA: clipA, clipB: clipB) }
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
    /// The fields every `clips.match` event has recorded since matches were first stored: what the checks of
    /// catalogues written before row images compare.
    static let matchEventFields: Set<String> = [
        "a", "b", "matched", "share_a", "share_b", "offset", "transform", "segments", "rule", "match_id",
    ]

    /// Each stored match must be what its latest `clips.match` event recorded (clips, shares, offset, segments,
    /// transform, rule), and a match whose latest event still says it holds must not be missing. For catalogues
    /// whose events carry no row images; `matchLedgerProblems` checks what the ledger itself must say.
    static func matchProblems(_ db: Database, shaByID: [Int64: String]) throws -> [CheckProblem] {
        var latest: [Int64: JSONValue] = [:]
        let events = try LedgerEvent.filter { $0.action == LedgerAction.clipsMatch }.orderByPrimaryKey()
            .fetchCursor(db)
        while let event = try events.next() {
            guard let payload = JSONValue.recordedFields(event.payload), case .int(let id)? = payload["match_id"]
            else { continue }
            latest[id] = payload
        }
        func compared(_ fields: [String: JSONValue]) -> String {
            JSONValue.object(fields.filter { matchEventFields.contains($0.key) }).canonicalText
        }
        var problems: [CheckProblem] = []
        var present = Set<Int64>()
        for match in try readableRecords(MatchRecord.all(), db, problems: &problems) {
            present.insert(match.id)
            var expected = match.fields.ledgerFields(
                shaA: shaByID[match.clipA] ?? "?",
                shaB: shaByID[match.clipB] ?? "?")
            expected["match_id"] = .int(match.id)
            if !match.fields.holds { expected = ["matched": false] }
            let recorded = latest[match.id]?.objectMembers ?? [:]
            let differs =
                match.fields.holds
                ? compared(recorded) != compared(expected) : recorded["matched"] != .bool(false)
            if differs {
                problems.append(
                    CheckProblem(
                        subject: "match \(match.id)",
                        message: "differs from its ledger event (edited outside footage)"))
            }
        }
        for id in latest.keys where !present.contains(id) {
            problems.append(CheckProblem(subject: "match \(id)", message: "was deleted outside footage"))
        }
        return problems.sorted { $0.subject < $1.subject }
    }

    /// What the ledger's `clips.match` events must say whatever the tables hold: a match id names one pair for ever,
    /// and a match is withdrawn, or measured weaker, only by an event whose fingerprints differ from those the
    /// match rested on (a fingerprint was recomputed). Events written before matches named their fingerprints are
    /// judged by the first rule only.
    public func matchLedgerProblems() throws -> [CheckProblem] {
        try read { db in
            struct Last {
                var pair: String
                var payload: [String: JSONValue]
            }
            var last: [Int64: Last] = [:]
            var problems: [CheckProblem] = []
            let events = try LedgerEvent.filter { $0.action == LedgerAction.clipsMatch }.orderByPrimaryKey()
                .fetchCursor(db)
            while let event = try events.next() {
                guard let payload = JSONValue.recordedFields(event.payload)?.objectMembers,
                    case .int(let id)? = payload["match_id"]
                else { continue }
                let pair = "\(payload["a"]?.stringValue ?? "?") \(payload["b"]?.stringValue ?? "?")"
                defer { last[id] = Last(pair: pair, payload: payload) }
                guard let previous = last[id] else { continue }
                let subject = "ledger event \(event.seq)"
                if previous.pair != pair {
                    problems.append(
                        CheckProblem(
                            subject: subject, message: "match \(id) names another pair of clips than it did before"))
                    continue
                }
                guard let before = previous.payload["fingerprint_a"], payload["fingerprint_a"] != nil else { continue }
                let sameFingerprints =
                    before == payload["fingerprint_a"] && previous.payload["fingerprint_b"] == payload["fingerprint_b"]
                let wasHeld = previous.payload["matched"] == .bool(true)
                let withdrawn = payload["matched"] == .bool(false)
                let weaker =
                    (payload["matched_frames"]?.doubleValue ?? 0)
                    < (previous.payload["matched_frames"]?.doubleValue ?? 0)
                if wasHeld && (withdrawn || weaker) && sameFingerprints {
                    problems.append(
                        CheckProblem(
                            subject: subject,
                            message: "match \(id) is \(withdrawn ? "withdrawn" : "weakened") although the fingerprints "
                                + "it rests on were not recomputed"))
                }
            }
            return problems
        }
    }
}
