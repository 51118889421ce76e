import FootageCatalog

/// A claim's review status as the report shows it: the one place the report learns it, so that every line that
/// names a claim's status (page one, the claim's own section) says the same.
///
/// The catalogue records no verdicts yet, so every claim is open with no verdict. When verdicts (and dismissals) are
/// recorded, `of(_:in:)` is the one function to change: return the claim's verdict from the index, and the report
/// follows.
struct ReportClaimStatus: Sendable, Equatable {
    /// The status in a word or two: `open`, and later a verdict such as `false` or `dismissed`.
    var label: String
    /// What it means, or the reviewer's explanation: `no verdict yet`.
    var detail: String
    /// The CSS class of its badge.
    var css: String

    static func of(_ claim: ClaimRecord, in index: SnapshotIndex) -> ReportClaimStatus {
        ReportClaimStatus(label: "open", detail: "no verdict yet", css: "st-open")
    }

    var badge: HTML {
        "<span class=\"status \(HTML(trusted: css))\">\(label)</span> <span class=\"muted statusdetail\">\(detail)</span>"
    }
}
