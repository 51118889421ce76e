import FootageCore
import Foundation

/// Finds who a sentence attributes its content to (the speaker, with any title), how they said it, and whether
/// the speaker is a person or an organisation.
///
/// Shapes, in order of precedence, for each speech verb (`speechVerbs`: `said`, `told`, `added`, `tweeted`, …):
/// - `according to X` (anywhere in the sentence, before any verb);
/// - `X, who …, said` and `X, a spokesman for …, said`: the subject before a clause set off by commas (a relative
///   clause is passed over; of an appositive, the part that holds a name is the speaker, the other helps decide
///   its kind);
/// - `…,” said X` / `…, said X`: X after the verb, when the words before end with a comma or quotation mark and X
///   reads as a name (it starts with a capital, an article or a word for speakers, and holds no verb or number);
/// - `X said`, `X told reporters`, `“…,” the minister said`, `a teacher who survived said`: the words before the
///   verb back to a clause boundary, at most ten words, or past a `who` with no comma back to the start of the
///   speaker it describes; `and`, `of`, `on`, `for` between capitalised words do not end a name, so `the U.N.
///   Office on Drugs and Crime` stays whole; a leading time phrase such as `On Tuesday` is dropped.
/// A passive verb (`was reported`, `is said to`) attributes nothing unless `by X` follows. A personal pronoun in
/// the main attribution (`He said …`, `…, she added`) is marked so the extractor can resolve it to an earlier
/// sentence's speaker; one inside a clause (`footage they say shows`) is kept as written. The medium is
/// `in a tweet` / `in a statement` / `at a news conference` (and the like) or `on <platform>` right after the
/// verb or speaker or opening the sentence (`In a statement, the ministry said`), or `tweet` for `tweeted`.
enum AttributionFinder {
    struct Attribution: Sendable, Equatable {
        var source: String
        var medium: String?
        var kind: SpeakerKind?
        /// The source is a pronoun in the sentence's main attribution, to be resolved to an earlier speaker.
        var isPronoun = false
    }

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "stated", "added", "adds", "claimed", "announced", "tweeted",
        "wrote", "writes", "reported", "confirmed", "insisted", "alleged", "explained", "noted", "warned",
        "acknowledged", "argued", "declared", "asserted", "admitted", "denied", "stressed", "recalled",
        "estimated", "replied", "conceded", "maintained", "testified", "disclosed", "blamed", "accused",
    ]
    static let clauseBoundaries: Set<String> = [
        "that", "which", "who", "whom", "whose", "what", "but", "because", "while", "when", "if", "after",
        "before", "since", "although", "though", "so", "as", "where", "whereas", "and", "or",
    ]
    static let relativePronouns: Set<String> = ["who", "which", "whose", "whom"]
    /// Words allowed between a subject and its verb (`Garver also said`, `officials have said`).
    static let betweenSubjectAndVerb: Set<String> = [
        "also", "later", "earlier", "previously", "then", "has", "have", "had", "reportedly", "separately",
        "further", "once", "again", "repeatedly", "publicly", "first", "initially", "subsequently",
    ]
    static let passiveMarkers: Set<String> = ["was", "were", "is", "are", "been", "be", "being"]
    static let afterNameStops: Set<String> = [
        "in", "on", "at", "to", "during", "that", "when", "while", "after", "before", "via", "through",
        "earlier", "later", "last", "this", "yesterday", "today", "who", "which", "adding", "citing",
    ]
    /// Connectives that stay inside a name when capitalised words stand on both sides.
    static let nameConnectives: Set<String> = ["and", "of", "on", "for", "&"]
    /// Words that cannot be part of a speaker named after its verb (`said the drivers were detained`).
    static let notInSpeaker: Set<String> = [
        "was", "were", "is", "are", "had", "has", "have", "will", "would", "could", "should", "been", "be", "did",
        "can", "may", "might", "must", "not", "no",
    ]
    static let determiners: Set<String> = ["the", "a", "an", "one", "two", "three", "several", "some", "many"]
    /// Words that cannot end a subject (`the reported toll`, `as first reported`).
    static let notSubjectEnds: Set<String> = [
        "the", "a", "an", "this", "that", "its", "their", "his", "her", "of", "in", "on", "at", "to", "for",
        "with", "by", "widely", "as", "not", "no", "it's",
    ]
    /// Time words a subject may open with (`On Tuesday the ministry said`): dropped from the speaker.
    static let leadingTimeWords: Set<String> = [
        "on", "in", "at", "late", "early", "earlier", "later", "last", "yesterday", "today", "overnight",
        "morning", "afternoon", "evening", "night", "week", "month", "year", "also", "meanwhile", "separately",
    ]
    static let media: [[String]] = [
        ["press", "conference"], ["news", "conference"], ["press", "release"], ["video", "message"],
        ["tweet"], ["statement"], ["post"], ["interview"], ["briefing"], ["video"], ["email"], ["e-mail"],
        ["message"], ["speech"], ["letter"], ["report"], ["broadcast"], ["podcast"], ["blog"], ["telegram"],
    ]
    static let maximumPhraseTokens = 10
    static let personalPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]
    /// Pronouns the extractor resolves to an earlier speaker (not `I`, `we`, `you`: the writer or the reader).
    static let resolvablePronouns: Set<String> = ["he", "she", "they", "it"]

    static func attribution(in tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> Attribution? {
        let finder = Finder(tokens: tokens, scalars: scalars, quoted: quotedTokens(tokens))
        for index in tokens.indices.dropLast()
        where tokens[index].lower == "according" && tokens[index + 1].lower == "to" && !finder.quoted[index] {
            if let phrase = finder.phraseAfter(index + 2) {
                return finder.attribution(
                    phrase, descriptor: finder.appositive(after: phrase), mediumAfter: phrase.upperBound)
            }
        }
        for verb in tokens.indices
        where tokens[verb].kind == .word && speechVerbs.contains(tokens[verb].lower) && !finder.quoted[verb] {
            if let found = finder.attribution(at: verb) { return found }
        }
        return nil
    }

    /// Which tokens stand inside a quotation (`“We warned them,” the mayor said`: `warned` is not the attribution).
    /// Straight double quotes alternate; an unclosed quotation runs to the end of the sentence.
    static func quotedTokens(_ tokens: [ClaimToken]) -> [Bool] {
        var quoted = [Bool](repeating: false, count: tokens.count)
        var inside = false
        for (index, token) in tokens.enumerated() {
            if token.kind == .punctuation {
                switch token.text {
                case "“", "«": inside = true
                case "”", "»": inside = false
                case "\"": inside.toggle()
                default: break
                }
                continue
            }
            quoted[index] = inside
        }
        return quoted
    }

    /// Tokens of one sentence and the shapes read from them.
    private struct Finder {
        let tokens: [ClaimToken]
        let scalars: [Unicode.Scalar]
        /// `quotedTokens(tokens)`.
        let quoted: [Bool]

        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]))
        }

        func attribution(_ phrase: Range<Int>, descriptor: Range<Int>?, mediumAfter: Int, implied: String? = nil)
            -> Attribution
        {
            let pronoun = phrase.count == 1 && personalPronouns.contains(tokens[phrase.lowerBound].lower)
            // `In a statement, the ministry said …`: the medium may open the sentence.
            let opening = tokens.first.map { ["in", "at"].contains($0.lower) } == true ? medium(after: 0) : nil
            return Attribution(
                source: text(phrase), medium: implied ?? medium(after: mediumAfter) ?? opening,
                kind: SpeakerCues.kind(of: phrase, descriptor: descriptor, tokens: tokens),
                isPronoun: pronoun && resolvablePronouns.contains(tokens[phrase.lowerBound].lower)
                    && isMainPosition(phrase.lowerBound))
        }

        /// The attribution made by the speech verb at `verb`, if any.
        func attribution(at verb: Int) -> Attribution? {
            let implied = tokens[verb].lower == "tweeted" ? "tweet" : nil
            var end = verb
            while end > 0, tokens[end - 1].kind == .word, betweenSubjectAndVerb.contains(tokens[end - 1].lower) {
                end -= 1
            }
            if end > 0, passiveMarkers.contains(tokens[end - 1].lower) {
                // `was reported by the state news agency`
                guard verb + 1 < tokens.count, tokens[verb + 1].lower == "by", let agent = phraseAfter(verb + 2),
                    isSpeakerAfterVerb(agent)
                else { return nil }
                return attribution(agent, descriptor: appositive(after: agent), mediumAfter: agent.upperBound)
            }
            // `said to be`, `says to`: not a report of speech.
            if verb + 1 < tokens.count, tokens[verb + 1].lower == "to", ["said", "says"].contains(tokens[verb].lower) {
                return nil
            }
            let parenthetical = end > 0 && tokens[end - 1].text == "," ? parentheticalSubject(comma: end - 1) : nil
            let after =
                verb > 0 && isCloser(tokens[verb - 1])
                ? phraseAfter(verb + 1).flatMap { isSpeakerAfterVerb($0) ? $0 : nil } : nil
            if let parenthetical, parenthetical.isCertain || after == nil {
                let (speaker, descriptor) = (parenthetical.speaker, parenthetical.descriptor)
                return attribution(speaker, descriptor: descriptor, mediumAfter: verb + 1, implied: implied)
            }
            if let after {
                return attribution(
                    after, descriptor: appositive(after: after), mediumAfter: after.upperBound, implied: implied)
            }
            guard end > 0 else { return nil }
            // `… footage they say shows …`: a pronoun right before the verb is the whole subject.
            if personalPronouns.contains(tokens[end - 1].lower) {
                return attribution((end - 1)..<end, descriptor: nil, mediumAfter: verb + 1, implied: implied)
            }
            guard let subject = segment(endingAt: end).flatMap(trimmed) else { return nil }
            // `a teacher who survived told …`: a relative clause with no comma belongs to the speaker before it.
            if subject.lowerBound > 1, tokens[subject.lowerBound - 1].lower == "who",
                let antecedent = segment(endingAt: subject.lowerBound - 1).flatMap(trimmed),
                looksLikeSpeaker(antecedent),
                hasName(antecedent) || SpeakerCues.kind(of: antecedent, tokens: tokens) != nil
            {
                var found = attribution(
                    antecedent.lowerBound..<subject.upperBound, descriptor: nil, mediumAfter: verb + 1, implied: implied
                )
                found.kind = SpeakerCues.kind(of: antecedent, tokens: tokens)
                return found
            }
            guard looksLikeSpeaker(subject) else { return nil }
            return attribution(subject, descriptor: nil, mediumAfter: verb + 1, implied: implied)
        }

        /// A speaker before a clause set off by commas, and the words that describe them.
        struct Parenthetical {
            var speaker: Range<Int>
            var descriptor: Range<Int>?
            /// A relative clause, or an appositive with a title or role: the speaker reading wins over `said X`.
            var isCertain: Bool
        }

        /// `X, who led the operation, said` and `X, a spokesman for the army, said` (`comma` is the one before the
        /// verb); nil when the words before are not set off by commas or hold no plausible speaker.
        func parentheticalSubject(comma: Int) -> Parenthetical? {
            var start = comma
            while start > 0, tokens[start - 1].text != ",", comma - start < 16 {
                if tokens[start - 1].kind == .punctuation { return nil }
                start -= 1
            }
            guard start > 1, start < comma, tokens[start - 1].text == "," else { return nil }
            let inner = start..<comma
            guard let head = segment(endingAt: start - 1).flatMap(trimmed), looksLikeSpeaker(head) else { return nil }
            if relativePronouns.contains(tokens[inner.lowerBound].lower) {
                return Parenthetical(speaker: head, descriptor: nil, isCertain: true)
            }
            guard inner.count <= maximumPhraseTokens, looksLikeSpeaker(inner) else { return nil }
            let (speaker, descriptor) = hasName(inner) && !hasName(head) ? (inner, head) : (head, inner)
            // `Baro Temu` or `The agency` (a speaker word), not `In the north`.
            guard hasName(speaker) || SpeakerCues.kind(of: speaker, tokens: tokens) != nil else { return nil }
            let described = SpeakerCues.kind(of: descriptor, tokens: tokens) != nil
            return Parenthetical(speaker: speaker, descriptor: descriptor, isCertain: described)
        }

        /// Words after `start` up to punctuation or a stop word (a connective between capitalised words does not
        /// stop it), at most ten; nil when empty or too long.
        func phraseAfter(_ start: Int) -> Range<Int>? {
            var end = start
            while end < tokens.count, tokens[end].kind != .punctuation || isPluralPossessive(end) {
                let word = tokens[end].lower
                if afterNameStops.contains(word) || clauseBoundaries.contains(word) {
                    guard joinsName(end) else { break }
                }
                end += 1
                if end - start > maximumPhraseTokens { return nil }
            }
            return end > start ? start..<end : nil
        }

        /// The words before `end` back to punctuation, a clause boundary or the sentence start (at most ten).
        func segment(endingAt end: Int) -> Range<Int>? {
            var start = end
            while start > 0 {
                let token = tokens[start - 1]
                if token.kind == .punctuation, !isPluralPossessive(start - 1) { break }
                if clauseBoundaries.contains(token.lower), !joinsName(start - 1) { break }
                start -= 1
                if end - start > maximumPhraseTokens { return nil }
            }
            return start < end ? start..<end : nil
        }

        /// The apostrophe of a plural possessive (`the rebels’ political wing`): glued to a word ending in `s` and
        /// followed by a word.
        func isPluralPossessive(_ index: Int) -> Bool {
            let token = tokens[index]
            guard ["'", "’"].contains(token.text), index > 0, index + 1 < tokens.count else { return false }
            let before = tokens[index - 1]
            return before.kind == .word && before.end == token.start && before.lower.hasSuffix("s")
                && tokens[index + 1].kind == .word && tokens[index + 1].start > token.end
        }

        /// `segment` without a leading time phrase (`On Tuesday`, `Late on Monday night`, `Yesterday`); the last
        /// word always stays.
        func trimmed(_ range: Range<Int>) -> Range<Int>? {
            var start = range.lowerBound
            while start < range.upperBound - 1 {
                let token = tokens[start]
                // A number only inside a date (`On 3 March`), not opening the subject (`12 witnesses`).
                let isTime =
                    leadingTimeWords.contains(token.lower) || (token.kind == .number && start > range.lowerBound)
                    || CivilDate.weekdayNames[SpeakerCues.bare(token.lower)] != nil
                    || CivilDate.monthNames[SpeakerCues.bare(token.lower)] != nil
                guard isTime else { break }
                start += 1
            }
            return start..<range.upperBound
        }

        /// `and`, `of`, `on`, `for` between capitalised words (`Office on Drugs and Crime`), not before a platform
        /// or a day (`Garver on Twitter`, `the ministry on Tuesday`).
        func joinsName(_ index: Int) -> Bool {
            guard nameConnectives.contains(tokens[index].lower), index > 0, index + 1 < tokens.count else {
                return false
            }
            let next = tokens[index + 1]
            let nextWord = SpeakerCues.bare(next.lower)
            return tokens[index - 1].isCapitalized && next.isCapitalized
                && FootageReferenceFinder.platform(at: index + 1, tokens: tokens) == nil
                && CivilDate.weekdayNames[nextWord] == nil && CivilDate.monthNames[nextWord] == nil
        }

        /// `, a spokeswoman for the agency` after a speaker: the appositive, which may tell the speaker's kind.
        func appositive(after phrase: Range<Int>) -> Range<Int>? {
            let comma = phrase.upperBound
            guard comma + 1 < tokens.count, tokens[comma].text == "," else { return nil }
            var end = comma + 1
            while end < tokens.count, tokens[end].kind != .punctuation, end - comma <= maximumPhraseTokens {
                end += 1
            }
            return end > comma + 1 ? (comma + 1)..<end : nil
        }

        /// A name read after its verb: it starts with a capital, an article or a speaker word, and holds no verb,
        /// auxiliary or number.
        func isSpeakerAfterVerb(_ phrase: Range<Int>) -> Bool {
            let first = tokens[phrase.lowerBound]
            guard
                first.isCapitalized || determiners.contains(first.lower)
                    || SpeakerCues.kind(
                        of: phrase.lowerBound..<(phrase.lowerBound + 1), tokens: tokens) != nil
            else { return false }
            for index in phrase {
                let token = tokens[index]
                if token.kind == .number || notInSpeaker.contains(token.lower) { return false }
                if ClaimExtractor.eventVerbs.contains(token.lower) { return false }
                if index > phrase.lowerBound, !token.isCapitalized, token.lower.hasSuffix("ed"),
                    !determiners.contains(tokens[index - 1].lower)
                {
                    return false
                }
            }
            return true
        }

        /// Words that can name a speaker before its verb: no auxiliary or action verb, and not ending with an
        /// article or a preposition (`the reported toll`).
        func looksLikeSpeaker(_ range: Range<Int>) -> Bool {
            !notSubjectEnds.contains(tokens[range.upperBound - 1].lower)
                && !tokens[range].contains {
                    notInSpeaker.contains($0.lower) || ClaimExtractor.eventVerbs.contains($0.lower)
                }
        }

        func isCloser(_ token: ClaimToken) -> Bool {
            token.kind == .punctuation && [",", "”", "\"", "’", "'", "»"].contains(token.text)
        }

        /// The pronoun at `index` carries the sentence's attribution: it opens the sentence (after any opening
        /// quotation mark) or follows a comma, a closing quotation mark or a dash.
        func isMainPosition(_ index: Int) -> Bool {
            guard index > 0 else { return true }
            let before = tokens[index - 1]
            guard before.kind == .punctuation else { return false }
            return index == 1 || [",", "”", "\"", "’", "'", "»", "—", "–", ";"].contains(before.text)
        }

        func hasName(_ range: Range<Int>) -> Bool {
            tokens[range].enumerated().contains { offset, token in
                token.isAcronym
                    || token.isCapitalized
                        && (range.lowerBound + offset > 0 || !Abbreviations.sentenceOpeners.contains(token.lower))
            }
        }

        /// `in a tweet`, `in a statement`, `at a news conference`, `on Twitter` within the four tokens after `start`.
        func medium(after start: Int) -> String? {
            var index = start
            while index < tokens.count, index < start + 4 {
                let word = tokens[index].lower
                if word == "in" || word == "at", index + 1 < tokens.count {
                    var cursor = index + 1
                    if ["a", "an", "the", "his", "her", "their", "its"].contains(tokens[cursor].lower) { cursor += 1 }
                    for medium in media where cursor + medium.count <= tokens.count {
                        if zip(tokens[cursor..<(cursor + medium.count)], medium).allSatisfy({ $0.lower == $1 }) {
                            return medium.joined(separator: " ")
                        }
                    }
                }
                if word == "on", index + 1 < tokens.count,
                    let platform = FootageReferenceFinder.platform(at: index + 1, tokens: tokens)
                {
                    return platform
                }
                index += 1
            }
            return nil
        }
    }
}
