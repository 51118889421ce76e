import FootageCatalog
import FootageMatching
import Foundation

extension CrossReference {
    /// One claim's evidence chain (`xref CLAIM`): its evidence, its article, and the ledger events behind the claim
    /// and each of its links, in ledger order.
    public struct ClaimChain: Sendable {
        public var entry: ClaimEntry
        public var article: ArticleRecord
        public var events: [LedgerEvent]
    }

    /// The same footage in another clip: the part of this clip's range the other clip shows too (A) and where it
    /// lies there (B).
    public struct Corresponding: Sendable {
        public var shared: SharedFootage
        public var segment: MatchSegment

        /// The same seconds seen from the other clip.
        public var fromTheOtherSide: Corresponding {
            Corresponding(shared: shared.fromTheOtherSide, segment: segment.reversed)
        }
    }

    /// A link that bears on the clip, and where its seconds lie in each clip that shares footage with this one.
    public struct ClipEvidence: Sendable {
        public var evidence: LinkEvidence
        public var sameFootage: [Corresponding]
    }

    /// Everything `xref REF` shows about a clip.
    public struct ClipReport: Sendable {
        public var clip: ClipRecord
        public var evidence: [ClipEvidence]
        /// The clips that share footage with this one.
        public var shared: [SharedFootage]
        /// Links made on those clips at seconds this clip shows too: `segment` is seen from the other clip (A) to
        /// this one (B).
        public var linksOnOthers: [(evidence: LinkEvidence, via: Corresponding)]
        /// Where the review of each claim above stands, by claim id.
        public var reviews: [Int64: ClaimReviewState] = [:]

        /// The review of a claim above (open when it has none).
        public func review(of claimId: Int64) -> ClaimReviewState { reviews[claimId] ?? ClaimReviewState() }
    }

    public static func chain(_ catalog: Catalog, _ claim: ClaimRecord) throws -> ClaimChain {
        let entry = try self.claim(catalog, claim)
        let article = try catalog.article(matching: "A\(claim.articleId)")
        var events = try catalog.ledgerEvents(subject: claim.shortID)
        for link in entry.evidence { events += try catalog.ledgerEvents(subject: link.link.shortID) }
        events.sort { $0.seq < $1.seq }
        return ClaimChain(entry: entry, article: article, events: events)
    }

    public static func report(_ catalog: Catalog, _ clip: ClipRecord) throws -> ClipReport {
        let shared = try SharedFootage.of(clip, catalog: catalog)
        let evidence = try self.clip(catalog, clip).map { item in
            ClipEvidence(evidence: item, sameFootage: corresponding(shared, from: item.link.start, to: item.link.end))
        }
        var onOthers: [(evidence: LinkEvidence, via: Corresponding)] = []
        for item in shared {
            let reversed = item.fromTheOtherSide
            for other in try self.clip(catalog, item.other) {
                for segment in reversed.corresponding(from: other.link.start, to: other.link.end) {
                    onOthers.append((other, Corresponding(shared: reversed, segment: segment)))
                }
            }
        }
        let claimIds = evidence.map(\.evidence.link.claimId) + onOthers.map(\.evidence.link.claimId)
        return ClipReport(
            clip: clip, evidence: evidence, shared: shared, linksOnOthers: onOthers,
            reviews: try catalog.claimReviews(claimIds: claimIds))
    }

    static func corresponding(_ shared: [SharedFootage], from start: Double, to end: Double) -> [Corresponding] {
        shared.flatMap { item in
            item.corresponding(from: start, to: end).map { Corresponding(shared: item, segment: $0) }
        }
    }
}

/// The clips sharing footage with each linked clip, read once per clip however many links it has.
struct SharedFootageCache {
    let catalog: Catalog
    private var byClip: [Int64: [SharedFootage]] = [:]

    init(catalog: Catalog) { self.catalog = catalog }

    /// Where each link's seconds lie in the clips that share footage with its clip, by link id (links whose
    /// seconds no other clip shows are left out).
    mutating func corresponding(_ links: [LinkEvidence]) throws -> [Int64: [CrossReference.Corresponding]] {
        var result: [Int64: [CrossReference.Corresponding]] = [:]
        for item in links {
            let shared = try byClip[item.clip.id] ?? SharedFootage.of(item.clip, catalog: catalog)
            byClip[item.clip.id] = shared
            let same = CrossReference.corresponding(shared, from: item.link.start, to: item.link.end)
            if !same.isEmpty { result[item.link.id] = same }
        }
        return result
    }
}
