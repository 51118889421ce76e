import Foundation
import GRDB

/// Everything the catalogue holds about a subject — the whole catalogue, one article, or one clip — read in one
/// transaction, so that an export or report describes one consistent state. Every list is in id order (streams by
/// clip and index), so the same catalogue always gives the same snapshot.
public struct CatalogSnapshot: Sendable {
    public enum Scope: Sendable, Equatable {
        /// Every record.
        case all
        /// An article, its claims, the links on them and the clips those links name.
        case article(Int64)
        /// A clip, the links on it, and the claims and articles those links bear on.
        case clip(Int64)
    }

    public var scope: Scope
    public var clips: [ClipRecord] = []
    public var locations: [LocationRecord] = []
    public var streams: [StreamRecord] = []
    public var tags: [TagRecord] = []
    public var acquisitions: [AcquisitionRecord] = []
    public var extractions: [ExtractionRecord] = []
    public var keyframes: [KeyframeRecord] = []
    public var assessments: [AssessmentRecord] = []
    /// What each clip's C2PA manifest store said (clips registered before footage read them have none).
    public var credentials: [CredentialsRecord] = []
    /// Titles analysts gave the clips (`footage title`), oldest first.
    public var titles: [ClipTitleRecord] = []
    public var articles: [ArticleRecord] = []
    public var claims: [ClaimRecord] = []
    /// Links, retracted ones included (they are history).
    public var links: [LinkRecord] = []
    /// The reviews of the claims above (dismissals, edits, verdicts), in id order.
    public var claimReviews: [ClaimReviewRecord] = []
    /// The review URL that stands for each article above that has one.
    public var reviewURLs: [Int64: ReviewURLRecord] = [:]
    /// The organisation that publishes the catalogue's reviews, if one was set.
    public var reviewer: ReviewerRecord?
    /// The ledger events about the records above (their subjects), in sequence order.
    public var events: [LedgerEvent] = []
    /// Number of events in the whole ledger and the newest event's hash.
    public var ledgerEvents: Int64 = 0
    public var ledgerHead: String = LedgerEvent.genesisHash
    public var lastVerification: RecordedVerification?

    /// The ledger events recorded about one subject: a clip's SHA-256 or a short id (`A1`, `C3`, `L2`).
    public func events(about subject: String) -> [LedgerEvent] { events.filter { $0.subject == subject } }
}

extension Catalog {
    /// Reads a snapshot of `scope` in one read transaction.
    public func snapshot(_ scope: CatalogSnapshot.Scope) throws -> CatalogSnapshot {
        try read { db in
            var snapshot = CatalogSnapshot(scope: scope)
            switch scope {
            case .all:
                snapshot.articles = try ArticleRecord.orderByPrimaryKey().fetchAll(db)
                snapshot.claims = try ClaimRecord.orderByPrimaryKey().fetchAll(db)
                snapshot.links = try LinkRecord.orderByPrimaryKey().fetchAll(db)
                snapshot.clips = try ClipRecord.orderByPrimaryKey().fetchAll(db)
            case .article(let id):
                snapshot.articles = try ArticleRecord.filter(key: id).fetchAll(db)
                snapshot.claims = try ClaimRecord.filter { $0.articleId == id }.orderByPrimaryKey()
                    .fetchAll(db)
                let claimIds = snapshot.claims.map(\.id)
                snapshot.links = try LinkRecord.filter { claimIds.contains($0.claimId) }.orderByPrimaryKey()
                    .fetchAll(db)
                snapshot.clips = try ClipRecord.filter(ids: Set(snapshot.links.map(\.clipId))).orderByPrimaryKey()
                    .fetchAll(db)
            case .clip(let id):
                snapshot.clips = try ClipRecord.filter(key: id).fetchAll(db)
                snapshot.links = try LinkRecord.filter { $0.clipId == id }.orderByPrimaryKey().fetchAll(db)
                snapshot.claims = try ClaimRecord.filter(ids: Set(snapshot.links.map(\.claimId))).orderByPrimaryKey()
                    .fetchAll(db)
                snapshot.articles = try ArticleRecord.filter(ids: Set(snapshot.claims.map(\.articleId)))
                    .orderByPrimaryKey().fetchAll(db)
            }
            let clipIds = snapshot.clips.map(\.id)
            snapshot.locations = try LocationRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey()
                .fetchAll(db)
            snapshot.streams = try StreamRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey().fetchAll(db)
            snapshot.tags = try TagRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey().fetchAll(db)
            snapshot.acquisitions = try AcquisitionRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey()
                .fetchAll(db)
            snapshot.extractions = try ExtractionRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey()
                .fetchAll(db)
            snapshot.keyframes = try KeyframeRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey()
                .fetchAll(db)
            snapshot.assessments = try AssessmentRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey()
                .fetchAll(db)
            snapshot.credentials = try CredentialsRecord.filter { clipIds.contains($0.clipId) }.fetchAll(db)
            let claimReviews = try Catalog.reviews(db, claimIds: snapshot.claims.map(\.id))
            snapshot.claimReviews = claimReviews.values.flatMap { $0 }.sorted { $0.id < $1.id }
            snapshot.reviewURLs = try Catalog.reviewURLs(db, articleIds: snapshot.articles.map(\.id))
            snapshot.reviewer = try ReviewerRecord.order(Column("id").desc).fetchOne(db)
            snapshot.titles = try ClipTitleRecord.filter { clipIds.contains($0.clipId) }.orderByPrimaryKey()
                .fetchAll(db)
            if scope == .all {
                snapshot.events = try LedgerEvent.orderByPrimaryKey().fetchAll(db)
            } else {
                let subjects =
                    snapshot.clips.map(\.sha256) + snapshot.articles.map(\.shortID)
                    + snapshot.claims.map(\.shortID) + snapshot.links.map(\.shortID)
                snapshot.events = try LedgerEvent.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM ledger WHERE subject IN (SELECT value FROM json_each(?)) ORDER BY seq
                        """, arguments: [JSONValue.array(subjects.map(JSONValue.string)).canonicalText])
            }
            let head = try Row.fetchOne(db, sql: "SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1")
            snapshot.ledgerEvents = head?["seq"] ?? 0
            snapshot.ledgerHead = head?["hash"] ?? LedgerEvent.genesisHash
            // The last run the ledger recorded, and only while its row is what the event says.
            snapshot.lastVerification = try Catalog.lastVerification(db)
            return snapshot
        }
    }
}
