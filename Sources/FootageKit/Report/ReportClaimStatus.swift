import FootageCatalog

/// A claim's review status as the report shows it: the one place the report learns it, so that every line that
/// names a claim's status (page one, the claim's own section) says the same. From the claim's review
/// (`footage verdict`, `footage claim dismiss`): the verdict that stands with its explanation, the dismissal with its
/// reason, or open.
struct ReportClaimStatus: Sendable, Equatable {
    /// The status in a word or two: `open`, `dismissed`, or the verdict's label (`False`, `Missing context`, …).
    var label: String
    /// The reviewer's explanation, the reason of a dismissal, or `no verdict yet`.
    var detail: String
    /// The CSS class of its badge.
    var css: String

    static func of(_ claim: ClaimRecord, in index: SnapshotIndex) -> ReportClaimStatus {
        let review = index.review(of: claim.id)
        if let dismissal = review.dismissal {
            return ReportClaimStatus(
                label: "dismissed", detail: dismissal.note ?? "not a claim to check", css: "st-dismissed")
        }
        if let verdict = review.verdict, let rating = verdict.rating {
            return ReportClaimStatus(
                label: rating.label, detail: verdict.note ?? "", css: "st-\(rating.rawValue)")
        }
        return ReportClaimStatus(label: "open", detail: "no verdict yet", css: "st-open")
    }

    var badge: HTML {
        "<span class=\"status \(HTML(trusted: css))\">\(label)</span> <span class=\"muted statusdetail\">\(detail)</span>"
    }
}
