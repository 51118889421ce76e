import Foundation
import GRDB

/// The rating scale of a verdict, from worst to best: what a fact-check says of a claim.
///
/// Each rating has a number (`ratingValue`, 1 for `false` to 6 for `true`: schema.org's `Rating` with
/// `worstRating` 1 and `bestRating` 6) and a label (`alternateName`), so that a ClaimReview reads the same to
/// people and to machines.
public enum VerdictRating: String, CatalogVocabulary {
    case `false`
    case misleading
    case missingContext = "missing-context"
    case unproven
    case mostlyTrue = "mostly-true"
    case `true`

    /// The worst and the best `ratingValue`.
    public static let worst = 1
    public static let best = 6

    /// 1 (`false`) to 6 (`true`).
    public var ratingValue: Int {
        switch self {
        case .false: 1
        case .misleading: 2
        case .missingContext: 3
        case .unproven: 4
        case .mostlyTrue: 5
        case .true: 6
        }
    }

    /// For people, and schema.org's `alternateName`: "False", "Missing context", …
    public var label: String {
        switch self {
        case .false: "False"
        case .misleading: "Misleading"
        case .missingContext: "Missing context"
        case .unproven: "Unproven"
        case .mostlyTrue: "Mostly true"
        case .true: "True"
        }
    }

    /// What the rating means, for the command's help and the README.
    public var meaning: String {
        switch self {
        case .false: "the claim is wrong"
        case .misleading: "true in part, but it leads a reader to a wrong conclusion"
        case .missingContext: "accurate as far as it goes, but it leaves out what changes its meaning"
        case .unproven: "the evidence neither confirms nor refutes it"
        case .mostlyTrue: "accurate, with a minor error or simplification"
        case .true: "the evidence confirms it"
        }
    }
}

/// What a review of a claim does.
public enum ClaimReviewAction: String, CatalogVocabulary {
    /// The sentence is not a claim (or not one worth checking): it is set aside, with the reason.
    case dismiss
    /// The claim's text is corrected; the text it replaced is kept.
    case edit
    /// The analyst's rating of the claim, with the explanation.
    case verdict
}

/// Where a claim stands: `open` until a verdict (`reviewed`) or a dismissal (`dismissed`).
public enum ClaimStatus: String, Sendable, Codable, CaseIterable {
    case open, dismissed, reviewed
}

/// A review as stored: its row id and `NewClaimReview`'s fields.
public typealias ClaimReviewRecord = Stored<NewClaimReview>

/// One step of a claim's review: a dismissal, an edit or a verdict. Rows are only ever added.
public struct NewClaimReview: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "claim_review"
    public static let vocabularyColumns = [
        VocabularyColumn(Columns.action, ClaimReviewAction.self), VocabularyColumn(Columns.rating, VerdictRating.self),
    ]

    public var claimId: Int64
    public var action: ClaimReviewAction
    /// An edit's new text.
    public var text: String?
    /// The text an edit replaced.
    public var previousText: String?
    /// A verdict's rating.
    public var rating: VerdictRating?
    /// A dismissal's reason, a verdict's explanation.
    public var note: String?
    public var createdAt: String
    public var createdBy: String

    public init(
        claimId: Int64, action: ClaimReviewAction, text: String? = nil, previousText: String? = nil,
        rating: VerdictRating? = nil, note: String? = nil
    ) {
        self.claimId = claimId
        self.action = action
        self.text = text
        self.previousText = previousText
        self.rating = rating
        self.note = note
        self.createdAt = ""
        self.createdBy = ""
    }
}

extension NewClaimReview {
    /// The table's columns, for queries.
    public enum Columns {
        public static let claimId = Column("claim_id")
        public static let action = Column("action")
        public static let rating = Column("rating")
    }
}

/// Where a claim's review stands, from its history: its status, its text now, the verdict that stands.
public struct ClaimReviewState: Sendable, Equatable {
    /// Every step, oldest first.
    public var history: [ClaimReviewRecord]

    public init(history: [ClaimReviewRecord] = []) { self.history = history }

    /// The dismissal, if the claim was dismissed.
    public var dismissal: ClaimReviewRecord? { history.first { $0.action == .dismiss } }
    /// The latest verdict: the one that stands.
    public var verdict: ClaimReviewRecord? { history.last { $0.action == .verdict } }
    /// Every edit, oldest first.
    public var edits: [ClaimReviewRecord] { history.filter { $0.action == .edit } }

    public var status: ClaimStatus {
        if dismissal != nil { return .dismissed }
        return verdict != nil ? .reviewed : .open
    }

    /// The claim's text now: the latest edit's, else the text it was made with.
    public func text(of claim: ClaimRecord) -> String { edits.last?.text ?? claim.text }

    /// The text the claim was made with (extracted or typed), when an edit has replaced it.
    public func originalText(of claim: ClaimRecord) -> String? { edits.isEmpty ? nil : claim.text }
}

/// The organisation that publishes the catalogue's reviews (`footage config reviewer`): the latest stands.
public typealias ReviewerRecord = Stored<NewReviewer>

public struct NewReviewer: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "reviewer"

    public var name: String
    public var url: String?
    public var createdAt: String
    public var createdBy: String

    public init(name: String, url: String?) {
        self.name = name
        self.url = url
        self.createdAt = ""
        self.createdBy = ""
    }
}

/// The page where an article's reviews are published (`footage article review-url`): the latest stands.
public typealias ReviewURLRecord = Stored<NewReviewURL>

public struct NewReviewURL: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "review_url"

    public var articleId: Int64
    public var url: String
    public var createdAt: String
    public var createdBy: String

    public init(articleId: Int64, url: String) {
        self.articleId = articleId
        self.url = url
        self.createdAt = ""
        self.createdBy = ""
    }
}

extension NewReviewURL {
    /// The table's columns, for queries.
    public enum Columns {
        public static let articleId = Column("article_id")
    }
}
