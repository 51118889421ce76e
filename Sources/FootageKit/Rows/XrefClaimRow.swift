import FootageCatalog
import Foundation

/// One line of `xref ARTICLE`: a claim with its evidence (retracted links included, as history), whether any link
/// stands, and for a claim without evidence that refers to footage, clips whose acquisition names the publisher or
/// platform it names (suggestions, never links).
public struct XrefClaimRow: Encodable, Sendable {
    /// A suggested clip and why.
    public struct Candidate: Encodable, Sendable {
        public var sha256: String
        public var reason: String
    }

    public var claim: ClaimRow
    public var evidence: [EvidenceRow]
    public var hasEvidence: Bool
    public var candidates: [Candidate]

    public init(_ entry: CrossReference.ClaimEntry) {
        claim = ClaimRow(entry.claim)
        evidence = entry.evidence.map(EvidenceRow.init)
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
