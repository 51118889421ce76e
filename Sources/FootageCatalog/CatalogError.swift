import Foundation
import FootageCore

/// The one error type of FootageCatalog: what went wrong, with a message an analyst can act on.
public struct CatalogError: FootageError, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No catalogue folder was found or given.
        case notFound
        /// The file exists but is not a footage catalogue (another SQLite database, or not SQLite at all).
        case notACatalog
        /// The catalogue was made by a newer version of footage.
        case tooNew
        /// The database failed its quick check: it is damaged.
        case damaged
        /// A reference (clip, article, claim) matched nothing.
        case unknownReference
        /// A reference matched more than one record.
        case ambiguousReference
        /// The request contradicts what the catalogue holds (for example a time range past a clip's end).
        case invalid
        /// SQLite reported an error.
        case database
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
