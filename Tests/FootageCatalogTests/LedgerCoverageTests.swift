import FootageTestSupport
import GRDB
import Testing

@testable import FootageCatalog

/// The ledger covers every column of every table, or the table is said not to be evidence: a migration that adds a
/// column or a table fails here until the column is added to `LedgerCoverage` (and so to every row image).
@Suite struct LedgerCoverageTests {
    @Test func everyColumnOfEveryTableIsCoveredOrSaidNotToBeEvidence() throws {
        try withTemporaryCatalog { catalog in
            let schema = try catalog.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'").map { table in
                    (table, try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]))
                }
            }
            for (table, columns) in schema where !table.hasPrefix("sqlite_") {
                if LedgerCoverage.notEvidence[table] != nil { continue }
                let covered = try #require(
                    LedgerCoverage.table(table), "table \(table) is neither covered nor said not to be evidence")
                // The full-text index's row id is a hidden column; every other column is listed by the schema.
                let listed = Set(covered.columns).subtracting(["rowid"])
                #expect(listed == Set(columns), "\(table): \(Set(columns).symmetricDifference(listed))")
            }
            let tables = Set(schema.map(\.0))
            for covered in LedgerCoverage.tables { #expect(tables.contains(covered.name), "\(covered.name)") }
            for name in LedgerCoverage.notEvidence.keys { #expect(tables.contains(name), "\(name)") }
        }
    }
}
