import FootageCatalog

/// A claim's review status as the report shows it: the one place the report learns it, so that every line that
/// names a claim's status (page one, the claim's own section) says the same. From the claim's review
/// (`footage verdict`, `footage claim dismiss`): the verdict that stands with its explanation, the dismissal with its
/// reason, or open.
struct ReportClaimStatus: Sendable, Equatable {
    /// The status in a word or two: `open`, `dismissed`, or the verdict's label (`False`, `Missing context`, …).
    var label: String
    /// A few words beside the badge: `no verdict yet`, or who reviewed it (`by demo`).
    var detail: String
    /// The reviewer's explanation or the reason of a dismissal: shown with the claim's text, where it can wrap.
    var explanation: String?
    /// The CSS class of its badge.
    var css: String

    static func of(_ claim: ClaimRecord, in index: SnapshotIndex) -> ReportClaimStatus {
        let review = index.review(of: claim.id)
        if let dismissal = review.dismissal {
            return ReportClaimStatus(
                label: "dismissed", detail: "by \(dismissal.createdBy)", explanation: dismissal.note,
                css: "st-dismissed")
        }
        if let verdict = review.verdict, let rating = verdict.rating {
            return ReportClaimStatus(
                label: rating.label, detail: "by \(verdict.createdBy)", explanation: verdict.note,
                css: "st-\(rating.rawValue)")
        }
        return ReportClaimStatus(label: "open", detail: "no verdict yet", explanation: nil, css: "st-open")
    }

    var badge: HTML {
        "<span class=\"status \(HTML(trusted: css))\">\(label)</span> <span class=\"muted statusdetail\">\(detail)</span>"
    }

    /// The explanation as a line of its own under the claim's text, or nothing.
    var explanationLine: HTML {
        guard let explanation, !explanation.isEmpty else { return .empty }
        let lead: HTML = label == "dismissed" ? "Dismissed: " : "Verdict: "
        return "<div class=\"explanation\">\(lead)\(explanation)</div>"
    }
}
