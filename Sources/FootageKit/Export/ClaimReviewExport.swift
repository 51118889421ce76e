import FootageCatalog
import FootageCore
import Foundation

/// `footage export --format claimreview`: schema.org JSON-LD a fact-checker can post
/// (<https://schema.org/ClaimReview>, and the fields Google's fact-check markup requires and recommends).
///
/// A `ClaimReview` for each claim with a verdict (`footage verdict`): its `url` (the export's `--review-url`, else
/// the article's review URL, `footage article review-url`), `claimReviewed` (the claim's text now), `reviewRating` (a
/// `Rating` with the verdict's `ratingValue` on the 1–6 scale, `worstRating` 1, `bestRating` 6 and the label as
/// `alternateName`), `reviewBody` (the explanation and the footage evidence, as sentences), `datePublished` (the
/// verdict's time), `author` (the reviewing organisation, `footage config reviewer`) and `itemReviewed`: a `Claim`
/// whose `author` is the speaker (a `Person` or an `Organization`; a group such as "officials" names no one and is
/// left out) and whose `appearance` and `firstAppearance` are the article. A `MediaReview` for each clip the reviewed
/// claims' evidence rests on (`MediaReviewExport`).
///
/// Claims without a verdict, and dismissed ones, are left out and named in a note. An export with no verdict at all,
/// no reviewing organisation, or a reviewed claim without a review URL is refused before anything is written.
enum ClaimReviewExport {
    struct Result {
        var document: JSONValue
        var notes: [String]
    }

    static func value(_ index: SnapshotIndex, reviewURL: String?) throws -> Result {
        let snapshot = index.snapshot
        var reviewed: [(claim: ClaimRecord, verdict: ClaimReviewRecord, url: String)] = []
        var unrated: [String] = []
        var dismissed: [String] = []
        var withoutURL: Set<Int64> = []
        for claim in snapshot.claims {
            let review = index.review(of: claim.id)
            if review.status == .dismissed {
                dismissed.append(claim.shortID)
                continue
            }
            guard let verdict = review.verdict else {
                unrated.append(claim.shortID)
                continue
            }
            guard let url = reviewURL ?? index.snapshot.reviewURLs[claim.articleId]?.url else {
                withoutURL.insert(claim.articleId)
                continue
            }
            reviewed.append((claim, verdict, url))
        }
        guard !reviewed.isEmpty || !withoutURL.isEmpty else { throw WorkflowError.noVerdicts }
        guard withoutURL.isEmpty else {
            throw WorkflowError.noReviewURL(articles: withoutURL.sorted().map(ShortID.article.text))
        }
        guard let reviewer = snapshot.reviewer else { throw WorkflowError.noReviewer }
        let author = organisation(reviewer)
        var graph: [JSONValue] = []
        for (claim, verdict, url) in reviewed {
            guard let article = index.articles[claim.articleId] else { continue }
            let rating = verdict.rating ?? .unproven
            var item: [String: JSONValue] = [
                "@type": "Claim", "appearance": appearance(article), "firstAppearance": appearance(article),
            ]
            if let speaker = ClaimSpeaker(claim) { item["author"] = speaker.value }
            if let published = article.published { item["datePublished"] = .string(published) }
            let standing = index.standingLinks(claim: claim.id)
            let body = [Sentences.sentence(verdict.note ?? "")] + standing.map { evidenceSentences($0, index) }
            graph.append([
                "@type": "ClaimReview",
                "@id": .string("\(page(url))#claimreview-\(claim.shortID)"),
                "url": .string(url),
                "claimReviewed": .string(index.review(of: claim.id).text(of: claim)),
                "itemReviewed": .object(item),
                "author": author,
                "datePublished": .string(verdict.createdAt),
                "reviewRating": [
                    "@type": "Rating", "ratingValue": .int(Int64(rating.ratingValue)),
                    "bestRating": .int(Int64(VerdictRating.best)), "worstRating": .int(Int64(VerdictRating.worst)),
                    "alternateName": .string(rating.label),
                ],
                "reviewBody": .string(body.filter { !$0.isEmpty }.joined(separator: " ")),
            ])
        }
        let media = MediaReviewExport.value(
            index, claims: reviewed.map { ($0.claim, $0.url) }, author: author)
        graph += media.reviews
        var notes: [String] = []
        if !unrated.isEmpty {
            notes.append(
                "no verdict, left out of the ClaimReview: \(unrated.joined(separator: ", ")) "
                    + "(footage verdict CLAIM RATING --explanation TEXT)")
        }
        if !dismissed.isEmpty {
            notes.append("dismissed, left out of the ClaimReview: \(dismissed.joined(separator: ", "))")
        }
        notes += media.unassessed.map {
            "clip \($0.prefix(12)) has no assessment: its MediaReview has no mediaAuthenticityCategory (footage assess)"
        }
        return Result(document: ["@context": "https://schema.org", "@graph": .array(graph)], notes: notes)
    }

    /// A URL without its fragment: the page, to which a review's `@id` adds its own.
    static func page(_ url: String) -> String { url.firstIndex(of: "#").map { String(url[..<$0]) } ?? url }

    /// The reviewing organisation, as each review's `author`.
    static func organisation(_ reviewer: ReviewerRecord) -> JSONValue {
        var value: [String: JSONValue] = ["@type": "Organization", "name": .string(reviewer.name)]
        if let url = WebAddress.http(reviewer.url) { value["url"] = .string(url) }
        return .object(value)
    }

    /// The article a claim appeared in, as a `NewsArticle` (a `CreativeWork`).
    static func appearance(_ article: ArticleRecord) -> JSONValue {
        var value: [String: JSONValue] = ["@type": "NewsArticle", "headline": .string(article.headline)]
        if let url = WebAddress.http(article.url) { value["url"] = .string(url) }
        if let published = article.published { value["datePublished"] = .string(published) }
        if let outlet = article.outlet { value["publisher"] = ["@type": "Organization", "name": .string(outlet)] }
        return .object(value)
    }

    /// A link as sentences: `Clip e34b8944f34e (Iraqi Ministry of Defence), 0:02–0:12, supports the claim (high
    /// confidence).`, then the analyst's note as a sentence of its own.
    static func evidenceSentences(_ link: LinkRecord, _ index: SnapshotIndex) -> String {
        let source = index.publisher(of: link.clipId).map { " (\($0))" } ?? ""
        var text =
            "Clip \(link.clipSha256.prefix(12))\(source), \(TimeText.format(link.start))–\(TimeText.format(link.end)), "
            + "\(verb(link.stance)) the claim (\(link.confidence) confidence)."
        if let note = link.note, !note.isEmpty { text += " " + Sentences.sentence(note) }
        return text
    }

    private static func verb(_ stance: Stance) -> String {
        switch stance {
        case .supports, .contradicts: stance.rawValue
        case .context: "gives context to"
        case .unclear: "is unclear on"
        }
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

/// Text made into sentences for a published review body.
enum Sentences {
    /// `text` trimmed, its first letter capitalised and ending with a full stop unless it ends with a sentence's
    /// end already (`.`, `!`, `?`, possibly followed by a closing quotation mark or bracket); empty stays empty.
    static func sentence(_ text: String) -> String {
        var trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.first else { return "" }
        trimmed = first.uppercased() + trimmed.dropFirst()
        let closers: Set<Character> = ["\"", "'", "”", "’", ")", "]", "»"]
        var end = trimmed.endIndex
        while end > trimmed.startIndex, closers.contains(trimmed[trimmed.index(before: end)]) {
            end = trimmed.index(before: end)
        }
        if end > trimmed.startIndex, ".!?…".contains(trimmed[trimmed.index(before: end)]) { return trimmed }
        return trimmed + "."
    }
}
