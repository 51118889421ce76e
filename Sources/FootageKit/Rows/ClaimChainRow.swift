import FootageCatalog
import Foundation

/// The line of `xref CLAIM`: the claim's row as `xref ARTICLE` gives it, the article's headline, and the ledger
/// events behind the claim and its links, in order.
public struct ClaimChainRow: Encodable, Sendable {
    public var entry: XrefClaimRow
    public var headline: String
    public var events: [LedgerEventRow]

    public init(_ chain: CrossReference.ClaimChain) {
        entry = XrefClaimRow(chain.entry)
        headline = chain.article.headline
        events = chain.events.map(LedgerEventRow.init)
    }

    enum CodingKeys: String, CodingKey { case headline, events }

    public func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(headline, forKey: .headline)
        try container.encode(events, forKey: .events)
    }
}
