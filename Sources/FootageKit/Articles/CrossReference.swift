import FootageCatalog
import Foundation

/// `footage xref`: claims with their evidence, clips with the claims they bear on, and claims still without
/// evidence, with candidate clips for claims that refer to footage.
public enum CrossReference {
    /// A clip suggested for a claim that refers to footage, and why.
    public struct Candidate: Sendable {
        public var clip: ClipRecord
        public var reason: String
    }

    public struct ClaimEntry: Sendable {
        public var claim: ClaimRecord
        /// Links, retracted ones included (they are history), oldest first.
        public var evidence: [LinkEvidence]
        public var candidates: [Candidate]
        /// Where each link's seconds lie in the clips that share footage with the linked one, by link id.
        public var sameFootage: [Int64: [Corresponding]] = [:]
        /// Where the claim's review stands: its status, its text now, the verdict.
        public var review = ClaimReviewState()
        /// Links that stand (not retracted).
        public var standing: [LinkEvidence] { evidence.filter { !$0.link.isRetracted } }
    }

    public struct ArticleReport: Sendable {
        public var article: ArticleRecord
        public var claims: [ClaimEntry]
        public var unlinked: [ClaimRecord] { claims.filter { $0.standing.isEmpty }.map(\.claim) }
    }

    public static func article(_ catalog: Catalog, _ article: ArticleRecord) throws -> ArticleReport {
        let claims = try catalog.claims(articleId: article.id)
        let evidence = Dictionary(grouping: try catalog.evidence(claimIds: claims.map { $0.id }), by: \.link.claimId)
        let reviews = try catalog.claimReviews(claimIds: claims.map(\.id))
        var entries: [ClaimEntry] = []
        var shared = SharedFootageCache(catalog: catalog)
        for claim in claims {
            let links = evidence[claim.id] ?? []
            let candidates = links.isEmpty ? try candidates(catalog, for: claim) : []
            entries.append(
                ClaimEntry(
                    claim: claim, evidence: links, candidates: candidates,
                    sameFootage: try shared.corresponding(links), review: reviews[claim.id] ?? ClaimReviewState()))
        }
        return ArticleReport(article: article, claims: entries)
    }

    public static func claim(_ catalog: Catalog, _ claim: ClaimRecord) throws -> ClaimEntry {
        let links = try catalog.evidence(claimIds: [claim.id])
        var shared = SharedFootageCache(catalog: catalog)
        return ClaimEntry(
            claim: claim, evidence: links, candidates: links.isEmpty ? try candidates(catalog, for: claim) : [],
            sameFootage: try shared.corresponding(links), review: try catalog.claimReview(claimId: claim.id))
    }

    public static func clip(_ catalog: Catalog, _ clip: ClipRecord) throws -> [LinkEvidence] {
        try catalog.evidence(clipId: clip.id)
    }

    /// Clips whose acquisition names the publisher or platform a footage claim names.
    static func candidates(_ catalog: Catalog, for claim: ClaimRecord) throws -> [Candidate] {
        guard claim.kindList.contains("footage"),
            case .array(let references)? = claim.detailsValue["footage_references"]
        else { return [] }
        var publishers: [String] = []
        var platforms: [String] = []
        for reference in references {
            for publisher in reference["publishers"]?.arrayItems ?? [] {
                if let name = publisher.stringValue { publishers.append(contentsOf: searchTerms(name)) }
            }
            if let platform = reference["platform"]?.stringValue { platforms.append(platform) }
        }
        return try catalog.candidateClips(publishers: publishers, platforms: platforms)
            .map { Candidate(clip: $0.clip, reason: $0.reason) }
    }

    /// "the Iraqi Defence Ministry" → the distinctive words a publisher name is matched on ("Iraqi", "Defence",
    /// "Ministry" are each too weak alone, so the name without articles is matched as written, plus "Pentagon"-style
    /// single names). Kept simple on purpose: candidates are suggestions for the analyst, never links.
    static func searchTerms(_ publisher: String) -> [String] {
        let words = publisher.split(separator: " ").map(String.init)
            .filter { !["the", "a", "an", "of"].contains($0.lowercased()) }
        guard !words.isEmpty else { return [] }
        var terms = [words.joined(separator: " ")]
        // "Iraqi Defence Ministry" should find "Iraqi Ministry of Defence": match on the rarest word as well.
        if words.count > 1, let longest = words.max(by: { $0.count < $1.count }), longest.count >= 6 {
            terms.append(longest)
        }
        return terms
    }
}
