import Foundation
import GRDB

/// Two catalogued clips that share footage, as the matcher last found them. One row per pair, the clip with the
/// smaller id as A: `b.time ≈ a.time + offset`.
public struct MatchRecord: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "match"

    public var id: Int64?
    public var clipA: Int64
    public var clipB: Int64
    /// The share of A's usable frames found in B at the offset, and the other way round.
    public var shareA: Double
    public var shareB: Double
    public var offset: Double
    /// Nil when the frames match as they are; else the rotation or mirroring of A that B shows.
    public var transform: String?
    /// JSON array of `{a_start, a_end, b_start, b_end}` in seconds, in A's time order.
    public var segments: String
    public var matchedFrames: Int
    public var meanDistance: Double
    /// JSON object: the rule the match was decided under.
    public var rule: String
    public var matchedAt: String
    public var matchedBy: String

    public init(clipA: Int64, clipB: Int64, shareA: Double, shareB: Double, offset: Double, transform: String?,
                segments: JSONValue, matchedFrames: Int, meanDistance: Double, rule: JSONValue) {
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

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

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
            "transform": .optional(transform), "segments": .array(segments),
            "rule": (try? JSONValue(parsing: rule)) ?? .null,
        ]
    }
}

extension Catalog {
    /// Records that two clips share footage. A new pair, or a pair whose shares, offset, segments or transform
    /// changed, is written with a `clips.match` ledger event in one transaction; the same finding again changes
    /// nothing. Returns the stored record and whether anything changed.
    public func record(_ match: MatchRecord, actor: String) throws -> (MatchRecord, changed: Bool) {
        try write { db in
            let (shaA, shaB) = try Self.shas(db, match.clipA, match.clipB)
            let existing = try MatchRecord.filter(Column("clip_a") == match.clipA && Column("clip_b") == match.clipB)
                .fetchOne(db)
            let fields = match.ledgerFields(shaA: shaA, shaB: shaB)
            if let existing,
               JSONValue.object(existing.ledgerFields(shaA: shaA, shaB: shaB)).canonicalText
                == JSONValue.object(fields).canonicalText {
                return (existing, false)
            }
            var saved = match
            saved.id = existing?.id
            saved.matchedAt = Timestamp.now()
            saved.matchedBy = actor
            if existing == nil { try saved.insert(db) } else { try saved.update(db) }
            var payload = fields
            payload["match_id"] = .int(saved.id!)
            _ = try Ledger.append(db, actor: actor, action: "clips.match", subject: "match:\(saved.id!)",
                                  payload: .object(payload))
            return (saved, true)
        }
    }

    /// Removes a stored match that no longer holds (after a fingerprint was recomputed), with a `clips.match` event
    /// saying so. Returns false when there was none.
    @discardableResult
    public func removeMatch(clipA: Int64, clipB: Int64, actor: String) throws -> Bool {
        try write { db in
            guard let existing = try MatchRecord.filter(Column("clip_a") == clipA && Column("clip_b") == clipB)
                .fetchOne(db)
            else { return false }
            let (shaA, shaB) = try Self.shas(db, clipA, clipB)
            try existing.delete(db)
            _ = try Ledger.append(db, actor: actor, action: "clips.match", subject: "match:\(existing.id!)",
                                  payload: ["a": .string(shaA), "b": .string(shaB), "matched": false,
                                            "match_id": .int(existing.id!)])
            return true
        }
    }

    /// Every stored match that involves the clip.
    public func matches(clipId: Int64) throws -> [MatchRecord] {
        try read { db in
            try MatchRecord.filter(Column("clip_a") == clipId || Column("clip_b") == clipId).order(Column("id")).fetchAll(db)
        }
    }

    /// Every stored match.
    public func allMatches() throws -> [MatchRecord] {
        try read { db in try MatchRecord.order(Column("clip_a"), Column("clip_b")).fetchAll(db) }
    }

    /// The clip with this row id.
    public func clip(id: Int64) throws -> ClipRecord {
        try read { db in
            guard let clip = try ClipRecord.fetchOne(db, key: id) else {
                throw CatalogError(.unknownReference, "no clip with row id \(id)")
            }
            return clip
        }
    }

    private static func shas(_ db: Database, _ a: Int64, _ b: Int64) throws -> (String, String) {
        guard let shaA = try String.fetchOne(db, sql: "SELECT sha256 FROM clip WHERE id = ?", arguments: [a]),
              let shaB = try String.fetchOne(db, sql: "SELECT sha256 FROM clip WHERE id = ?", arguments: [b])
        else { throw CatalogError(.unknownReference, "a matched clip is not in the catalogue") }
        return (shaA, shaB)
    }
}

extension Catalog {
    /// Each stored match must be what its latest `clips.match` event recorded (clips, shares, offset, segments,
    /// transform, rule), and a match whose latest event still says it holds must not be missing.
    static func matchProblems(_ db: Database, shaByID: [Int64: String]) throws -> [CheckProblem] {
        var latest: [Int64: JSONValue] = [:]
        let events = try LedgerEvent.filter(Column("action") == "clips.match").order(Column("seq")).fetchCursor(db)
        while let event = try events.next() {
            guard let payload = try? JSONValue(parsing: event.payload), case .int(let id)? = payload["match_id"]
            else { continue }
            latest[id] = payload
        }
        var problems: [CheckProblem] = []
        var present = Set<Int64>()
        for match in try MatchRecord.fetchAll(db) {
            present.insert(match.id!)
            var expected = match.ledgerFields(shaA: shaByID[match.clipA] ?? "?", shaB: shaByID[match.clipB] ?? "?")
            expected["match_id"] = .int(match.id!)
            if latest[match.id!]?.canonicalText != JSONValue.object(expected).canonicalText {
                problems.append(CheckProblem(subject: "match \(match.id!)",
                    message: "differs from its ledger event (edited outside footage)"))
            }
        }
        for (id, payload) in latest where payload["matched"] == .bool(true) && !present.contains(id) {
            problems.append(CheckProblem(subject: "match \(id)", message: "was deleted outside footage"))
        }
        return problems.sorted { $0.subject < $1.subject }
    }
}
