import Foundation
import GRDB

/// The full-text index (SQLite FTS5) over clip tags, acquisition notes and, later, articles and claims.
/// Rows are added by the same transaction that adds what they index, not by triggers, so that a catalogue file
/// from elsewhere cannot smuggle behaviour in through its schema. See <https://www.sqlite.org/fts5.html>.
enum SearchIndex {
    /// Adds an entry, and records it among the rows the event that indexes it writes.
    static func add(
        _ db: Database, kind: String, ref: String, field: String, text: String, into changes: inout RowChanges
    ) throws {
        try db.execute(
            sql: "INSERT INTO search(kind, ref, field, text) VALUES (?, ?, ?, ?)",
            arguments: [kind, ref, field, text])
        try changes.written(db, "search", key: [db.lastInsertedRowID])
    }
}
