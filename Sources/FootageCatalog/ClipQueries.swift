import Foundation
import GRDB

/// A clip with everything recorded about it.
public struct ClipDetail: Sendable {
    public var clip: ClipRecord
    public var locations: [LocationRecord]
    public var streams: [StreamRecord]
    public var tags: [TagRecord]
    public var acquisitions: [AcquisitionRecord]
}

/// One line of `footage list clips`.
public struct ClipSummary: Sendable, Equatable {
    public var clip: ClipRecord
    public var publisher: String?
    public var platform: String?
    public var path: String?
    public var locationCount: Int
}

extension Catalog {
    /// Finds a clip by its SHA-256, a unique prefix of at least 6 hex digits, or the path of a registered file.
    public func clip(matching reference: String) throws -> ClipRecord {
        try read { db in try Catalog.resolveClip(db, reference) }
    }

    static func resolveClip(_ db: Database, _ reference: String) throws -> ClipRecord {
        let ref = reference.trimmingCharacters(in: .whitespaces)
        let lower = ref.lowercased()
        let isHex = !lower.isEmpty && lower.allSatisfy { $0.isHexDigit }
        if isHex && lower.count >= 6 && lower.count <= 64 {
            // GLOB on the BINARY-collated unique index is a range scan.
            let matches = try ClipRecord.filter(sql: "sha256 GLOB ?", arguments: [lower + "*"]).limit(2).fetchAll(db)
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                throw CatalogError.ambiguousClipPrefix(reference: ref)
            }
        }
        let path = URL(fileURLWithPath: ref).standardizedFileURL.path
        let byPath = try ClipRecord.fetchAll(
            db,
            sql: """
                SELECT clip.* FROM clip JOIN location ON location.clip_id = clip.id
                WHERE location.path = ? GROUP BY clip.id ORDER BY clip.id DESC
                """, arguments: [path])
        if byPath.count == 1 { return byPath[0] }
        if byPath.count > 1 {
            throw CatalogError.ambiguousClipPath(reference: ref)
        }
        if isHex && lower.count < 6 {
            throw CatalogError.clipPrefixTooShort(reference: ref)
        }
        throw CatalogError.unknownClip(reference: ref)
    }

    public func detail(of clip: ClipRecord) throws -> ClipDetail {
        try read { db in
            ClipDetail(
                clip: clip,
                locations: try LocationRecord.filter { $0.clipId == clip.id }
                    .orderByPrimaryKey().fetchAll(db),
                streams: try StreamRecord.filter { $0.clipId == clip.id }
                    .order(\.streamIndex).fetchAll(db),
                tags: try TagRecord.filter { $0.clipId == clip.id }.orderByPrimaryKey().fetchAll(db),
                acquisitions: try AcquisitionRecord.filter { $0.clipId == clip.id }
                    .orderByPrimaryKey().fetchAll(db))
        }
    }

    /// Every clip with its first acquisition's publisher and platform, oldest first.
    public func clipSummaries() throws -> [ClipSummary] {
        try read { db in
            let clips = try ClipRecord.orderByPrimaryKey().fetchAll(db)
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT clip.id AS clip_id,
                        (SELECT coalesce(publisher, platform_uploader) FROM acquisition a WHERE a.clip_id = clip.id
                         AND coalesce(publisher, platform_uploader) IS NOT NULL ORDER BY a.id LIMIT 1) AS publisher,
                        (SELECT coalesce(platform, platform_extractor) FROM acquisition a WHERE a.clip_id = clip.id
                         AND coalesce(platform, platform_extractor) IS NOT NULL ORDER BY a.id LIMIT 1) AS platform,
                        (SELECT path FROM location l WHERE l.clip_id = clip.id ORDER BY l.id LIMIT 1) AS path,
                        (SELECT count(*) FROM location l WHERE l.clip_id = clip.id) AS n
                    FROM clip ORDER BY clip.id
                    """)
            return zip(clips, rows).map { clip, row in
                ClipSummary(
                    clip: clip, publisher: row["publisher"], platform: row["platform"], path: row["path"],
                    locationCount: row["n"])
            }
        }
    }

    /// Every recorded location of every clip with the SHA-256 its bytes must have, for re-hashing. Read as the
    /// rows hold them (`kind` as text), so that `verify` re-hashes every file even when a row's kind is one footage
    /// does not know (the record checks report that row).
    public func allLocations() throws -> [(path: String, kind: String, sha256: String)] {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT location.path, location.kind, clip.sha256 \
                    FROM location JOIN clip ON clip.id = location.clip_id
                    ORDER BY location.id
                    """)
            var locations: [(path: String, kind: String, sha256: String)] = []
            while let row = try rows.next() {
                locations.append(
                    (
                        try row.decode(String.self, atIndex: 0), try row.decode(String.self, atIndex: 1),
                        try row.decode(String.self, atIndex: 2)
                    ))
            }
            return locations
        }
    }

    /// Ledger events from `seq` on, in order.
    public func ledgerEvents(from seq: Int64 = 1, limit: Int? = nil) throws -> [LedgerEvent] {
        try read { db in
            var request = LedgerEvent.filter { $0.seq >= seq }.order(\.seq)
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    /// The events about one subject (a clip's SHA-256 or a record id).
    public func ledgerEvents(subject: String) throws -> [LedgerEvent] {
        try read { db in
            try LedgerEvent.filter { $0.subject == subject }.order(\.seq).fetchAll(db)
        }
    }
}
