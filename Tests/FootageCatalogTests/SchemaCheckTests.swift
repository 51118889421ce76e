import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

/// A SQLite file dressed up as a catalogue (right application_id, footage's tables) but with a trigger, a view or
/// an extra object is refused before anything in it runs.
@Suite struct SchemaCheckTests {
    @Test func theKnownDigestsFollowTheMigrations() throws {
        let digests = try SchemaCheck.levels().map { SchemaCheck.digest($0.objects) }
        let listing = digests.map { "        \"\($0)\"," }.joined(separator: "\n")
        #expect(SchemaCheck.knownDigests == digests, "update SchemaCheck.knownDigests to:\n\(listing)")
    }

    @Test func aCatalogueAsFootageMadeItOpens() throws {
        try withTemporaryCatalog { catalog in
            let applied = try catalog.read { db in try SchemaCheck.check(db, path: "x") }
            #expect(applied == Schema.migrator.migrations)
        }
    }

    @Test func aTriggerOnTheLedgerIsRefusedAndNeverFires() throws {
        let root = try catalogueEdited(
            """
            CREATE TABLE stolen (what TEXT);
            CREATE TRIGGER ledger_copy AFTER INSERT ON ledger BEGIN INSERT INTO stolen VALUES (new.payload); END;
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(throws: CatalogError.self) { try Catalog.open(root: root) }
        #expect(error.kind == .notACatalog)
        #expect(error.description.contains("unexpected trigger ledger_copy on ledger"))
        #expect(error.description.contains("unexpected table stolen"))
        #expect(error.description.contains("nothing in it was run"))
        let rows = try DatabaseQueue(path: Catalog.databaseURL(in: root).path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM stolen")
        }
        #expect(rows == 0)
    }

    @Test func aViewInPlaceOfATableIsRefused() throws {
        let root = try catalogueEdited(
            """
            ALTER TABLE verification RENAME TO verification_real;
            CREATE VIEW verification AS SELECT * FROM verification_real;
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(throws: CatalogError.self) { try Catalog.open(root: root, access: .read) }
        #expect(error.description.contains("view verification where footage has a table"))
    }

    @Test func aChangedTableDefinitionIsRefused() throws {
        let root = try catalogueEdited("ALTER TABLE ledger ADD COLUMN extra TEXT")
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(throws: CatalogError.self) { try Catalog.open(root: root) }
        #expect(error.description.contains("changed table ledger"))
    }

    @Test func aMigrationListThatDoesNotMatchTheSchemaIsRefused() throws {
        let root = try catalogueEdited("DELETE FROM grdb_migrations WHERE identifier = 'v6 seals'")
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(throws: CatalogError.self) { try Catalog.open(root: root) }
        #expect(error.description.contains("list of migrations does not match"))
    }

    @Test func aCatalogueFromANewerFootageSaysSo() throws {
        let root = try catalogueEdited(
            """
            INSERT INTO grdb_migrations VALUES ('v99 something new');
            CREATE TABLE something_new (id INTEGER PRIMARY KEY);
            """)
        defer { try? FileManager.default.removeItem(at: root) }
        let error = try #require(throws: CatalogError.self) { try Catalog.open(root: root) }
        #expect(error.kind == .tooNew)
    }

    @Test func anOlderCatalogueOpensAndIsMigrated() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: Catalog.databaseURL(in: root).path)
        try queue.write { db in try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
        try Schema.migrator.migrate(queue, upTo: "v2 keyframes")
        try queue.close()
        let catalog = try Catalog.open(root: root)
        let applied = try catalog.read { db in try SchemaCheck.check(db, path: "x") }
        #expect(applied == Schema.migrator.migrations)
    }

    @Test func statisticsFromAnalyzeAreAccepted() throws {
        let root = try catalogueEdited("ANALYZE")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Catalog.open(root: root)
    }

    /// A new catalogue changed behind footage's back with `sql`, as someone with the `sqlite3` shell would.
    private func catalogueEdited(_ sql: String) throws -> URL {
        let root = try temporaryFolder()
        _ = try Catalog.create(at: root)
        let queue = try DatabaseQueue(path: Catalog.databaseURL(in: root).path)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
        return root
    }
}
