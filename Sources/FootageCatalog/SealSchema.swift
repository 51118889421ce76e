import GRDB

/// The "v6 seals" migration: the checkpoints `footage seal` printed, each the number of ledger events and the head
/// hash at that moment.
///
/// Seals are kept beside the ledger, not in it. A seal is a statement about the chain, not a change to the evidence;
/// as an event it would move the head it names, so the printed checkpoint could never cover the newest event and
/// sealing an unchanged catalogue twice would print two different checkpoints. Nor would an event add proof: whoever
/// can rewrite the ledger can rewrite a seal stored with it. The proof is the copy published elsewhere; the rows here
/// record what was published, so that `verify` re-checks every one of them.
enum SealSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6 seals") { db in
            try db.execute(
                sql: """
                    CREATE TABLE seal (
                        id INTEGER PRIMARY KEY,
                        time TEXT NOT NULL,
                        actor TEXT NOT NULL,
                        events INTEGER NOT NULL CHECK (events >= 0),
                        head TEXT NOT NULL CHECK (length(head) = 64)
                    );
                    """)
        }
    }
}
