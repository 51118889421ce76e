import Foundation

/// The speakers named so far in one article, most recent last, so a later sentence's `he said` can name its
/// speaker and a later `Whitlow said` can take the kind of the earlier `Lt. Col. Dana Whitlow`.
///
/// A pronoun takes the most recent speaker it can refer to: `he`/`she` one that is not an organisation (and is
/// then a person), `it` one that is not a person, `they` any. With no such speaker the pronoun stays as written.
/// A speaker with no kind of its own takes the kind of the most recent speaker whose name holds its last word
/// (`Reis` after `Inspector Joana Reis of the traffic police`).
struct SpeakerHistory {
    private struct Speaker {
        var name: String
        var kind: SpeakerKind?
        /// The words of the name, lower-cased, without dots or a possessive.
        var words: [String]
    }

    /// Enough for the pronouns of a long article: only the latest speakers are referred back to.
    static let remembered = 32
    private var speakers: [Speaker] = []

    /// `attribution` with its pronoun resolved and its kind completed; named speakers are remembered.
    mutating func resolve(_ attribution: AttributionFinder.Attribution) -> AttributionFinder.Attribution {
        var resolved = attribution
        if attribution.isPronoun {
            let pronoun = attribution.source.lowercased()
            let referent = speakers.last { speaker in
                switch pronoun {
                case "he", "she": speaker.kind != .organization
                case "it": speaker.kind != .person
                default: true
                }
            }
            if let referent {
                resolved.source = referent.name
                resolved.kind = referent.kind
            }
            if pronoun == "he" || pronoun == "she" { resolved.kind = .person }
            return resolved
        }
        let words = Self.words(of: attribution.source)
        if resolved.kind == nil, let lastWord = words.last {
            resolved.kind = speakers.last { $0.words.contains(lastWord) && $0.kind != nil }?.kind
        }
        if let lastWord = words.last, !AttributionFinder.personalPronouns.contains(lastWord) {
            speakers.append(Speaker(name: resolved.source, kind: resolved.kind, words: words))
            if speakers.count > Self.remembered { speakers.removeFirst() }
        }
        return resolved
    }

    /// The words of a name, lower-cased, without dots or a possessive (`Lt. Col. Whitlow's` → `lt col whitlow`).
    private static func words(of name: String) -> [String] {
        name.split(whereSeparator: \.isWhitespace).map { SpeakerCues.bare($0.lowercased()) }
    }
}
