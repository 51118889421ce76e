/// What a ledger event records. The raw values are the text every event since the first catalogue has held and
/// hashed, so they never change; a new kind of event is a new case.
public enum LedgerAction: String, CatalogVocabulary {
    case acquisitionAdd = "acquisition.add"
    case articleAdd = "article.add"
    case claimAdd = "claim.add"
    case clipAssess = "clip.assess"
    case clipFingerprint = "clip.fingerprint"
    case clipRegister = "clip.register"
    /// A title the analyst gave a clip (`footage title`).
    case clipTitle = "clip.title"
    case clipsMatch = "clips.match"
    case keyframesExtract = "keyframes.extract"
    case linkAdd = "link.add"
    case linkRetract = "link.retract"
    case locationAdd = "location.add"
    /// A run of `footage verify` and what it found.
    case catalogVerify = "catalog.verify"
}
