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
    /// The RFC 3161 tokens taken over the line (`seal --tsa`): where each is kept and the authority's time.
    public var timestamps: [Stamp]

    public struct Stamp: Encodable, Sendable {
        /// The row of the `seal_timestamp` table that holds the token.
        public var id: Int64
        public var authority: String
        public var time: String
        public var nonce: String
    }

    public init(_ seal: SealRecord, timestamps: [SealTimestampRecord] = []) {
        id = seal.id
        checkpoint = seal.checkpoint.description
        events = seal.events
        head = seal.head
        time = seal.time
        actor = seal.actor
        self.timestamps = timestamps.map {
            Stamp(id: $0.id, authority: $0.authority, time: $0.time, nonce: $0.nonce)
        }
    }
}
