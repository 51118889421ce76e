import FootageCatalog
import Foundation

/// One ledger event, the same everywhere it is shown (`log`, `show`'s and `xref CLAIM`'s `events`): every field
/// the event's hash covers, so that anyone can recompute the chain from the rows.
public struct LedgerEventRow: Encodable, Sendable {
    public var seq: Int64
    public var time: String
    public var actor: String
    public var action: LedgerAction
    public var subject: String
    /// The event's details; the stored text itself when it is not JSON (which `verify` reports).
    public var payload: JSONValue
    public var prevHash: String
    public var hash: String

    public init(_ event: LedgerEvent) {
        seq = event.seq
        time = event.time
        actor = event.actor
        action = event.action
        subject = event.subject
        payload = (try? JSONValue(parsing: event.payload)) ?? .string(event.payload)
        prevHash = event.prevHash
        hash = event.hash
    }

    enum CodingKeys: String, CodingKey {
        case seq, time, actor, action, subject, payload, hash
        case prevHash = "prev_hash"
    }
}
