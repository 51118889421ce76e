import FootageCatalog
import FootageMatching
import Foundation

/// One line of `xref REF`: a link that bears on the clip, with its claim and article, and where the linked seconds
/// lie in each clip that shares footage with this one.
public struct XrefClipRow: Encodable, Sendable {
    /// The linked seconds of this clip (`this_from`…`this_to`) and the same footage in another clip.
    public struct SameFootage: Encodable, Sendable {
        public var clip: String
        public var from: Double
        public var to: Double
        public var thisFrom: Double
        public var thisTo: Double
        public var offset: Double

        enum CodingKeys: String, CodingKey {
            case clip, from, to, offset
            case thisFrom = "this_from"
            case thisTo = "this_to"
        }
    }

    public var evidence: EvidenceRow
    public var claimText: String
    public var article: String
    public var headline: String
    public var sameFootage: [SameFootage]

    public init(_ item: CrossReference.ClipEvidence) {
        evidence = EvidenceRow(item.evidence)
        claimText = item.evidence.claim.text
        article = item.evidence.article.shortID
        headline = item.evidence.article.headline
        sameFootage = item.sameFootage.map { same in
            SameFootage(
                clip: same.shared.other.sha256, from: same.segment.bStart, to: same.segment.bEnd,
                thisFrom: same.segment.aStart, thisTo: same.segment.aEnd, offset: same.shared.match.offset)
        }
    }

    enum CodingKeys: String, CodingKey {
        case article, headline
        case claimText = "claim_text"
        case sameFootage = "same_footage"
    }

    public func encode(to encoder: any Encoder) throws {
        try evidence.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(claimText, forKey: .claimText)
        try container.encode(article, forKey: .article)
        try container.encode(headline, forKey: .headline)
        try container.encode(sameFootage, forKey: .sameFootage)
    }
}
