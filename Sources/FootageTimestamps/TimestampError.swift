import FootageCore

/// Why a time-stamp could not be had, or why a token does not prove what it should: one sentence a journalist can act
/// on, without the authority's address (the caller names it).
public struct TimestampError: FootageError, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
