import GRDB

/// A row as the catalogue stores it: the id SQLite gave it when it was inserted, and its other columns.
///
/// What is inserted and what is read back are two types, as GRDB's documentation suggests for a column that is never
/// NULL in the table but unknown before the insert ("Dealing with Optional Timestamps" in its Record Timestamps
/// article): code builds the fields alone (`NewLink`, `NewClip`…) and the catalogue hands back `Stored` records
/// (`LinkRecord`, `ClipRecord`…) whose `id` is never missing, so no caller unwraps one. One generic type rather than
/// a second copy of every record's fields; the fields read as the record's own (`link.stance`) through dynamic
/// member lookup.
@dynamicMemberLookup
public struct Stored<Fields: SnakeCaseRecord>: Identifiable {
    public let id: Int64
    public var fields: Fields

    public init(id: Int64, fields: Fields) {
        self.id = id
        self.fields = fields
    }

    public subscript<Value>(dynamicMember keyPath: KeyPath<Fields, Value>) -> Value {
        fields[keyPath: keyPath]
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { fields[keyPath: keyPath] }
        set { fields[keyPath: keyPath] = newValue }
    }

    /// Inserts `fields` as a new row (SQLite picks the id) and returns it as stored.
    static func insert(_ fields: Fields, in db: Database) throws -> Stored {
        var fields = fields
        try fields.insert(db)
        return Stored(id: db.lastInsertedRowID, fields: fields)
    }
}

extension Stored: FetchableRecord, PersistableRecord {
    public typealias Columns = Fields.Columns
    public static var databaseTableName: String { Fields.databaseTableName }

    /// Throws `CatalogError.unknownValue` or `.unreadableRow`, naming the table and the row, for a row that does
    /// not read as a record.
    public init(row: Row) throws {
        id = try row.decode(Int64.self, forColumn: "id")
        do {
            fields = try Fields(row: row)
        } catch {
            throw Fields.readingError(error, row: row, id: id)
        }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        try fields.encode(to: &container)
        container["id"] = id
    }
}

/// As JSON (`--json` rows, exports): the fields and the id, in one object.
extension Stored: Encodable {
    private enum Key: String, CodingKey { case id }

    public func encode(to encoder: any Encoder) throws {
        try fields.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(id, forKey: .id)
    }
}

extension Stored: Sendable where Fields: Sendable {}
extension Stored: Equatable where Fields: Equatable {}
