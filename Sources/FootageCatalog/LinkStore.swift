import Foundation
import GRDB

/// A link with the clip and claim it ties together, for cross-references.
public struct LinkEvidence: Sendable {
    public var link: LinkRecord
    public var clip: ClipRecord
    public var claim: ClaimRecord
    public var article: ArticleRecord
    /// The first acquisition's publisher and platform of the clip, when known.
    public var publisher: String?
    public var platform: String?
    /// The state of the clip's C2PA manifest store as recorded (`valid`, `invalid`, …); nil when never read.
    public var c2pa: String?
}

extension Catalog {
    /// The time range a link may cover on a clip: inside [0, duration]. Times are compared with a millisecond of
    /// slack because durations are rounded in containers.
    public static let rangeSlack = 0.001

    /// Records an evidence link in one transaction with its ledger event. The range is checked against the clip's
    /// duration; the keyframes inside the range are recorded with their hashes, so that the link names exactly
    /// which stills it rests on.
    public func link(
        claimId: Int64, clip: ClipRecord, start: Double?, end: Double?, stance: Stance,
        confidence: Confidence, note: String?, actor: String
    ) throws -> LinkRecord {
        let duration = clip.duration ?? 0
        let from = start ?? 0
        let to = end ?? duration
        guard from >= 0, to >= 0 else { throw CatalogError.negativeRange(start: from, end: to) }
        guard to >= from else { throw CatalogError.reversedRange(start: from, end: to) }
        if clip.duration != nil && to > duration + Catalog.rangeSlack {
            throw CatalogError.rangePastEnd(end: to, clip: clip.sha256, duration: duration)
        }
        return try write { db in
            guard let claim = try ClaimRecord.fetchOne(db, key: claimId) else {
                throw CatalogError.missingRecord(.claim, id: claimId)
            }
            let frames = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, time, sha256, pdq FROM keyframe \
                    WHERE clip_id = ? AND time >= ? AND time <= ? ORDER BY time, id
                    """, arguments: [clip.id, from - Catalog.rangeSlack, to + Catalog.rangeSlack])
            let keyframes: JSONValue = .array(
                frames.map { row in
                    [
                        "id": .int(row["id"]), "time": .double(row["time"]), "sha256": .string(row["sha256"]),
                        "pdq": .string(row["pdq"]),
                    ]
                })
            var new = NewLink(
                claimId: claim.id, clipId: clip.id, clipSha256: clip.sha256, start: from, end: to,
                stance: stance, confidence: confidence, note: note)
            new.keyframes = keyframes.canonicalText
            new.createdAt = Timestamp.now()
            new.createdBy = actor
            let link = try LinkRecord.insert(new, in: db)
            var rows = RowChanges()
            try rows.written(db, "link", key: [link.id])
            if let note, !note.isEmpty {
                try SearchIndex.add(db, kind: "link", ref: link.shortID, field: "note", text: note, into: &rows)
            }
            _ = try Ledger.append(
                db, actor: actor, action: .linkAdd, subject: link.shortID,
                payload: .object(link.ledgerFields), rows: rows)
            return link
        }
    }

    /// Retracts a link: the row stays, marked retracted, and the retraction is a ledger event of its own.
    public func retract(linkId: Int64, note: String?, actor: String) throws -> LinkRecord {
        try write { db in
            guard var link = try LinkRecord.fetchOne(db, key: linkId) else {
                throw CatalogError.missingRecord(.link, id: linkId)
            }
            if let time = link.retractedAt { throw CatalogError.alreadyRetracted(link: linkId, at: time) }
            link.retractedAt = Timestamp.now()
            link.retractedBy = actor
            link.retractionNote = note
            try link.update(db)
            var rows = RowChanges()
            try rows.written(db, "link", key: [linkId])
            _ = try Ledger.append(
                db, actor: actor, action: .linkRetract, subject: link.shortID,
                payload: ["link_id": .int(linkId), "note": .optional(note)], rows: rows)
            return link
        }
    }

    /// Finds a link by its short id (`L5` or `5`).
    public func link(matching reference: String) throws -> LinkRecord {
        try read { db in
            if let id = ShortID.link.id(in: reference), let link = try LinkRecord.fetchOne(db, key: id) { return link }
            throw CatalogError.unknownLink(reference: reference)
        }
    }

    /// Every link of the given claims, retracted ones included, with their clips.
    public func evidence(claimIds: [Int64]) throws -> [LinkEvidence] {
        try read { db in
            try Catalog.evidence(
                db, where: "link.claim_id IN (SELECT value FROM json_each(?))",
                argument: JSONValue.array(claimIds.map(JSONValue.int)).canonicalText)
        }
    }

    /// Every link that bears on a clip.
    public func evidence(clipId: Int64) throws -> [LinkEvidence] {
        try read { db in try Catalog.evidence(db, where: "link.clip_id = ?", argument: clipId) }
    }

    private static func evidence(_ db: Database, where condition: String, argument: some DatabaseValueConvertible)
        throws -> [LinkEvidence]
    {
        let links = try LinkRecord.fetchAll(
            db, sql: "SELECT link.* FROM link WHERE \(condition) ORDER BY link.id",
            arguments: [argument])
        var clips: [Int64: ClipRecord] = [:]
        var claims: [Int64: ClaimRecord] = [:]
        var articles: [Int64: ArticleRecord] = [:]
        var sources: [Int64: (String?, String?)] = [:]
        var credentials: [Int64: String] = [:]
        var result: [LinkEvidence] = []
        for link in links {
            if clips[link.clipId] == nil {
                clips[link.clipId] = try ClipRecord.fetchOne(db, key: link.clipId)
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT coalesce(publisher, platform_uploader) AS publisher, \
                        coalesce(platform, platform_extractor) AS platform
                        FROM acquisition WHERE clip_id = ? ORDER BY id LIMIT 1
                        """, arguments: [link.clipId])
                sources[link.clipId] = (row?["publisher"], row?["platform"])
                credentials[link.clipId] = try String.fetchOne(
                    db, sql: "SELECT state FROM credentials WHERE clip_id = ?", arguments: [link.clipId])
            }
            if claims[link.claimId] == nil { claims[link.claimId] = try ClaimRecord.fetchOne(db, key: link.claimId) }
            guard let clip = clips[link.clipId], let claim = claims[link.claimId] else { continue }
            if articles[claim.articleId] == nil {
                articles[claim.articleId] = try ArticleRecord.fetchOne(db, key: claim.articleId)
            }
            guard let article = articles[claim.articleId] else { continue }
            let source = sources[link.clipId] ?? (nil, nil)
            result.append(
                LinkEvidence(
                    link: link, clip: clip, claim: claim, article: article,
                    publisher: source.0, platform: source.1, c2pa: credentials[link.clipId]))
        }
        return result
    }

    /// Clips whose acquisition names one of `publishers` or `platforms` (case-insensitive substring), for
    /// suggesting candidates to a claim that refers to footage.
    public func candidateClips(publishers: [String], platforms: [String]) throws -> [(clip: ClipRecord, reason: String)]
    {
        try read { db in
            var found: [(ClipRecord, String)] = []
            var seen = Set<Int64>()
            let terms = publishers.map { ("publisher", $0) } + platforms.map { ("platform", $0) }
            for (field, term) in terms where !term.isEmpty {
                let column =
                    field == "publisher"
                    ? "coalesce(a.publisher, '') || ' ' || coalesce(a.platform_uploader, '') || ' ' "
                        + "|| coalesce(a.platform_channel, '')"
                    : "coalesce(a.platform, '') || ' ' || coalesce(a.platform_extractor, '') || ' ' "
                        + "|| coalesce(a.platform_url, '')"
                let rows = try ClipRecord.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT clip.* FROM clip JOIN acquisition a ON a.clip_id = clip.id
                        WHERE instr(lower(\(column)), lower(?)) > 0 ORDER BY clip.id LIMIT 50
                        """, arguments: [term])
                for clip in rows where !seen.contains(clip.id) {
                    seen.insert(clip.id)
                    found.append((clip, "\(field) matches \"\(term)\""))
                }
            }
            return found
        }
    }
}
