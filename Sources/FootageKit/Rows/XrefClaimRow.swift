import FootageCatalog
import Foundation

/// One line of `xref ARTICLE`: a claim with its evidence (retracted links included, as history), whether any link
/// stands, and for a claim without evidence that refers to footage, clips whose acquisition names the publisher or
/// platform it names (suggestions, never links). Each piece of evidence says where its seconds lie in the clips that
/// share footage with the linked one (`same_footage`, as `xref REF` gives it).
public struct XrefClaimRow: Encodable, Sendable {
    /// A link with its clip, and the same seconds in other clips.
    public struct Evidence: Encodable, Sendable {
        public var evidence: EvidenceRow
        public var sameFootage: [XrefClipRow.SameFootage]

        enum CodingKeys: String, CodingKey { case sameFootage = "same_footage" }

        public func encode(to encoder: any Encoder) throws {
            try evidence.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sameFootage, forKey: .sameFootage)
        }
    }

    /// A suggested clip and why.
    public struct Candidate: Encodable, Sendable {
        public var sha256: String
        public var reason: String
    }

    public var claim: ClaimRow
    public var evidence: [Evidence]
    public var hasEvidence: Bool
    public var candidates: [Candidate]

    public init(_ entry: CrossReference.ClaimEntry) {
        claim = ClaimRow(entry.claim, review: entry.review)
        evidence = entry.evidence.map { item in
            Evidence(
                evidence: EvidenceRow(item),
                sameFootage: (entry.sameFootage[item.link.id] ?? []).map(XrefClipRow.SameFootage.init))
        }
        hasEvidence = !entry.standing.isEmpty
        candidates = entry.candidates.map { Candidate(sha256: $0.clip.sha256, reason: $0.reason) }
    }

    enum CodingKeys: String, CodingKey {
        case evidence, candidates
        case hasEvidence = "has_evidence"
    }

    public func encode(to encoder: any Encoder) throws {
        try claim.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(hasEvidence, forKey: .hasEvidence)
        try container.encode(candidates, forKey: .candidates)
    }
}
