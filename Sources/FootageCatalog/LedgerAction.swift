/// What a ledger event records. The raw values are the text every event since the first catalogue has held and
/// hashed, so they never change; a new kind of event is a new case.
public enum LedgerAction: String, CatalogVocabulary {
    case acquisitionAdd = "acquisition.add"
    case articleAdd = "article.add"
    case claimAdd = "claim.add"
    case clipAssess = "clip.assess"
    /// What a clip's C2PA manifest store said when it was read (`credentials` table).
    case clipCredentials = "clip.credentials"
    case clipFingerprint = "clip.fingerprint"
    case clipRegister = "clip.register"
    /// A title the analyst gave a clip (`footage title`).
    case clipTitle = "clip.title"
    case clipsMatch = "clips.match"
    case keyframesExtract = "keyframes.extract"
    case linkAdd = "link.add"
    case linkRetract = "link.retract"
    case locationAdd = "location.add"
    /// Claim review: a claim dismissed as not a claim, its text corrected, a verdict on it.
    case claimDismiss = "claim.dismiss"
    case claimEdit = "claim.edit"
    case claimVerdict = "claim.verdict"
    /// The URL where an article's reviews are published, and the organisation that publishes them.
    case articleReviewURL = "article.review-url"
    case catalogReviewer = "catalog.reviewer"
    /// A run of `footage verify` and what it found.
    case catalogVerify = "catalog.verify"
}
