import GRDB

/// The "v13 seal timestamps" migration: the RFC 3161 time-stamp tokens `footage seal --tsa` obtained over a seal's
/// line, and the authority certificates given with `--tsa-ca`, which `verify` checks the tokens against.
///
/// Like seals, they are kept beside the ledger, not in it: a token is a statement an authority signed about the
/// chain, checked by its own signature and not by the ledger; as an event it would move the head it covers. Whoever
/// can rewrite the catalogue can delete a token (the copy exported with `export --format seal` and kept elsewhere
/// answers that) or store an authority certificate of their own making (`verify --tsa-ca FILE` checks against
/// certificates the reader trusts instead).
enum SealTimestampSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13 seal timestamps") { db in
            try db.execute(
                sql: """
                    CREATE TABLE seal_timestamp (
                        id INTEGER PRIMARY KEY,
                        seal_id INTEGER NOT NULL REFERENCES seal(id),
                        authority TEXT NOT NULL,
                        time TEXT NOT NULL,
                        nonce TEXT NOT NULL,
                        token BLOB NOT NULL
                    );
                    CREATE INDEX seal_timestamp_seal ON seal_timestamp(seal_id);
                    CREATE TABLE timestamp_authority (
                        id INTEGER PRIMARY KEY,
                        sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
                        subject TEXT NOT NULL,
                        certificate BLOB NOT NULL,
                        added_at TEXT NOT NULL,
                        added_by TEXT NOT NULL
                    );
                    """)
        }
    }
}
