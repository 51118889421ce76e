import FootageCatalog
import Foundation

/// A snapshot's records looked up by the ids that tie them together, for exports and reports.
public struct SnapshotIndex: Sendable {
    public let snapshot: CatalogSnapshot
    public let clips: [Int64: ClipRecord]
    public let claims: [Int64: ClaimRecord]
    public let articles: [Int64: ArticleRecord]
    public let linksByClaim: [Int64: [LinkRecord]]
    public let linksByClip: [Int64: [LinkRecord]]
    public let claimsByArticle: [Int64: [ClaimRecord]]
    public let locations: [Int64: [LocationRecord]]
    public let streams: [Int64: [StreamRecord]]
    public let tags: [Int64: [TagRecord]]
    public let acquisitions: [Int64: [AcquisitionRecord]]
    public let extractions: [Int64: [ExtractionRecord]]
    /// Keyframes of each clip in time order.
    public let keyframes: [Int64: [KeyframeRecord]]
    public let assessments: [Int64: [AssessmentRecord]]
    /// What each clip's C2PA manifest store said, by clip id.
    public let credentials: [Int64: CredentialsRecord]
    /// The title an analyst gave each clip that has one (`footage title`): the latest.
    public let givenTitles: [Int64: String]
    /// The `link.add` event of each link, by link id.
    public let linkEvents: [Int64: LedgerEvent]
    /// The matches that involve the snapshot's clips (none unless read with them).
    public let matches: SnapshotMatches
    /// Where each claim's review stands, by claim id (claims never reviewed are left out: `review(of:)`).
    public let reviews: [Int64: ClaimReviewState]

    public init(_ snapshot: CatalogSnapshot, matches: SnapshotMatches = .none) {
        self.snapshot = snapshot
        self.matches = matches
        clips = Dictionary(uniqueKeysWithValues: snapshot.clips.map { ($0.id, $0) })
        claims = Dictionary(uniqueKeysWithValues: snapshot.claims.map { ($0.id, $0) })
        articles = Dictionary(uniqueKeysWithValues: snapshot.articles.map { ($0.id, $0) })
        linksByClaim = Dictionary(grouping: snapshot.links, by: \.claimId)
        linksByClip = Dictionary(grouping: snapshot.links, by: \.clipId)
        claimsByArticle = Dictionary(grouping: snapshot.claims.sorted { $0.idx < $1.idx }, by: \.articleId)
        locations = Dictionary(grouping: snapshot.locations, by: \.clipId)
        streams = Dictionary(grouping: snapshot.streams, by: \.clipId)
        tags = Dictionary(grouping: snapshot.tags, by: \.clipId)
        acquisitions = Dictionary(grouping: snapshot.acquisitions, by: \.clipId)
        extractions = Dictionary(grouping: snapshot.extractions, by: \.clipId)
        keyframes = Dictionary(grouping: snapshot.keyframes, by: \.clipId)
            .mapValues { $0.sorted { ($0.time, $0.id) < ($1.time, $1.id) } }
        assessments = Dictionary(grouping: snapshot.assessments, by: \.clipId)
        credentials = Dictionary(snapshot.credentials.map { ($0.clipId, $0) }, uniquingKeysWith: { first, _ in first })
        givenTitles = Dictionary(
            snapshot.titles.map { ($0.clipId, $0.title) }, uniquingKeysWith: { _, latest in latest })
        var events: [Int64: LedgerEvent] = [:]
        for event in snapshot.events where event.action == .linkAdd {
            if let id = ShortID.link.id(in: event.subject) { events[id] = events[id] ?? event }
        }
        linkEvents = events
        reviews = Dictionary(grouping: snapshot.claimReviews, by: \.claimId).mapValues(ClaimReviewState.init)
    }

    /// Where a claim's review stands: its status, its text now, the verdict.
    public func review(of claimId: Int64) -> ClaimReviewState { reviews[claimId] ?? ClaimReviewState() }

    /// A claim as the `--json` rows show it, with its review.
    public func claimRow(_ claim: ClaimRecord) -> ClaimRow { ClaimRow(claim, review: review(of: claim.id)) }

    /// The assessment that stands: the latest.
    public func assessment(of clipId: Int64) -> AssessmentRecord? { assessments[clipId]?.last }

    // These read the acquisitions of any clip the snapshot knows, a clip on the other side of a match included
    // (`anyAcquisitions`), so that it is named and placed like the snapshot's own.

    /// The first acquisition that names a publisher (the analyst's, else the platform's uploader).
    public func publisher(of clipId: Int64) -> String? {
        anyAcquisitions(of: clipId).lazy.compactMap { $0.publisher ?? $0.platformUploader ?? $0.platformChannel }.first
    }

    public func platform(of clipId: Int64) -> String? {
        anyAcquisitions(of: clipId).lazy.compactMap { $0.platform ?? $0.platformExtractor }.first
    }

    /// The analyst's URL for the clip, else the one `footage fetch` was given, else the platform's.
    public func url(of clipId: Int64) -> String? {
        anyAcquisitions(of: clipId).lazy.compactMap { $0.url ?? $0.fetchUrl ?? $0.platformUrl }.first
    }

    /// When the platform says the clip was uploaded, else when the analyst says it was published.
    public func uploadTime(of clipId: Int64) -> String? {
        anyAcquisitions(of: clipId).lazy.compactMap { $0.platformUploadTime ?? $0.published }.first
    }

    /// The clip's title: the analyst's (`footage title`), else its container's title tag, else the platform's title.
    public func title(of clipId: Int64) -> String? {
        givenTitles[clipId] ?? clips[clipId]?.title ?? acquisitions[clipId]?.lazy.compactMap(\.platformTitle).first
    }

    /// Links that stand (not retracted) on a claim, oldest first.
    public func standingLinks(claim claimId: Int64) -> [LinkRecord] {
        (linksByClaim[claimId] ?? []).filter { !$0.isRetracted }
    }

    /// Keyframes of a clip inside [start, end], with the same millisecond of slack links use.
    public func keyframes(of clipId: Int64, from start: Double, to end: Double) -> [KeyframeRecord] {
        (keyframes[clipId] ?? []).filter {
            $0.time >= start - Catalog.rangeSlack && $0.time <= end + Catalog.rangeSlack
        }
    }
}

/// A claim's standing links summed up in a few words, as a fact-checker would rate it.
public enum StanceSummary {
    public static func text(_ links: [LinkRecord]) -> String {
        let stances = Set(links.filter { !$0.isRetracted }.map(\.stance))
        if stances.isEmpty { return "No footage evidence" }
        if stances.isSuperset(of: [.supports, .contradicts]) { return "Footage both supports and contradicts" }
        if stances.contains(.contradicts) { return "Contradicted by footage" }
        if stances.contains(.supports) { return "Supported by footage" }
        if stances.contains(.context) { return "Footage gives context" }
        return "Footage unclear"
    }
}
