import Foundation

/// A checkpoint of the ledger: how many events it had and the hash of the newest. Because each event's hash covers
/// the one before, the head hash stands for every event up to it; a later ledger whose event `events` still has
/// this hash, with the chain unbroken, has only been appended to since.
///
/// Its text form is one line meant to be published or sent elsewhere (a message, a notebook, a tweet):
/// `footage-seal:v1:<events>:<head>`.
public struct LedgerCheckpoint: Sendable, Hashable, CustomStringConvertible {
    public var events: Int64
    public var head: String

    public static let prefix = "footage-seal:v1:"

    public init(events: Int64, head: String) {
        self.events = events
        self.head = head
    }

    /// Reads the one-line form (surrounding white space ignored); nil if it is not one.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix(Self.prefix) else { return nil }
        let parts = trimmed.dropFirst(Self.prefix.count).split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }),
            let events = Int64(parts[0]),
            parts[1].count == 64, parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return nil }
        self.events = events
        self.head = String(parts[1])
    }

    public var description: String { "\(Self.prefix)\(events):\(head)" }
}
