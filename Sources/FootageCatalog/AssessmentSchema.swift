import GRDB

/// The v5 migration: the analyst's assessment of each clip (`footage assess`) and the log of `footage verify`
/// runs, which reports show.
///
/// The verification log is not part of the ledger: checking the catalogue changes no evidence, and a check
/// appending to the chain it checks would move the head it just verified.
enum AssessmentSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5 assessments") { db in
            try db.execute(
                sql: """
                    CREATE TABLE assessment (
                        id INTEGER PRIMARY KEY,
                        clip_id INTEGER NOT NULL REFERENCES clip(id),
                        clip_sha256 TEXT NOT NULL,
                        category TEXT NOT NULL CHECK (category IN
                            ('original', 'decontextualized', 'edited', 'transformed', 'staged', 'satire')),
                        note TEXT,
                        created_at TEXT NOT NULL,
                        created_by TEXT NOT NULL
                    );
                    CREATE INDEX assessment_clip ON assessment(clip_id);
                    CREATE TABLE verification (
                        id INTEGER PRIMARY KEY,
                        time TEXT NOT NULL,
                        ok INTEGER NOT NULL,
                        files INTEGER NOT NULL,
                        problems INTEGER NOT NULL,
                        problem_list TEXT NOT NULL DEFAULT '[]',
                        events INTEGER NOT NULL,
                        head TEXT NOT NULL
                    );
                    """)
        }
    }
}
