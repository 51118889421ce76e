import FootageCatalog
import FootageMatching
import Foundation

/// One line of `xref REF`: a link that bears on the clip, with its claim and article, and where the linked seconds
/// lie in each clip that shares footage with this one; or a link made on a clip that shares footage with this one,
/// at seconds this clip shows too (`via`).
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

        /// The part of this clip's range that `corresponding.shared.other` shows too, and where it lies there.
        public init(_ corresponding: CrossReference.Corresponding) {
            let segment = corresponding.segment
            clip = corresponding.shared.other.sha256
            from = segment.bStart
            to = segment.bEnd
            thisFrom = segment.aStart
            thisTo = segment.aEnd
            offset = corresponding.shared.match.offset
        }
    }

    public var evidence: EvidenceRow
    /// The claim's text now (after any edit).
    public var claimText: String
    /// `open`, `dismissed` or `reviewed`.
    public var claimStatus: ClaimStatus
    public var article: String
    public var headline: String
    public var sameFootage: [SameFootage]
    /// For a link made on another clip: that clip (`clip`), the linked seconds there (`from`…`to`) and the same
    /// footage here (`this_from`…`this_to`), `offset` as in `same_footage`. Absent for a link on this clip.
    public var via: SameFootage?

    public init(_ item: CrossReference.ClipEvidence, review: ClaimReviewState) {
        self.init(item.evidence, sameFootage: item.sameFootage.map(SameFootage.init), via: nil, review: review)
    }

    /// A link made on another clip at seconds this clip shows too: `via` is seen from that clip (A) to this one (B).
    public init(linkOnOther evidence: LinkEvidence, via: CrossReference.Corresponding, review: ClaimReviewState) {
        self.init(evidence, sameFootage: [], via: SameFootage(via.fromTheOtherSide), review: review)
    }

    private init(_ evidence: LinkEvidence, sameFootage: [SameFootage], via: SameFootage?, review: ClaimReviewState) {
        self.evidence = EvidenceRow(evidence)
        claimText = review.text(of: evidence.claim)
        claimStatus = review.status
        article = evidence.article.shortID
        headline = evidence.article.headline
        self.sameFootage = sameFootage
        self.via = via
    }

    enum CodingKeys: String, CodingKey {
        case article, headline, via
        case claimText = "claim_text"
        case claimStatus = "claim_status"
        case sameFootage = "same_footage"
    }

    public func encode(to encoder: any Encoder) throws {
        try evidence.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(claimText, forKey: .claimText)
        try container.encode(claimStatus, forKey: .claimStatus)
        try container.encode(article, forKey: .article)
        try container.encode(headline, forKey: .headline)
        try container.encode(sameFootage, forKey: .sameFootage)
        try container.encodeIfPresent(via, forKey: .via)
    }
}
