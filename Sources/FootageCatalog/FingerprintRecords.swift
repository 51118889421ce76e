import Crypto
import FootageCore
import Foundation
import GRDB

/// A clip's video fingerprint: PDQ hashes of frames sampled at `rate` per second, packed into blobs (see
/// `FingerprintSchema` for the layout; FootageKit packs and unpacks them).
public struct FingerprintRecord: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "fingerprint"

    public var clipId: Int64
    /// Frames sampled per second.
    public var rate: Double
    public var frameCount: Int
    /// Frames whose PDQ quality is high enough to compare (at least 50).
    public var usableCount: Int
    public var frames: Data
    public var variants: Data
    /// SHA-256 of `frames`, `variants`, `centres` and `strips` one after the other: what the ledger event records.
    public var dataSha256: String
    /// Canonical JSON: how the fingerprint was made (footage and FFmpeg versions, source path, picture size, crops).
    public var details: String
    public var createdAt: String
    public var createdBy: String
    /// Each frame's centre hash, 32 bytes a frame ("v7 centre hashes"); empty in fingerprints made before.
    public var centres: Data
    /// Each frame's four edge-strip hashes with their qualities ("v8 edge strips"); empty in fingerprints made before.
    public var strips: Data

    public init(
        clipId: Int64, rate: Double, frameCount: Int, usableCount: Int, frames: Data, variants: Data,
        centres: Data = Data(), strips: Data = Data(), details: [String: JSONValue] = [:]
    ) {
        self.clipId = clipId
        self.rate = rate
        self.frameCount = frameCount
        self.usableCount = usableCount
        self.frames = frames
        self.variants = variants
        self.centres = centres
        self.strips = strips
        self.dataSha256 = FingerprintRecord.sha256(frames: frames, variants: variants, centres: centres, strips: strips)
        self.details = JSONValue.object(details).canonicalText
        self.createdAt = ""
        self.createdBy = ""
    }

    /// Without centres or strips (fingerprints made before them) the digest is the one recorded then.
    public static func sha256(frames: Data, variants: Data, centres: Data, strips: Data) -> String {
        var hasher = SHA256()
        hasher.update(data: frames)
        hasher.update(data: variants)
        hasher.update(data: centres)
        hasher.update(data: strips)
        return hasher.finalize().hexString
    }
}

/// The frames of one stored fingerprint with their centre and strip hashes, without their variants: what the search
/// index loads.
public struct StoredFingerprintFrames: Sendable {
    public var clipId: Int64
    public var sha256: String
    public var rate: Double
    public var frames: Data
    /// The frames' centre hashes (32 bytes each, in frame order) when the fingerprint has them, else empty.
    public var centres: Data
    /// The frames' edge-strip hashes when the fingerprint has them, else empty.
    public var strips: Data
    /// The SHA-256 of the fingerprint's data: what a match found with it rests on.
    public var dataSha256: String

    public init(
        clipId: Int64, sha256: String, rate: Double, frames: Data, centres: Data = Data(), strips: Data = Data(),
        dataSha256: String = ""
    ) {
        (self.clipId, self.sha256, self.rate, self.frames) = (clipId, sha256, rate, frames)
        (self.centres, self.strips, self.dataSha256) = (centres, strips, dataSha256)
    }
}

extension Catalog {
    /// Stores a clip's fingerprint, replacing any earlier one, in one transaction with its `clip.fingerprint`
    /// ledger event (rate, frame counts, SHA-256 of the packed data, and `details`). Returns the event and whether a
    /// fingerprint was replaced.
    ///
    /// With `keepingExisting`, a clip that has a fingerprint keeps it and nil is returned: registration fingerprints
    /// only clips without one, and another process registering the same bytes at the same moment may have stored
    /// one since this process looked. Deciding inside the transaction keeps that from becoming a second event.
    public func store(_ fingerprint: FingerprintRecord, sha256: String, actor: String, keepingExisting: Bool = false)
        throws -> (event: LedgerEvent, replaced: Bool)?
    {
        try write { db in
            if keepingExisting, try FingerprintRecord.exists(db, key: fingerprint.clipId) { return nil }
            let replaced = try FingerprintRecord.deleteOne(db, key: fingerprint.clipId)
            var saved = fingerprint
            saved.createdAt = Timestamp.now()
            saved.createdBy = actor
            try saved.insert(db)
            var rows = RowChanges()
            try rows.written(db, "fingerprint", key: [saved.clipId])
            var payload = (try? JSONValue(parsing: saved.details))?.objectMembers ?? [:]
            payload["rate"] = .double(saved.rate)
            payload["frame_count"] = .int(Int64(saved.frameCount))
            payload["usable_count"] = .int(Int64(saved.usableCount))
            payload["data_sha256"] = .string(saved.dataSha256)
            payload["replaces_earlier"] = .bool(replaced)
            let event = try Ledger.append(
                db, actor: actor, action: .clipFingerprint, subject: sha256,
                payload: .object(payload), rows: rows)
            return (event, replaced)
        }
    }

    /// A clip's stored fingerprint, with its variants.
    public func fingerprint(clipId: Int64) throws -> FingerprintRecord? {
        try read { db in try FingerprintRecord.fetchOne(db, key: clipId) }
    }

    /// A clip's fingerprint's frame counts (all sampled, usable), without reading its blobs.
    public func fingerprintCounts(clipId: Int64) throws -> (frames: Int, usable: Int)? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT frame_count, usable_count FROM fingerprint WHERE clip_id = ?", arguments: [clipId]
            ).map { ($0[0], $0[1]) }
        }
    }

    /// Whether the clip has a fingerprint, without reading it.
    public func hasFingerprint(clipId: Int64) throws -> Bool {
        try read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM fingerprint WHERE clip_id = ?)",
                arguments: [clipId]) ?? false
        }
    }

    /// Every stored fingerprint, variants included, in clip order: what `footage match` over the whole catalogue
    /// reads once.
    public func allFingerprints() throws -> [FingerprintRecord] {
        try read { db in try FingerprintRecord.order(Column("clip_id")).fetchAll(db) }
    }

    /// Every stored fingerprint's frames and centre hashes (not their variants), in clip order: the search index's
    /// input.
    public func allFingerprintFrames() throws -> [StoredFingerprintFrames] {
        try read { db in
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT f.clip_id, c.sha256, f.rate, f.frames, f.centres, f.strips, f.data_sha256 \
                    FROM fingerprint f JOIN clip c ON c.id = f.clip_id
                    ORDER BY f.clip_id
                    """)
            var result: [StoredFingerprintFrames] = []
            while let row = try cursor.next() {
                result.append(
                    StoredFingerprintFrames(
                        clipId: row[0], sha256: row[1], rate: row[2], frames: row[3],
                        centres: row[4], strips: row[5], dataSha256: row[6]))
            }
            return result
        }
    }

    /// Each fingerprint must still hash to the SHA-256 its latest `clip.fingerprint` event recorded.
    public func fingerprintProblems() throws -> [CheckProblem] {
        try read { db in
            var recorded: [String: String] = [:]
            let events = try LedgerEvent.filter { $0.action == LedgerAction.clipFingerprint }.orderByPrimaryKey()
                .fetchCursor(db)
            while let event = try events.next() {
                recorded[event.subject] = (try? JSONValue(parsing: event.payload))?["data_sha256"]?.stringValue
            }
            var problems: [CheckProblem] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.sha256, f.frames, f.variants, f.centres, f.data_sha256, f.strips
                    FROM fingerprint f JOIN clip c ON c.id = f.clip_id
                    """)
            while let row = try rows.next() {
                let sha: String = row[0]
                let actual = FingerprintRecord.sha256(
                    frames: row[1], variants: row[2], centres: row[3], strips: row[5])
                if actual != row[4] as String || recorded[sha] != actual {
                    problems.append(
                        CheckProblem(
                            subject: "fingerprint of clip \(sha.prefix(12))",
                            message: "differs from its ledger event (edited outside footage)"))
                }
            }
            return problems
        }
    }
}

extension JSONValue {
    /// The members of an object, nil for anything else.
    var objectMembers: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }
}
