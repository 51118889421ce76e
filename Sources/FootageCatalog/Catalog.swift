import FootageCore
import Foundation
import GRDB

/// A catalogue folder: `Catalog/catalog.sqlite` (clips, articles, links, ledger), `Catalog/keyframes/`, and
/// `Media/` for evidentiary copies. Like a git working tree, every command finds its catalogue from an explicit
/// folder, else `FOOTAGE_HOME`, else by walking up from the current directory.
///
/// The database runs in WAL mode with foreign keys on and a busy timeout, so that several `footage` processes
/// can read and write one catalogue at once; every write is one IMMEDIATE transaction together with its ledger
/// event. See <https://www.sqlite.org/wal.html>.
public final class Catalog: Sendable {
    /// The catalogue folder (the one holding `Catalog/` and `Media/`).
    public let root: URL
    /// A pool (one writer, concurrent readers) for commands that write; one read-only connection for those
    /// that only read, which opens in a fraction of the time (a catalogue query must answer within 50 ms).
    let database: any DatabaseWriter

    /// How long a writer waits for another process's transaction before giving up.
    static let busyTimeout: TimeInterval = 30

    public var databaseURL: URL { Catalog.databaseURL(in: root) }
    public var keyframesFolder: URL { root.appendingPathComponent("Catalog/keyframes", isDirectory: true) }
    public var mediaFolder: URL { root.appendingPathComponent("Media", isDirectory: true) }

    public static func databaseURL(in root: URL) -> URL {
        root.appendingPathComponent("Catalog/catalog.sqlite")
    }

    private init(root: URL, database: any DatabaseWriter) {
        self.root = root
        self.database = database
    }

    /// How a command uses the catalogue.
    public enum Access: Sendable {
        /// Reads and writes; the file must pass SQLite's `quick_check` first.
        case write
        /// Reads and writes, without the quick check: `footage verify` runs the full `integrity_check` itself and
        /// must be able to report on a damaged file.
        case inspect
        /// Only reads, through one read-only connection; nothing the command does can change the file.
        case read
        /// Only reads a catalogue that cannot be written at all (a write-blocked copy an auditor was given): opened
        /// `immutable`, so SQLite needs no write access even to create its shared-memory file. Such a catalogue
        /// must not change while it is open, and cannot be migrated. See <https://www.sqlite.org/uri.html>.
        case audit
    }

    /// Creates the catalogue folder (or opens it if it is one already). Its `Catalog/`, `Catalog/keyframes/` and
    /// `Media/` are made one at a time from the catalogue folder's descriptor; one that is a symbolic link is refused
    /// (`SymbolicLinkRefused`), so that footage never makes or writes folders where a link points.
    public static func create(at root: URL) throws -> Catalog {
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw IOError(path: root.path, failure: "cannot create the folder", underlying: error)
        }
        let folder = try FolderHandle(path: root.path)
        _ = try folder.folder("Catalog", creating: true).folder("keyframes", creating: true)
        _ = try folder.folder("Media", creating: true)
        return try open(root: root, creating: true)
    }

    /// Opens an existing catalogue folder. Refuses a database that is not a footage catalogue and, when opening
    /// for writing, one that fails SQLite's `quick_check`.
    ///
    /// Reading opens skip the quick check so that queries stay fast on large catalogues; `footage verify` runs
    /// the full `integrity_check`. A catalogue that still needs a migration (made by an older footage) is
    /// migrated by a writing open first, also when the command only reads.
    public static func open(root: URL, access: Access = .write) throws -> Catalog {
        if access == .audit {
            let catalog = try open(root: root, creating: false, access: .audit)
            guard catalog.isCurrent else { throw CatalogError.needsMigration(path: databaseURL(in: root).path) }
            return catalog
        }
        guard access == .read else { return try open(root: root, creating: false, access: access) }
        if let catalog = try? open(root: root, creating: false, access: .read), catalog.isCurrent {
            return catalog
        }
        _ = try open(root: root, creating: false, access: .inspect)
        return try open(root: root, creating: false, access: .read)
    }

    private static func open(root: URL, creating: Bool, access: Access = .write) throws -> Catalog {
        let url = databaseURL(in: root)
        let exists = FileManager.default.fileExists(atPath: url.path)
        if !exists && !creating {
            throw CatalogError.noCatalogue(folder: root.path)
        }
        if exists { try checkHeader(url) }
        var config = Configuration()
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.label = "footage"
        config.prepareDatabase { db in
            // A catalogue file may come from someone else: never run functions from its schema (views, triggers)
            // and refuse writes that could corrupt the file format.
            try db.execute(sql: "PRAGMA trusted_schema = OFF")
            // A crafted b-tree is caught when a page is read rather than when it is used (SQLite's own advice).
            try db.execute(sql: "PRAGMA cell_size_check = ON")
        }
        let database: any DatabaseWriter
        do {
            if access == .read {
                config.readonly = true
                database = try DatabaseQueue(path: url.path, configuration: config)
            } else if access == .audit {
                config.readonly = true
                database = try DatabaseQueue(path: immutableURI(url), configuration: config)
            } else {
                database = try DatabasePool(path: url.path, configuration: config)
            }
        } catch {
            throw CatalogError.unopenable(path: url.path, reason: describe(error))
        }
        let catalog = Catalog(root: root, database: database)
        if access == .read || access == .audit {
            // Reading runs no trigger, but a view named like a table would answer footage's queries.
            try Catalog.translatingErrors(path: url.path) {
                try database.read { db in _ = try SchemaCheck.check(db, path: url.path) }
            }
        } else {
            try catalog.prepare(creating: !exists, checked: access == .write)
        }
        return catalog
    }

    /// `file:/path?immutable=1`, the path percent-encoded so that `?`, `#` and `%` in folder names stay part of it.
    private static func immutableURI(_ url: URL) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let path = url.path.addingPercentEncoding(withAllowedCharacters: allowed) ?? url.path
        return "file:\(path)?immutable=1"
    }

    /// Reads the first 100 bytes: a SQLite file must start with the SQLite magic; anything else is refused before
    /// SQLite opens it.
    private static func checkHeader(_ url: URL) throws {
        let header: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            header = try handle.read(upToCount: 100) ?? Data()
        } catch {
            throw IOError(path: url.path, failure: "cannot read the catalogue file", underlying: error)
        }
        if header.isEmpty { return }  // an empty file becomes a new catalogue
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw CatalogError.notSQLite(path: url.path)
        }
        // application_id is stored big-endian at offset 68 of the header.
        let id = header[68..<72].reduce(Int32(0)) { ($0 << 8) | Int32($1) }
        let pageCount = header[28..<32].reduce(UInt32(0)) { ($0 << 8) | UInt32($1) }
        if id != Schema.applicationID && pageCount > 0 && id != 0 {
            throw CatalogError.foreignApplicationID(path: url.path, id: id)
        }
    }

    /// True when the file is a footage catalogue with every migration of this version applied: what a read-only
    /// open requires, as it cannot migrate.
    private var isCurrent: Bool {
        guard
            let state = try? database.read({ db in
                (try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0, try Schema.migrator.appliedIdentifiers(db))
            })
        else { return false }
        return state.0 == Schema.applicationID && state.1 == Set(Schema.migrator.migrations)
    }

    private func prepare(creating: Bool, checked: Bool) throws {
        try Catalog.translatingErrors(path: databaseURL.path) {
            let id = try database.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0 }
            let tableCount = try database.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            }
            if id != Schema.applicationID {
                guard id == 0 && tableCount == 0 else { throw CatalogError.otherDatabase(path: databaseURL.path) }
                try database.write { db in try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)") }
            }
            // Before any record is read or written: the schema must be one footage makes (no triggers, no views).
            try database.read { db in _ = try SchemaCheck.check(db, path: databaseURL.path) }
            if checked && !creating {
                let result = try database.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
                guard result == "ok" else {
                    throw CatalogError.damaged(path: databaseURL.path, quickCheck: result ?? "no answer")
                }
            }
            let migrator = Schema.migrator
            let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
            let known = Set(migrator.migrations)
            if !applied.isSubset(of: known) { throw CatalogError.tooNew(path: databaseURL.path) }
            if applied != known {
                try Schema.migrate(database)
            }
        }
    }

    /// Finds the catalogue folder: the explicit one, else `FOOTAGE_HOME`, else the first folder at or above
    /// `start` that holds `Catalog/catalog.sqlite`.
    public static func locate(explicit: String?, environment: [String: String], start: URL) -> URL? {
        if let explicit { return URL(fileURLWithPath: explicit, isDirectory: true).standardizedFileURL }
        if let home = environment["FOOTAGE_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true).standardizedFileURL
        }
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: databaseURL(in: folder).path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// A short message for a GRDB/SQLite error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
            // SQLite reports a full disk as SQLITE_FULL, but a file size limit (EFBIG) as a plain I/O error.
            guard error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR else { return message }
            return "\(message): the disk is full, a file size limit was reached or the disk failed; "
                + "the catalogue was not changed"
        }
        return "\(error)"
    }

    /// Runs `body` in one IMMEDIATE write transaction; SQLite errors become CatalogErrors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try Catalog.translatingErrors(path: databaseURL.path) { try database.write(body) }
    }

    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try Catalog.translatingErrors(path: databaseURL.path) { try database.read(body) }
    }

    /// Runs `body`; what it throws other than a CatalogError (SQLite's errors) becomes `.database`, naming the file.
    static func translatingErrors<T>(path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as CatalogError {
            throw error
        } catch {
            throw CatalogError.database(path: path, message: describe(error))
        }
    }
}
