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
