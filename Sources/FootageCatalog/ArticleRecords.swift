import FootageCore
import Foundation
import GRDB

/// An article as stored: its row id and `NewArticle`'s fields.
public typealias ArticleRecord = Stored<NewArticle>

/// A news item as imported: its text, metadata and the SHA-256 of the imported bytes.
public struct NewArticle: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "article"

    public var sha256: String
    public var format: String
    public var headline: String
    public var standfirst: String?
    public var url: String?
    public var outlet: String?
    public var published: String?
    public var author: String?
    public var body: String
    public var sourcePath: String?
    public var importedAt: String
    public var importedBy: String

    public init(sha256: String, format: String, headline: String, body: String) {
        self.sha256 = sha256
        self.format = format
        self.headline = headline
        self.body = body
        self.importedAt = ""
        self.importedBy = ""
    }

    var ledgerFields: [String: JSONValue] {
        [
            "sha256": .string(sha256), "format": .string(format), "headline": .string(headline),
            "url": .optional(url), "outlet": .optional(outlet), "published": .optional(published),
            "author": .optional(author), "body_sha256": .string(Hashing.sha256Hex(body)),
        ]
    }
}

extension ArticleRecord {
    /// The short id shown to people and accepted wherever ARTICLE is asked for: `A3`.
    public var shortID: String { ShortID.article.text(id) }
}

extension NewArticle {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let sha256 = Column("sha256")
    }
}

/// Who made a claim: the extractor, from the article's text, or the analyst, by hand.
public enum ClaimOrigin: String, CatalogVocabulary {
    case extracted, analyst
}

/// A claim as stored: its row id and `NewClaim`'s fields.
public typealias ClaimRecord = Stored<NewClaim>

/// One check-worthy statement of an article.
public struct NewClaim: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "claim"
    public static let vocabularyColumns = [VocabularyColumn(Columns.origin, ClaimOrigin.self)]

    public var articleId: Int64
    /// Position in the article (1-based; claims added by hand come after the extracted ones).
    public var idx: Int
    public var text: String
    /// Span in the article body, in Unicode scalars; nil for claims added by hand that are not in the body.
    public var start: Int?
    public var end: Int?
    /// Comma-separated kinds: figure, attribution, quote, footage, event.
    public var kinds: String
    public var attribution: String?
    /// Canonical JSON of what extraction found: figures, quotes, footage references.
    public var details: String
    public var origin: ClaimOrigin
    public var createdAt: String
    public var createdBy: String

    public init(
        articleId: Int64 = 0, idx: Int = 0, text: String, start: Int?, end: Int?, kinds: [String],
        attribution: String?, details: JSONValue, origin: ClaimOrigin
    ) {
        self.articleId = articleId
        self.idx = idx
        self.text = text
        self.start = start
        self.end = end
        self.kinds = kinds.joined(separator: ",")
        self.attribution = attribution
        self.details = details.canonicalText
        self.origin = origin
        self.createdAt = ""
        self.createdBy = ""
    }

    public var kindList: [String] { kinds.split(separator: ",").map(String.init) }
    public var detailsValue: JSONValue { (try? JSONValue(parsing: details)) ?? .object([:]) }

    func ledgerFields(id: Int64) -> [String: JSONValue] {
        [
            "claim_id": .int(id), "idx": .int(Int64(idx)), "text": .string(text),
            "start": start.map { .int(Int64($0)) } ?? .null, "end": end.map { .int(Int64($0)) } ?? .null,
            "kinds": .string(kinds), "origin": .string(origin.rawValue),
        ]
    }
}

extension ClaimRecord {
    /// `C17`.
    public var shortID: String { ShortID.claim.text(id) }

    /// What the ledger records of a claim (besides its article); `verify` compares the row with it.
    var ledgerFields: [String: JSONValue] { fields.ledgerFields(id: id) }
}

extension NewClaim {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let articleId = Column("article_id")
        public static let idx = Column("idx")
        public static let origin = Column("origin")
    }
}

/// An evidence link as stored: its row id and `NewLink`'s fields.
public typealias LinkRecord = Stored<NewLink>

/// The provenance record: a claim tied to seconds of a clip, with the analyst's stance.
public struct NewLink: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "link"
    public static let vocabularyColumns = [
        VocabularyColumn(Columns.stance, Stance.self), VocabularyColumn(Columns.confidence, Confidence.self),
    ]

    public var claimId: Int64
    public var clipId: Int64
    /// The clip's identity, not just its row: the link names the bytes it is about.
    public var clipSha256: String
    public var start: Double
    public var end: Double
    public var stance: Stance
    public var confidence: Confidence
    public var note: String?
    /// JSON array of the keyframes inside the range when the link was made: `{id, time, sha256, pdq}`.
    public var keyframes: String
    public var createdAt: String
    public var createdBy: String
    public var retractedAt: String?
    public var retractedBy: String?
    public var retractionNote: String?

    public init(
        claimId: Int64, clipId: Int64, clipSha256: String, start: Double, end: Double, stance: Stance,
        confidence: Confidence, note: String?
    ) {
        self.claimId = claimId
        self.clipId = clipId
        self.clipSha256 = clipSha256
        self.start = start
        self.end = end
        self.stance = stance
        self.confidence = confidence
        self.note = note
        self.keyframes = "[]"
        self.createdAt = ""
        self.createdBy = ""
    }

    public var isRetracted: Bool { retractedAt != nil }
    public var keyframesValue: JSONValue { (try? JSONValue(parsing: keyframes)) ?? .array([]) }

    func ledgerFields(id: Int64) -> [String: JSONValue] {
        [
            "link_id": .int(id), "claim_id": .int(claimId), "clip_sha256": .string(clipSha256),
            "start": .double(start), "end": .double(end), "stance": .string(stance.rawValue),
            "confidence": .string(confidence.rawValue), "note": .optional(note), "keyframes": keyframesValue,
        ]
    }
}

extension LinkRecord {
    /// `L5`.
    public var shortID: String { ShortID.link.text(id) }

    /// What the ledger records of a link; `verify` compares the row with it.
    var ledgerFields: [String: JSONValue] { fields.ledgerFields(id: id) }
}

extension NewLink {
    /// The table's columns, for queries.
    public enum Columns {
        public static let id = Column("id")
        public static let claimId = Column("claim_id")
        public static let clipId = Column("clip_id")
        public static let stance = Column("stance")
        public static let confidence = Column("confidence")
    }
}
