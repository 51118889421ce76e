import GRDB

/// The "v4 fingerprints" migration: video fingerprints and the matches found between them.
///
/// A fingerprint is one row per clip with its frames packed into blobs (`frames`: per frame the 32-byte PDQ hash,
/// most significant byte first, the time as a little-endian IEEE double and the quality as one byte; `variants`:
/// the seven dihedral hashes of each frame, 224 bytes per frame). A million frames load as a few large reads
/// rather than a million rows, and the search index needs only `frames`, which SQLite reads without touching the
/// larger `variants` column stored after it.
enum FingerprintSchema {
    /// The "v7 centre hashes" migration: each frame's centre hash (the PDQ hash of its middle 90 %, 32 bytes a frame
    /// in frame order), so that copies cropped by about 10 % are found. A column of its own, after the others, so that
    /// the search index reads `frames` and `centres` without touching `variants`. Empty for fingerprints made before.
    static func registerCentres(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7 centre hashes") { db in
            try db.execute(sql: "ALTER TABLE fingerprint ADD COLUMN centres BLOB NOT NULL DEFAULT x''")
        }
    }

    /// The "v8 edge strips" migration: each frame's four edge-strip hashes (`EdgeStrip` in FootageMedia), 33 bytes a
    /// strip (the hash, most significant byte first, then its quality), four a frame in the order left, right, top,
    /// bottom; empty for fingerprints made before. Read with the frames by the search index, so that a copy with a
    /// logo or caption is proposed.
    static func registerStrips(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8 edge strips") { db in
            try db.execute(sql: "ALTER TABLE fingerprint ADD COLUMN strips BLOB NOT NULL DEFAULT x''")
        }
    }

    /// The "v9 kept matches" migration: a match is evidence and is never deleted. A match row names the fingerprints
    /// it rests on (their data SHA-256), and says whether it still holds; a match that no longer holds after one of
    /// those fingerprints was recomputed is withdrawn (`withdrawn_at`, `withdrawn_by`, `withdrawn_reason`), keeping
    /// its id. `AUTOINCREMENT` so that an id is never given to another pair, even after a row is removed behind
    /// footage's back. Rows of earlier catalogues name no fingerprints (empty): which ones they were found with was
    /// not recorded, so such a match is never withdrawn by measuring again, only made stronger.
    static func registerKeptMatches(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9 kept matches") { db in
            try db.execute(
                sql: """
                    CREATE TABLE match_kept (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        clip_a INTEGER NOT NULL REFERENCES clip(id),
                        clip_b INTEGER NOT NULL REFERENCES clip(id),
                        share_a REAL NOT NULL,
                        share_b REAL NOT NULL,
                        "offset" REAL NOT NULL,
                        transform TEXT,
                        segments TEXT NOT NULL,
                        matched_frames INTEGER NOT NULL,
                        mean_distance REAL NOT NULL,
                        rule TEXT NOT NULL,
                        matched_at TEXT NOT NULL,
                        matched_by TEXT NOT NULL,
                        fingerprint_a TEXT NOT NULL DEFAULT '',
                        fingerprint_b TEXT NOT NULL DEFAULT '',
                        withdrawn_at TEXT,
                        withdrawn_by TEXT,
                        withdrawn_reason TEXT,
                        UNIQUE (clip_a, clip_b),
                        CHECK (clip_a < clip_b)
                    );
                    INSERT INTO match_kept (id, clip_a, clip_b, share_a, share_b, "offset", transform, segments,
                        matched_frames, mean_distance, rule, matched_at, matched_by)
                    SELECT id, clip_a, clip_b, share_a, share_b, "offset", transform, segments,
                        matched_frames, mean_distance, rule, matched_at, matched_by
                    FROM "match";
                    DROP TABLE "match";
                    ALTER TABLE match_kept RENAME TO "match";
                    CREATE INDEX match_clip_b ON "match"(clip_b);
                    """)
        }
    }

    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4 fingerprints") { db in
            try db.execute(
                sql: """
                    CREATE TABLE fingerprint (
                        clip_id INTEGER PRIMARY KEY REFERENCES clip(id),
                        rate REAL NOT NULL CHECK (rate > 0),
                        frame_count INTEGER NOT NULL,
                        usable_count INTEGER NOT NULL,
                        frames BLOB NOT NULL,
                        variants BLOB NOT NULL,
                        data_sha256 TEXT NOT NULL,
                        details TEXT NOT NULL DEFAULT '{}',
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE TABLE "match" (
                        id INTEGER PRIMARY KEY,
                        clip_a INTEGER NOT NULL REFERENCES clip(id),
                        clip_b INTEGER NOT NULL REFERENCES clip(id),
                        share_a REAL NOT NULL,
                        share_b REAL NOT NULL,
                        "offset" REAL NOT NULL,
                        transform TEXT,
                        segments TEXT NOT NULL,
                        matched_frames INTEGER NOT NULL,
                        mean_distance REAL NOT NULL,
                        rule TEXT NOT NULL,
                        matched_at TEXT NOT NULL,
                        matched_by TEXT NOT NULL,
                        UNIQUE (clip_a, clip_b),
                        CHECK (clip_a < clip_b)
                    );
                    CREATE INDEX match_clip_b ON "match"(clip_b);
                    """)
        }
    }
}
