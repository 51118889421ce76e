import Foundation

/// What makes a sentence worth checking. Kinds are reported sorted by raw value.
public enum ClaimKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable, Comparable {
    /// Names who said it (`X said`, `according to X`).
    case attribution
    /// Reports an action (attacked, destroyed, captured, released, …) by or at something named.
    case event
    /// States a quantity (`55 ISIL trucks`, `scores of vehicles`).
    case figure
    /// Refers to footage (video, clip, uploaded to YouTube, …).
    case footage
    /// Quotes someone's words (two words or more inside quotation marks).
    case quote

    public static func < (lhs: ClaimKind, rhs: ClaimKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Who a speaker is: a person (`Lt. Col. Dana Whitlow`, `a police spokesman`, `she`) or an organisation
/// (`the Interior Ministry`, `Reuters`, `the army's press office`). Raw values are what the claim details store.
public enum SpeakerKind: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case person
    case organization
}

/// A quantity stated in a claim.
///
/// Exact numbers have a `value`: digits (`55`, `2,000`, `3.5`), with a scale (`1.5 million` → 1 500 000,
/// `$4.2m` → 4 200 000, `2bn`), spelled numbers from one to ninety (`two`, `twenty-five`), `a dozen`.
/// Vague quantities (`scores of vehicles`, `dozens of`, `hundreds of`, `thousands of`) are kept as figures
/// with `value == nil`: they are still claims one can count footage against, but carry no number.
/// Years, dates (`March 3`, `3 March 2024`, `2024-03-03`), times of day (`6 a.m.`, `10:30`, `2 p.m. local time`,
/// `0600 GMT`), decades (`1990s`) and ordinals are not figures.
public struct Figure: Sendable, Equatable, Hashable, Codable {
    /// The number, or nil for a vague quantity.
    public var value: Double?
    /// The words of the figure as written, from any qualifier to the counted noun (`at least two of the men`).
    public var text: String
    /// What is counted (`trucks`, `vehicles`, `men`), or the unit (`%`, `km`); nil when nothing follows.
    public var noun: String?
    /// A currency symbol when the figure is money (`$`, `£`, `€`).
    public var currency: String?
    /// A qualifier before the number, lower-cased (`at least`, `more than`, `about`, `a further`).
    public var qualifier: String?

    public init(value: Double?, text: String, noun: String? = nil, currency: String? = nil, qualifier: String? = nil) {
        self.value = value
        self.text = text
        self.noun = noun
        self.currency = currency
        self.qualifier = qualifier
    }
}

/// A date mentioned in a claim, resolved against the article's publication date when possible.
public struct DateExpression: Sendable, Equatable, Hashable, Codable {
    /// The words as written (`on Friday`, `yesterday`, `30 June`).
    public var text: String
    /// The ISO 8601 date it resolves to, or nil when no publication date was given or it cannot resolve.
    public var resolved: String?

    public init(text: String, resolved: String? = nil) {
        self.text = text
        self.resolved = resolved
    }
}

/// A claim's reference to footage: who put it out, where, and when.
public struct FootageReference: Sendable, Equatable, Hashable, Codable {
    /// The word that marks the reference (`footage`, `video`, `uploaded`, …), lower-cased.
    public var cue: String
    /// Who released, posted or uploaded it, without a leading "the" (`Iraqi Defence Ministry`, `Pentagon`).
    public var publishers: [String]
    /// The platform it was published on, normalised (`YouTube`, `Twitter/X`, `Telegram`, `Facebook`, …).
    public var platform: String?
    /// When it was published, if the sentence says.
    public var date: DateExpression?

    public init(cue: String, publishers: [String] = [], platform: String? = nil, date: DateExpression? = nil) {
        self.cue = cue
        self.publishers = publishers
        self.platform = platform
        self.date = date
    }
}

/// One check-worthy sentence of an article body.
///
/// `start` and `end` are offsets in Unicode scalars (code points) into the body that was analysed, `end`
/// exclusive, so `Array(body.unicodeScalars)[start..<end]` — Python's `body[start:end]` — equals `text`.
/// (They are not UTF-16 offsets, nor `Character` offsets.)
public struct ExtractedClaim: Sendable, Equatable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Never empty: a sentence with no kind is not check-worthy and is not extracted.
    public var kinds: [ClaimKind]
    public var figures: [Figure]
    /// Who said it: the person or organisation the claim is attributed to, with any title, as written
    /// (`Lt. Col. Dana Whitlow`, `the U.N. Office on Drugs and Crime`, `a US military official`). A pronoun in the
    /// sentence's main attribution (`he said`, `“…,” she added`) is replaced by the earlier speaker it refers to.
    public var attribution: String?
    /// Whether the speaker is a person or an organisation, when the words say (`SpeakerCues`); nil when unknown.
    public var speakerKind: SpeakerKind?
    /// How they said it, when the sentence says (`tweet`, `statement`, `interview`, `Twitter/X`).
    public var attributionMedium: String?
    /// Quotations of two words or more, without their quotation marks.
    public var quotes: [String]
    public var footageReferences: [FootageReference]

    public init(
        text: String, start: Int, end: Int, kinds: [ClaimKind], figures: [Figure] = [], attribution: String? = nil,
        attributionMedium: String? = nil, quotes: [String] = [], footageReferences: [FootageReference] = [],
        speakerKind: SpeakerKind? = nil
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.kinds = kinds
        self.figures = figures
        self.attribution = attribution
        self.speakerKind = speakerKind
        self.attributionMedium = attributionMedium
        self.quotes = quotes
        self.footageReferences = footageReferences
    }
}
