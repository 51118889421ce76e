import FootageCatalog
import FootageCore
import Foundation

/// `footage export --format claimreview`: schema.org JSON-LD for fact-check publishing.
///
/// A `ClaimReview` (<https://schema.org/ClaimReview>) for each claim with standing evidence: the claim's text, the
/// article it appeared in, the analysts, the time of the latest link, and a rating whose `alternateName` sums up
/// the stances. A `MediaReview` (<https://schema.org/MediaReview>) for each linked clip: the `VideoObject` carries
/// the clip's SHA-256, its URL and upload date, and as `startTime`/`endTime` the span of footage the links rest on
/// (schema.org: "the time offset of the start of a clip within a larger file", written as a `Time`, `HH:MM:SS.mmm`);
/// each linked range is a `Clip` in `hasPart`. `mediaAuthenticityCategory` is the analyst's latest assessment
/// (`footage assess`), left out when the clip has not been assessed.
enum ClaimReviewExport {
    /// The document and the clips whose MediaReview has no category (to warn about).
    static func value(_ index: SnapshotIndex) -> (document: JSONValue, unassessed: [String]) {
        var graph: [JSONValue] = []
        let snapshot = index.snapshot
        for claim in snapshot.claims {
            let standing = index.standingLinks(claim: claim.id)
            guard !standing.isEmpty, let article = index.articles[claim.articleId] else { continue }
            var appearance: [String: JSONValue] = ["@type": "NewsArticle", "headline": .string(article.headline)]
            if let url = WebAddress.http(article.url) { appearance["url"] = .string(url) }
            if let published = article.published { appearance["datePublished"] = .string(published) }
            if let outlet = article.outlet {
                appearance["publisher"] = ["@type": "Organization", "name": .string(outlet)]
            }
            var item: [String: JSONValue] = ["@type": "Claim", "appearance": .object(appearance)]
            if let attribution = claim.attribution {
                item["author"] = ["@type": "Person", "name": .string(attribution)]
            }
            let analysts = orderedUnique(standing.map(\.createdBy))
            let authors: [JSONValue] = analysts.map { ["@type": "Person", "name": .string($0)] }
            let summary = StanceSummary.text(standing)
            graph.append([
                "@type": "ClaimReview",
                "@id": .string("#claimreview-\(claim.shortID)"),
                "claimReviewed": .string(claim.text),
                "itemReviewed": .object(item),
                "author": authors.count == 1 ? authors[0] : .array(authors),
                "datePublished": .string(standing.map(\.createdAt).max() ?? ""),
                "reviewRating": ["@type": "Rating", "alternateName": .string(summary)],
                "reviewBody": .string(standing.map { reviewLine($0, index) }.joined(separator: " ")),
            ])
        }
        var unassessed: [String] = []
        for clip in snapshot.clips {
            let standing = (index.linksByClip[clip.id] ?? []).filter { !$0.isRetracted }
            guard !standing.isEmpty else { continue }
            var video: [String: JSONValue] = [
                "@type": "VideoObject", "sha256": .string(clip.sha256),
                "startTime": .string(time(standing.map(\.start).min() ?? 0)),
                "endTime": .string(time(standing.map(\.end).max() ?? 0)),
                "hasPart": .array(
                    standing.map { link in
                        [
                            "@type": "Clip", "name": .string("\(link.shortID): \(link.stance) C\(link.claimId)"),
                            "startOffset": .double(link.start), "endOffset": .double(link.end),
                        ]
                    }),
            ]
            if let title = index.title(of: clip.id) { video["name"] = .string(title) }
            if let url = WebAddress.http(index.url(of: clip.id)) { video["contentUrl"] = .string(url) }
            if let upload = index.uploadTime(of: clip.id) { video["uploadDate"] = .string(upload) }
            if let duration = clip.duration { video["duration"] = .string(isoDuration(duration)) }
            if let publisher = index.publisher(of: clip.id) {
                video["author"] = ["@type": "Organization", "name": .string(publisher)]
            }
            if let credentials = index.credentials[clip.id] {
                video["identifier"] = CredentialsRow.property(credentials)
            }
            var review: [String: JSONValue] = [
                "@type": "MediaReview", "@id": .string("#mediareview-\(clip.sha256)"), "itemReviewed": .object(video),
                "datePublished": .string(standing.map(\.createdAt).max() ?? ""),
            ]
            if let assessment = index.assessment(of: clip.id) {
                review["mediaAuthenticityCategory"] = .string(assessment.category.schemaOrgName)
                review["author"] = ["@type": "Person", "name": .string(assessment.createdBy)]
                if let note = assessment.note { review["reviewBody"] = .string(note) }
            } else {
                unassessed.append(clip.sha256)
                let analysts = orderedUnique(standing.map(\.createdBy)).map {
                    JSONValue.object(["@type": "Person", "name": .string($0)])
                }
                review["author"] = analysts.count == 1 ? analysts[0] : .array(analysts)
            }
            graph.append(.object(review))
        }
        return (["@context": "https://schema.org", "@graph": .array(graph)], unassessed)
    }

    private static func reviewLine(_ link: LinkRecord, _ index: SnapshotIndex) -> String {
        let source = index.publisher(of: link.clipId).map { " (\($0))" } ?? ""
        var line =
            "Clip \(link.clipSha256.prefix(12))\(source) \(TimeText.format(link.start))–\(TimeText.format(link.end)) "
            + "\(verb(link.stance)) the claim, \(link.confidence) confidence."
        if let note = link.note, !note.isEmpty { line += " \(note)" }
        return line
    }

    private static func verb(_ stance: Stance) -> String {
        switch stance {
        case .supports, .contradicts: stance.rawValue
        case .context: "gives context to"
        case .unclear: "is unclear on"
        }
    }

    private static func orderedUnique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// `00:00:02.500`: an offset into the file as a schema.org `Time`.
    static func time(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded())
        return String(
            format: "%02d:%02d:%02d.%03d", millis / 3_600_000, (millis / 60_000) % 60, (millis / 1000) % 60,
            millis % 1000)
    }

    /// `PT1M2.5S`: ISO 8601 duration.
    static func isoDuration(_ seconds: Double) -> String {
        let millis = Int((max(0, seconds) * 1000).rounded())
        let h = millis / 3_600_000, m = (millis / 60_000) % 60, s = Double(millis % 60_000) / 1000
        var out = "PT"
        if h > 0 { out += "\(h)H" }
        if m > 0 { out += "\(m)M" }
        out += s == s.rounded() ? "\(Int(s))S" : "\(s)S"
        return out
    }
}
