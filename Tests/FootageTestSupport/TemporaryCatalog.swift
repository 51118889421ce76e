import FootageCatalog
import Foundation

/// Runs `body` with a new catalogue in a temporary folder that is removed afterwards.
public func withTemporaryCatalog<T>(_ body: (Catalog) throws -> T) throws -> T {
    try withTemporaryFolder { root in try body(try Catalog.create(at: root)) }
}
