import FootageCatalog
import Foundation

/// `footage log`: the ledger, or the part of it about one subject.
public enum LedgerLog {
    /// Events from sequence number `from`, at most `limit`; with `subject`, only the events about it. A subject
    /// that names a clip (SHA-256 prefix or path) stands for the clip's SHA-256; anything else (`A3`, `L5`) is
    /// taken as written. A prefix that fits several clips is an error, not a subject of its own.
    public static func events(_ catalog: Catalog, from: Int64 = 1, limit: Int? = nil, subject: String? = nil) throws
        -> [LedgerEvent]
    {
        guard let subject else { return try catalog.ledgerEvents(from: from, limit: limit) }
        let key: String
        do {
            key = try catalog.clip(matching: subject).sha256
        } catch let error as CatalogError where error.kind == .unknownReference {
            key = subject
        }
        let events = try catalog.ledgerEvents(subject: key)
        return limit.map { Array(events.prefix($0)) } ?? events
    }
}
