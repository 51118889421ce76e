import FootageCatalog
import Foundation

/// The line of `footage init`: the catalogue folder made (or found already made), its database, and how many
/// ledger events it holds.
public struct CatalogFolderRow: Encodable, Sendable {
    public var catalog: String
    public var database: String
    public var events: Int64

    public init(_ catalog: Catalog) throws {
        self.catalog = catalog.root.path
        database = catalog.databaseURL.path
        events = try catalog.ledgerHead().count
    }
}
