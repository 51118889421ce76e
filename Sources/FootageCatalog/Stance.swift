/// What seconds of footage say about a claim: the stance of an evidence link.
public enum Stance: String, CatalogVocabulary {
    case supports, contradicts, context, unclear
}

/// How sure the analyst is of a link's stance.
public enum Confidence: String, CatalogVocabulary {
    case high, medium, low
}
