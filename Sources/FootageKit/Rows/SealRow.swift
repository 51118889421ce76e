import FootageCatalog
import Foundation

/// The line of `footage seal`: the checkpoint to publish, and what it stands for.
public struct SealRow: Encodable, Sendable {
    public var id: Int64?
    /// `footage-seal:v1:<events>:<head>`, what `verify --since` takes.
    public var checkpoint: String
    public var events: Int64
    public var head: String
    public var time: String
    public var actor: String

    public init(_ seal: SealRecord) {
        id = seal.id
        checkpoint = seal.checkpoint.description
        events = seal.events
        head = seal.head
        time = seal.time
        actor = seal.actor
    }
}
