import GRDB

/// The "v12 content credentials" migration: what each clip's C2PA manifest store said when it was registered (the
/// state, the validation codes, the store as JSON), one row per clip, each written with a `clip.credentials` event.
///
/// Clips registered before it have no row: their manifests were never read, which is neither "none" nor "not
/// checked" as recorded by a footage that tried.
enum CredentialsSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12 content credentials") { db in
            try db.execute(
                sql: """
                    CREATE TABLE credentials (
                        clip_id INTEGER PRIMARY KEY REFERENCES clip(id),
                        state TEXT NOT NULL CHECK (state IN
                            ('valid', 'invalid', 'unreadable', 'none', 'not checked')),
                        codes TEXT NOT NULL DEFAULT '[]',
                        reason TEXT,
                        manifest_json TEXT,
                        library TEXT,
                        recorded_at TEXT NOT NULL,
                        recorded_by TEXT NOT NULL
                    );
                    """)
        }
    }
}
