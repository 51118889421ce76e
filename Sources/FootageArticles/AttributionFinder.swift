import Foundation

/// Finds who a sentence attributes its content to, and how they said it.
///
/// Patterns, in order of precedence: `according to X`; `…,” said X` / `…, said X` (X after the verb);
/// `X said` (X is the words before the verb back to a clause boundary, at most eight words; with an
/// appositive — `a spokesman, Col. Chris Garver, said` — the part that holds a name is chosen).
/// The verbs are those in `speechVerbs` (`said`, `told`, `stated`, `tweeted`, …). Pronouns are kept as
/// written (`he said` gives `he`). The medium is `in a tweet` / `in a statement` / `in an interview`
/// (and the like) or `on <platform>` right after the verb, or `tweet` for `tweeted`.
enum AttributionFinder {
    struct Attribution: Sendable, Equatable {
        var source: String
        var medium: String?
    }

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "told", "tells", "stated", "added", "adds", "claimed", "announced", "tweeted",
        "wrote", "writes", "reported", "confirmed", "insisted", "alleged", "explained", "noted", "warned",
        "acknowledged", "argued", "declared", "asserted", "admitted", "denied",
    ]
    static let clauseBoundaries: Set<String> = [
        "that", "which", "who", "whom", "whose", "what", "but", "because", "while", "when", "if", "after",
        "before", "since", "although", "though", "so", "as", "where", "whereas", "and", "or",
    ]
    /// Words allowed between a subject and its verb (`Garver also said`, `officials have said`).
    static let betweenSubjectAndVerb: Set<String> = [
        "also", "later", "earlier", "previously", "then", "has", "have", "had", "was", "is", "reportedly",
        "separately", "further", "once", "again", "repeatedly", "publicly", "first",
    ]
    static let afterNameStops: Set<String> = [
        "in", "on", "at", "to", "during", "that", "when", "while", "after", "before", "via", "through",
        "earlier", "later", "last", "this", "yesterday", "today", "who", "which",
    ]
    static let media: [[String]] = [
        ["press", "conference"], ["news", "conference"], ["press", "release"], ["video", "message"],
        ["tweet"], ["statement"], ["post"], ["interview"], ["briefing"], ["video"], ["email"], ["e-mail"],
        ["message"], ["speech"], ["letter"], ["report"], ["broadcast"], ["podcast"], ["blog"], ["telegram"],
    ]
    static let maximumPhraseTokens = 8
    static let personalPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]

    static func attribution(in tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> Attribution? {
        func text(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(scalars[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end]))
        }
        for index in tokens.indices.dropLast()
        where tokens[index].lower == "according" && tokens[index + 1].lower == "to" {
            if let phrase = phraseAfter(index + 2, tokens: tokens, stops: afterNameStops.union(clauseBoundaries)) {
                return Attribution(source: text(phrase), medium: medium(after: phrase.upperBound, tokens: tokens))
            }
        }
        for verb in tokens.indices where tokens[verb].kind == .word && speechVerbs.contains(tokens[verb].lower) {
            let impliedMedium = tokens[verb].lower == "tweeted" ? "tweet" : nil
            if verb > 0, isCloser(tokens[verb - 1]),
                let phrase = phraseAfter(verb + 1, tokens: tokens, stops: afterNameStops.union(clauseBoundaries)),
                tokens[phrase].contains(where: { $0.isCapitalized || ["a", "an", "the"].contains($0.lower) })
            {
                return Attribution(
                    source: text(phrase), medium: impliedMedium ?? medium(after: phrase.upperBound, tokens: tokens))
            }
            if let subject = subject(before: verb, tokens: tokens) {
                return Attribution(
                    source: text(subject), medium: impliedMedium ?? medium(after: verb + 1, tokens: tokens))
            }
        }
        return nil
    }

    private static func isCloser(_ token: ClaimToken) -> Bool {
        token.kind == .punctuation && [",", "”", "\"", "’", "'", "»"].contains(token.text)
    }

    /// Words after `start` up to punctuation or a stop word, at most eight; nil when empty or too long.
    private static func phraseAfter(_ start: Int, tokens: [ClaimToken], stops: Set<String>) -> Range<Int>? {
        var end = start
        while end < tokens.count, tokens[end].kind != .punctuation, !stops.contains(tokens[end].lower) {
            end += 1
            if end - start > maximumPhraseTokens { return nil }
        }
        return end > start ? start..<end : nil
    }

    /// The subject of the verb at `verb`, as described in the type's documentation.
    private static func subject(before verb: Int, tokens: [ClaimToken]) -> Range<Int>? {
        var end = verb
        while end > 0, tokens[end - 1].kind == .word, betweenSubjectAndVerb.contains(tokens[end - 1].lower) { end -= 1 }
        guard end > 0 else { return nil }
        // `… footage they say shows …`: a pronoun right before the verb is the whole subject.
        if personalPronouns.contains(tokens[end - 1].lower) { return (end - 1)..<end }
        if tokens[end - 1].text == "," {
            let nearest = segment(endingAt: end - 1, tokens: tokens)
            var earlier: Range<Int>? = nil
            if let nearest, nearest.lowerBound > 0, tokens[nearest.lowerBound - 1].text == "," {
                earlier = segment(endingAt: nearest.lowerBound - 1, tokens: tokens)
            }
            if let nearest, hasName(nearest, tokens: tokens) { return nearest }
            if let earlier, hasName(earlier, tokens: tokens) { return earlier }
            return nearest
        }
        return segment(endingAt: end, tokens: tokens)
    }

    /// The words before `end` back to punctuation, a clause boundary or the sentence start (≤ 8 words).
    private static func segment(endingAt end: Int, tokens: [ClaimToken]) -> Range<Int>? {
        var start = end
        while start > 0 {
            let token = tokens[start - 1]
            if token.kind == .punctuation || clauseBoundaries.contains(token.lower) { break }
            start -= 1
            if end - start > maximumPhraseTokens { return nil }
        }
        return start < end ? start..<end : nil
    }

    private static func hasName(_ range: Range<Int>, tokens: [ClaimToken]) -> Bool {
        tokens[range].enumerated().contains { offset, token in
            token.isAcronym
                || token.isCapitalized
                    && (range.lowerBound + offset > 0 || !Abbreviations.sentenceOpeners.contains(token.lower))
        }
    }

    /// `in a tweet`, `in a statement`, `on Twitter` within the four tokens after `start`.
    private static func medium(after start: Int, tokens: [ClaimToken]) -> String? {
        var index = start
        while index < tokens.count, index < start + 4 {
            let word = tokens[index].lower
            if word == "in", index + 1 < tokens.count {
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
