import FootageCore
import GRDB

/// Refuses a catalogue file whose schema is not exactly one that footage's migrations make.
///
/// A catalogue may come from someone else, and SQLite runs what a file's schema says: a trigger on `ledger` fires
/// on footage's own INSERT and can write anywhere in the file, and a view named like one of footage's tables
/// answers footage's queries with whatever it selects. `PRAGMA trusted_schema = OFF` only keeps such triggers and
/// views from calling functions with side effects; it does not stop a plain trigger. So before any record is read
/// or anything written, every object of `sqlite_master` (type, name, table and SQL text, which SQLite keeps as it
/// was written) must be what the migrations make, after as many of them as the file lists: anything extra, missing
/// or different refuses the file, and nothing in it has run.
/// See <https://www.sqlite.org/security.html> and <https://www.sqlite.org/schematab.html>.
enum SchemaCheck {
    /// One row of `sqlite_master`.
    struct Object: Hashable, CustomStringConvertible {
        var type: String
        var name: String
        var table: String
        var sql: String?

        var description: String { type == "table" || name == table ? "\(type) \(name)" : "\(type) \(name) on \(table)" }
    }

    /// A schema footage makes: the migrations applied so far and the objects they leave.
    struct Level {
        var applied: [String]
        var objects: Set<Object>
    }

    /// SHA-256 of the schema footage makes (see `digest`) after 0, 1, 2… migrations. Checking a file costs one read
    /// of `sqlite_master` and one hash; only a file matching none of these is compared object by object against
    /// the migrations run in memory (tens of milliseconds), which also keeps a stale list correct, only slower.
    /// `SchemaCheckTests` fails with the new list when a migration is added.
    static let knownDigests: [String] = [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "bca545694e853198502bc9c7c91b3e88e98fb9c8072215ae6ad6f07a209dfcbd",
        "01cf5c7014606f1d0f420a5ed2a3c5fd0c3a9506d035a222e1b107a8c569ee52",
        "b41d16e2f2434c5712f15fdfed829163673e6ab95ad01269f201977849c021a7",
        "47307f7a353132ec1449c3f5aaf66fd10a82f7f4863591291c9366b74086866c",
        "7be9793f51db24a2019c4e56d1ae02821acc61e56f8cc1cee72a0405c38515b6",
        "43a96f630e32485f696519e75d82441b07a7277a26a1e97196140128ee0919e5",
        "ed70614a8f3f73eaba98bce322356bbc86429b3c75c9ca77cce12216dc96000b",
        "ac1684bd652393cbe0e2bcc71d3e3d86055618cd6dc77f0f202ed3b52d048558",
        "886453badcd290b838ed0c1c9c02ae86b9d484693654e571a57ed26f4128baee",
        "b574aa6e2830464b3a35020d5963548fb9bc8e20ad38dd95e30e67f24c4247a1",
        "986e8babd7fadafc282a95262bf3ff6cd4a4a720f6b6a777600c7e35d7c16c3d",
        "974c6e49d843ccadd991b4a4cbc5da5e2548999055e0c6fccb487c01cb411c72",
        "b8f0f77105b15dde63f5576864ebb13feffd49a6e35a761b3fb29b45dcba2e77",
        "901c6c27a13938f0eef97b7ed255d57594a15d5929a02648f2cb33f24b6f256b",
    ]

    /// The schema before any migration (a new, empty file) and after each one, from the migrations run in an
    /// empty in-memory database.
    static func levels() throws -> [Level] {
        let migrator = Schema.migrator
        let queue = try DatabaseQueue()
        var levels = [Level(applied: [], objects: try queue.read(objects))]
        for identifier in migrator.migrations {
            try migrator.migrate(queue, upTo: identifier)
            levels.append(Level(applied: levels.last!.applied + [identifier], objects: try queue.read(objects)))
        }
        return levels
    }

    /// One hash for a whole schema: its objects sorted, one line each.
    static func digest(_ objects: Set<Object>) -> String {
        let lines = objects.map { "\($0.type)\t\($0.name)\t\($0.table)\t\($0.sql ?? "")\n" }.sorted()
        return Hashing.sha256Hex(lines.joined())
    }

    /// Tables SQLite itself may add to any file (`ANALYZE` statistics); they hold data, never code.
    static let sqliteOwnTables: Set<String> = ["sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"]

    static func objects(_ db: Database) throws -> Set<Object> {
        let rows = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master")
        return Set(
            rows.compactMap { row in
                let object = Object(type: row[0], name: row[1], table: row[2], sql: row[3])
                return object.type == "table" && sqliteOwnTables.contains(object.name) ? nil : object
            })
    }

    /// Checks the file's schema and returns the migrations it has, or throws: `notACatalog` naming what differs,
    /// or `tooNew` when the file lists migrations this footage does not know.
    @discardableResult
    static func check(_ db: Database, path: String) throws -> [String] {
        let found = try objects(db)
        let migrations = Schema.migrator.migrations
        let foundDigest = digest(found)
        // Levels whose schema this is: usually exactly one, but a migration that changes only data would leave
        // two levels with the same schema, told apart by the migrations table.
        var candidates = knownDigests.indices.filter { knownDigests[$0] == foundDigest && $0 <= migrations.count }
            .map { Array(migrations.prefix($0)) }
        if candidates.isEmpty {
            let levels = try levels()
            candidates = levels.filter { $0.objects == found }.map(\.applied)
            if candidates.isEmpty {
                try refuseNewer(db, found: found, known: migrations, path: path)
                let closest = levels.min {
                    differences(found, $0.objects).count < differences(found, $1.objects).count
                }!
                throw CatalogError.foreignSchema(path: path, differences: differences(found, closest.objects))
            }
        }
        // The migrations table is now known to be the plain table footage makes (or absent from a new file).
        let listed =
            found.contains(migrationsTable)
            ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").sorted() : []
        guard let applied = candidates.first(where: { $0.sorted() == listed }) else {
            try refuseNewer(db, found: found, known: migrations, path: path)
            throw CatalogError.migrationsMismatch(path: path)
        }
        return applied
    }

    /// The table in which GRDB's migrator lists the migrations applied.
    static let migrationsTable = Object(
        type: "table", name: "grdb_migrations", table: "grdb_migrations",
        sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")

    /// A newer footage's catalogue has objects or migrations this one does not know: say "update footage" rather
    /// than "refused", after checking that its migrations table is the plain table GRDB makes.
    private static func refuseNewer(_ db: Database, found: Set<Object>, known: [String], path: String) throws {
        guard found.contains(migrationsTable) else { return }
        let known = Set(known)
        let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        if applied.contains(where: { !known.contains($0) }) {
            throw CatalogError.tooNew(path: path)
        }
    }

    /// What differs, in words: "unexpected trigger x on ledger", "missing table clip", "changed table ledger",
    /// "view verification where footage has a table".
    static func differences(_ found: Set<Object>, _ expected: Set<Object>) -> [String] {
        let expectedNames = Dictionary(expected.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let foundNames = Set(found.map(\.name))
        var out: [String] = []
        for object in found.subtracting(expected).sorted(by: { $0.name < $1.name }) {
            switch expectedNames[object.name] {
            case nil: out.append("unexpected \(object)")
            case let mine? where mine.type != object.type: out.append("\(object) where footage has a \(mine.type)")
            default: out.append("changed \(object)")
            }
        }
        let missing = expected.subtracting(found).filter { !foundNames.contains($0.name) }
        for object in missing.sorted(by: { $0.name < $1.name }) {
            out.append("missing \(object)")
        }
        return out
    }
}
