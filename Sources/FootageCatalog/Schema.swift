import GRDB

/// The catalogue's schema as a list of named migrations.
///
/// Migrations are append-only: once one has landed it is never edited; a change is a new migration.
/// Column names are snake_case so that the database reads naturally in the `sqlite3` shell.
enum Schema {
    /// `PRAGMA application_id` of every footage catalogue: "FTG1". It tells a footage catalogue apart from any
    /// other SQLite file before anything else in it is read.
    static let applicationID: Int32 = 0x4654_4731

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 clips, acquisitions, ledger") { db in
            try db.execute(sql: """
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
        return migrator
    }
}
