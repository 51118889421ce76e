import GRDB

/// The catalogue's schema as a list of named migrations.
///
/// Migrations are append-only: once one has landed it is never edited; a change is a new migration.
/// Column names are snake_case so that the database reads naturally in the `sqlite3` shell.
enum Schema {
    /// `PRAGMA application_id` of every footage catalogue: "FTG1". It tells a footage catalogue apart from any
    /// other SQLite file before anything else in it is read.
    static let applicationID: Int32 = 0x4654_4731

    /// Applies the migrations a catalogue lacks. Several footage processes may open an older catalogue at the same
    /// moment: GRDB reads which migrations are applied before taking the write lock, so all of them may try the
    /// same migration, and all but the first then fail ("table already exists"). What matters is that the
    /// migrations end up applied, so a failed attempt is retried while another process is making progress.
    static func migrate(_ writer: some DatabaseWriter) throws {
        let migrator = Schema.migrator
        var attempts = 0
        while true {
            do {
                return try migrator.migrate(writer)
            } catch {
                attempts += 1
                let applied = try writer.read { db in try migrator.appliedIdentifiers(db) }
                if applied == Set(migrator.migrations) { return }
                if attempts > migrator.migrations.count { throw error }
            }
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 clips, acquisitions, ledger") { db in
            try db.execute(
                sql: """
                    CREATE TABLE clip (
                        id INTEGER PRIMARY KEY,
                        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                        size INTEGER NOT NULL,
                        format_name TEXT,
                        duration REAL,
                        bit_rate INTEGER,
                        width INTEGER,
                        height INTEGER,
                        video_codec TEXT,
                        audio_codec TEXT,
                        frame_rate TEXT,
                        title TEXT,
                        creation_time TEXT,
                        creation_time_source TEXT,
                        latitude REAL,
                        longitude REAL,
                        altitude REAL,
                        location_source TEXT,
                        make TEXT,
                        model TEXT,
                        software TEXT,
                        rotation REAL,
                        warnings TEXT NOT NULL DEFAULT '[]',
                        probe_json TEXT NOT NULL,
                        registered_at TEXT NOT NULL,
                        registered_by TEXT NOT NULL
                    );
                    CREATE TABLE location (
                        id INTEGER PRIMARY KEY,
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        path TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('original', 'copy')),
                        first_seen TEXT NOT NULL,
                        UNIQUE (clip_id, path)
                    );
                    CREATE INDEX location_path ON location(path);
                    CREATE TABLE stream (
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        stream_index INTEGER NOT NULL,
                        codec_type TEXT,
                        codec_name TEXT,
                        profile TEXT,
                        width INTEGER,
                        height INTEGER,
                        pix_fmt TEXT,
                        frame_rate TEXT,
                        time_base TEXT,
                        duration REAL,
                        nb_frames INTEGER,
                        sample_rate INTEGER,
                        channels INTEGER,
                        channel_layout TEXT,
                        language TEXT,
                        rotation REAL,
                        PRIMARY KEY (clip_id, stream_index)
                    ) WITHOUT ROWID;
                    CREATE TABLE tag (
                        id INTEGER PRIMARY KEY,
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        scope TEXT NOT NULL,
                        key TEXT NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE INDEX tag_clip ON tag(clip_id);
                    CREATE TABLE acquisition (
                        id INTEGER PRIMARY KEY,
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        publisher TEXT,
                        platform TEXT,
                        url TEXT,
                        published TEXT,
                        retrieved TEXT,
                        retrieved_by TEXT,
                        note TEXT,
                        sidecar_path TEXT,
                        sidecar_sha256 TEXT,
                        sidecar_json TEXT,
                        platform_url TEXT,
                        platform_extractor TEXT,
                        platform_video_id TEXT,
                        platform_uploader TEXT,
                        platform_channel TEXT,
                        platform_upload_time TEXT,
                        platform_title TEXT,
                        platform_description TEXT,
                        platform_retrieved_at TEXT,
                        recorded_at TEXT NOT NULL,
                        recorded_by TEXT NOT NULL
                    );
                    CREATE INDEX acquisition_clip ON acquisition(clip_id);
                    CREATE TABLE ledger (
                        seq INTEGER PRIMARY KEY,
                        time TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject TEXT NOT NULL,
                        payload TEXT NOT NULL,
                        prev_hash TEXT NOT NULL,
                        hash TEXT NOT NULL UNIQUE
                    );
                    CREATE INDEX ledger_subject ON ledger(subject);
                    CREATE VIRTUAL TABLE search USING fts5(
                        kind UNINDEXED, ref UNINDEXED, field UNINDEXED, text,
                        tokenize = 'unicode61 remove_diacritics 2'
                    );
                    """)
        }
        migrator.registerMigration("v2 keyframes") { db in
            try db.execute(
                sql: """
                    CREATE TABLE extraction (
                        id INTEGER PRIMARY KEY,
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        mode TEXT NOT NULL CHECK (mode IN ('key', 'scene', 'interval')),
                        params TEXT NOT NULL,
                        folder TEXT NOT NULL,
                        sheet_path TEXT,
                        sheet_sha256 TEXT,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        UNIQUE (clip_id, params)
                    );
                    CREATE TABLE keyframe (
                        id INTEGER PRIMARY KEY,
                        extraction_id INTEGER NOT NULL REFERENCES extraction(id),
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        idx INTEGER NOT NULL,
                        pts INTEGER NOT NULL,
                        time_base TEXT NOT NULL,
                        time REAL NOT NULL,
                        width INTEGER NOT NULL,
                        height INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        pdq TEXT NOT NULL,
                        quality INTEGER NOT NULL,
                        score REAL,
                        UNIQUE (extraction_id, idx)
                    );
                    CREATE INDEX keyframe_clip_time ON keyframe(clip_id, time);
                    """)
        }
        migrator.registerMigration("v3 articles, claims, evidence links") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        id INTEGER PRIMARY KEY,
                        sha256 TEXT NOT NULL UNIQUE,
                        format TEXT NOT NULL,
                        headline TEXT NOT NULL,
                        standfirst TEXT,
                        url TEXT,
                        outlet TEXT,
                        published TEXT,
                        author TEXT,
                        body TEXT NOT NULL,
                        source_path TEXT,
                        imported_at TEXT NOT NULL,
                        imported_by TEXT NOT NULL
                    );
                    CREATE TABLE claim (
                        id INTEGER PRIMARY KEY,
                        article_id INTEGER NOT NULL REFERENCES article(id),
                        idx INTEGER NOT NULL,
                        text TEXT NOT NULL,
                        start INTEGER,
                        "end" INTEGER,
                        kinds TEXT NOT NULL,
                        attribution TEXT,
                        details TEXT NOT NULL DEFAULT '{}',
                        origin TEXT NOT NULL CHECK (origin IN ('extracted', 'analyst')),
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        UNIQUE (article_id, idx)
                    );
                    CREATE TABLE link (
                        id INTEGER PRIMARY KEY,
                        claim_id INTEGER NOT NULL REFERENCES claim(id),
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        clip_sha256 TEXT NOT NULL,
                        start REAL NOT NULL,
                        "end" REAL NOT NULL,
                        stance TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context', 'unclear')),
                        confidence TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
                        note TEXT,
                        keyframes TEXT NOT NULL DEFAULT '[]',
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL,
                        retracted_at TEXT,
                        retracted_by TEXT,
                        retraction_note TEXT,
                        CHECK (start >= 0 AND "end" >= start)
                    );
                    CREATE INDEX link_claim ON link(claim_id);
                    CREATE INDEX link_clip ON link(clip_id);
                    """)
        }
        FingerprintSchema.register(in: &migrator)
        AssessmentSchema.register(in: &migrator)
        SealSchema.register(in: &migrator)
        FingerprintSchema.registerCentres(in: &migrator)
        FingerprintSchema.registerStrips(in: &migrator)
        FingerprintSchema.registerKeptMatches(in: &migrator)
        ClaimReviewSchema.register(in: &migrator)
        ClipTitleSchema.register(in: &migrator)
        CredentialsSchema.register(in: &migrator)
        SealTimestampSchema.register(in: &migrator)
        FetchSchema.register(in: &migrator)
        return migrator
    }
}
