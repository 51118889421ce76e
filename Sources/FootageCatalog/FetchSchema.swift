import GRDB

/// The "v14 fetched acquisitions" migration: what `footage fetch` observed itself when it downloaded a clip, kept with
/// the acquisition beside what the analyst asserts and what the platform said.
///
/// The columns are NULL for every acquisition made otherwise (`register`), and for those recorded before the
/// migration; such rows keep the row images and ledger fields they were recorded with (`LedgerCoverage.laterColumns`,
/// `NewAcquisition.ledgerFields`).
enum FetchSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14 fetched acquisitions") { db in
            try db.execute(
                sql: """
                    ALTER TABLE acquisition ADD COLUMN fetch_url TEXT;
                    ALTER TABLE acquisition ADD COLUMN fetch_resolved_url TEXT;
                    ALTER TABLE acquisition ADD COLUMN fetch_media_url TEXT;
                    ALTER TABLE acquisition ADD COLUMN fetch_tool TEXT;
                    ALTER TABLE acquisition ADD COLUMN fetch_extractor TEXT;
                    ALTER TABLE acquisition ADD COLUMN fetched_at TEXT;
                    """)
        }
    }
}
