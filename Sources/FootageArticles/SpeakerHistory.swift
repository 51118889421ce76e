import Foundation

/// The speakers named so far in one article, most recent last, so a later sentence's `he said` can name its
/// speaker and a later `Whitlow said` can take the kind of the earlier `Lt. Col. Dana Whitlow`.
///
/// A pronoun takes the most recent speaker it can refer to: `he`/`she` one that is not an organisation (and is
/// then a person), `it` one that is not a person, `they` any. With no such speaker the pronoun stays as written.
/// A speaker with no kind of its own takes the kind of the most recent speaker whose name holds its last word
/// (`Reis` after `Inspector Joana Reis of the traffic police`), or, failing that, is a person when a name holding
/// that word was introduced with a title or role in any earlier sentence (`the candidate, Arvo Steen, …`).
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
    /// Names introduced with a title or role anywhere in the article (`mayor Tessa Grund`, `her challenger, Omar
    /// Fayad`), lower-cased: a later `Fayad said` is a person.
    private var people: [[String]] = []

    /// Remembers the names `tokens` (one sentence) introduces right after a title or a role word.
    mutating func learnNames(in tokens: [ClaimToken]) {
        for index in tokens.indices where tokens[index].kind == .word {
            let cue = tokens[index]
            let word = SpeakerCues.bare(cue.lower)
            guard
                SpeakerCues.person.contains(word) && !AttributionFinder.personalPronouns.contains(word)
                    || (!cue.isCapitalized && SpeakerCues.isRoleNoun(cue))
            else { continue }
            var start = index + 1
            if start < tokens.count, tokens[start].text == "," { start += 1 }
            var end = start
            while end < tokens.count, end - start < 4, tokens[end].isCapitalized,
                !SpeakerCues.person.contains(SpeakerCues.bare(tokens[end].lower)),
                !SpeakerCues.organization.contains(SpeakerCues.bare(tokens[end].lower)),
                !Abbreviations.sentenceOpeners.contains(tokens[end].lower)
            {
                end += 1
            }
            guard end > start else { continue }
            people.append(tokens[start..<end].map { SpeakerCues.bare($0.lower) })
            if people.count > Self.remembered { people.removeFirst() }
        }
    }

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
            if resolved.kind == nil, people.contains(where: { $0.contains(lastWord) }) { resolved.kind = .person }
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
