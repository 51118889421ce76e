import Crypto
import FootageCore
import Foundation
import GRDB

/// A row as the ledger records it: every column `LedgerCoverage` lists for its table, as JSON, read back from the
/// database after the write so that it is exactly what the table holds.
///
/// Values are the stored ones, whatever their type: NULL, integers, reals (JSON numbers), text as it is. Text longer
/// than `longText` bytes and every blob are recorded by their SHA-256 (`"sha256:…"`) so that an article's body or a
/// fingerprint's frames do not enter the ledger twice; the comparison is the same, since `verify` images the table's
/// row the same way.
enum RowImage {
    /// Text up to this many UTF-8 bytes is recorded as it is.
    static let longText = 256

    /// The JSON form of one stored value.
    static func value(_ value: DatabaseValue) -> JSONValue {
        switch value.storage {
        case .null: return .null
        case .int64(let integer): return .int(integer)
        case .double(let double): return .double(double)
        case .string(let text):
            return text.utf8.count > longText ? .string("sha256:" + Hashing.sha256Hex(text)) : .string(text)
        case .blob(let data): return .string("sha256:" + Hashing.sha256Hex(data))
        }
    }

    /// The image of `row`, read with `selection(of:)`.
    static func image(_ row: Row, _ table: LedgerCoverage.Table) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (index, column) in table.columns.enumerated() {
            let stored = row[index] as DatabaseValue
            if table.laterColumns.contains(column) && isUnset(stored) { continue }
            members[column] = value(stored)
        }
        return .object(members)
    }

    /// What a migration gives existing rows in a column it adds: NULL, empty text, an empty blob.
    static func isUnset(_ value: DatabaseValue) -> Bool {
        switch value.storage {
        case .null: return true
        case .string(let text): return text.isEmpty
        case .blob(let data): return data.isEmpty
        default: return false
        }
    }

    /// The key of `row` (read with `selection(of:)`, key columns first), as the ledger writes it: a JSON array.
    static func key(_ row: Row, _ table: LedgerCoverage.Table) -> JSONValue {
        .array(table.key.map { column in value(row[column] as DatabaseValue) })
    }

    /// The canonical text of a table's images and keys, written straight from the row: what `image(_:_:)` and
    /// `key(_:_:)` give printed with `canonicalText`, without building the values (the columns are put in the
    /// canonical key order once per table).
    struct Writer {
        let table: LedgerCoverage.Table
        private let ordered: [(name: String, index: Int, later: Bool)]
        private let keyIndices: [Int]

        init(_ table: LedgerCoverage.Table) {
            self.table = table
            ordered = table.columns.enumerated().map {
                ($0.element, $0.offset, table.laterColumns.contains($0.element))
            }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
            keyIndices = table.key.compactMap { table.columns.firstIndex(of: $0) }
        }

        func imageText(_ row: Row) -> String {
            var out = "{"
            out.reserveCapacity(1024)
            var first = true
            for column in ordered {
                let stored = row[column.index] as DatabaseValue
                if column.later && RowImage.isUnset(stored) { continue }
                if !first { out += "," }
                first = false
                out += "\""
                out += column.name
                out += "\":"
                Self.write(stored, to: &out)
            }
            return out + "}"
        }

        /// `RowImage.value(value).canonicalText`, appended without building the value.
        static func write(_ value: DatabaseValue, to out: inout String) {
            switch value.storage {
            case .null: out += "null"
            case .int64(let integer): out += String(integer)
            case .string(let text) where text.utf8.count <= RowImage.longText: JSONValue.writeString(text, to: &out)
            default: out += RowImage.value(value).canonicalText
            }
        }

        func keyText(_ row: Row) -> String {
            "[" + keyIndices.map { RowImage.value(row[$0] as DatabaseValue).canonicalText }.joined(separator: ",") + "]"
        }
    }

    /// `SELECT` of every imaged column, in `columns` order (the key is among them).
    static func selection(of table: LedgerCoverage.Table) -> String {
        let columns = table.columns.map { $0 == "rowid" ? "rowid" : "\"\($0)\"" }.joined(separator: ", ")
        return "SELECT \(columns) FROM \"\(table.name)\""
    }

    /// `WHERE` clause naming one row by its key.
    static func condition(of table: LedgerCoverage.Table) -> String {
        table.key.map { $0 == "rowid" ? "rowid = ?" : "\"\($0)\" = ?" }.joined(separator: " AND ")
    }
}

/// The rows one ledger event writes: each a table, a key and the row's image after the write (null when the event
/// removed it). `verify` replays these, event after event, into the state every covered table must be in.
struct RowChanges {
    private(set) var entries: [JSONValue] = []

    /// Records the row of `table` with `key` as it is now in the transaction.
    mutating func written(_ db: Database, _ tableName: String, key: [any DatabaseValueConvertible]) throws {
        guard let table = LedgerCoverage.table(tableName) else { preconditionFailure("\(tableName) is not covered") }
        let sql = RowImage.selection(of: table) + " WHERE " + RowImage.condition(of: table)
        guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(key)) else {
            preconditionFailure("\(tableName) \(key) was not written")
        }
        entries.append([
            "table": .string(tableName), "key": RowImage.key(row, table), "image": RowImage.image(row, table),
        ])
    }

    /// Records that the row of `table` with `key` is gone.
    mutating func removed(_ tableName: String, key: [JSONValue]) {
        entries.append(["table": .string(tableName), "key": .array(key), "image": .null])
    }

    var isEmpty: Bool { entries.isEmpty }
}
