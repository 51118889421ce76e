import FootageCore
import Foundation

/// Finds a sentence's reference to footage, with its publishers, platform and date.
///
/// A sentence refers to footage when it has a footage noun (`video`, `footage`, `clip`, `recording`,
/// `livestream`), a filming verb (`filmed`, `uploaded`, `aired`), a video platform (`YouTube`, `TikTok`,
/// …), or another platform together with a publishing verb (`posted on Telegram`). Publishers are found
/// around each publishing verb (`released`, `posted`, `uploaded`, `published`, `shared`, `aired`, …):
/// a `by X` phrase after it (`uploaded to YouTube on Friday by the Iraqi Defence Ministry`), or the
/// subject before it unless the verb is passive (`the Pentagon and the Iraqi army have released`), split
/// on `and`. A publisher is a run of capitalised words, connectives (`of`, `the`, `and`), institution nouns
/// (`army`, `ministry`, `forces`, …) and the words `SpeakerCues` reads kinds from (`agency`, `press office`,
/// `channel`, `television`, `police`, `resident`, possessives such as `agency's`) holding at least one
/// capitalised word or such a noun; after `by`, other lower-case words count too (`by a local channel`,
/// `by state television`), up to a preposition or a verb.
/// A sentence yields at most one reference, gathering all publishers it names.
enum FootageReferenceFinder {
    static let footageNouns: Set<String> = [
        "video", "videos", "footage", "clip", "clips", "recording", "recordings", "livestream", "livestreams",
        "videotape", "camera-phone", "bodycam", "dashcam",
    ]
    static let filmingVerbs: Set<String> = ["filmed", "uploaded", "aired", "videoed", "livestreamed", "streamed"]
    static let publishingVerbs: Set<String> = [
        "released", "posted", "uploaded", "published", "shared", "aired", "broadcast", "distributed",
        "circulated", "issued", "filmed", "recorded", "tweeted", "streamed", "livestreamed", "release",
        "releases", "posts", "uploads", "publishes", "shares", "airs",
    ]
    static let videoPlatforms: [String: String] = [
        "youtube": "YouTube", "tiktok": "TikTok", "vimeo": "Vimeo", "liveleak": "LiveLeak", "rumble": "Rumble",
        "dailymotion": "Dailymotion",
    ]
    static let otherPlatforms: [String: String] = [
        "twitter": "Twitter/X", "telegram": "Telegram", "facebook": "Facebook", "instagram": "Instagram",
        "whatsapp": "WhatsApp", "vk": "VK", "vkontakte": "VK", "snapchat": "Snapchat", "reddit": "Reddit",
        "weibo": "Weibo", "twitch": "Twitch", "bluesky": "Bluesky", "truth social": "Truth Social",
    ]
    static let institutionNouns: Set<String> = [
        "army", "ministry", "military", "forces", "force", "government", "police", "office", "department",
        "agency", "command", "coalition", "navy", "defence", "defense", "interior", "media", "channel",
        "service", "services", "unit", "group", "militants", "fighters", "authorities", "officials",
        "spokesman", "spokeswoman", "spokesperson", "press", "news", "air", "guard", "brigade", "battalion",
        "division", "corps", "council", "administration", "embassy", "state", "network", "wing",
    ]
    static let connectives: Set<String> = ["the", "of", "and", "for", "&"]
    static let auxiliaries: Set<String> = [
        "has", "have", "had", "also", "just", "reportedly", "recently", "then", "later", "earlier", "first",
        "apparently", "allegedly", "separately",
    ]
    static let passiveMarkers: Set<String> = ["was", "were", "is", "are", "been", "be", "being", "get", "got"]
    /// Capitalised words that are not publishers (sentence openers, footage words, days, months).
    static let notNames: Set<String> = footageNouns.union(Abbreviations.sentenceOpeners)
        .union(CivilDate.weekdayNames.keys).union(CivilDate.monthNames.keys)
        .union(["images", "pictures", "photos", "close-ups", "shots"])

    static func reference(in tokens: [ClaimToken], scalars: [Unicode.Scalar], published: CivilDate?)
        -> FootageReference?
    {
        var cue: String? = nil
        var platform: String? = nil
        var hasPublishingVerb = false
        for index in tokens.indices where tokens[index].kind == .word {
            let word = tokens[index].lower
            if platform == nil, let name = self.platform(at: index, tokens: tokens) { platform = name }
            if cue == nil, footageNouns.contains(word) || filmingVerbs.contains(word) || videoPlatforms[word] != nil {
                cue = word
            }
            if publishingVerbs.contains(word) { hasPublishingVerb = true }
        }
        if cue == nil, platform != nil, hasPublishingVerb {
            cue = tokens.first { publishingVerbs.contains($0.lower) }?.lower
        }
        guard let cue else { return nil }

        var publishers: [String] = []
        func add(_ names: [String]) {
            for name in names where !publishers.contains(name) { publishers.append(name) }
        }
        for verb in tokens.indices where tokens[verb].kind == .word && publishingVerbs.contains(tokens[verb].lower) {
            add(byPhrase(after: verb, tokens: tokens, scalars: scalars))
            add(subject(before: verb, tokens: tokens, scalars: scalars))
        }
        let date = DateExpressionFinder.first(in: tokens, scalars: scalars, published: published)
        return FootageReference(cue: cue, publishers: publishers, platform: platform, date: date)
    }

    /// The platform named at `index` (`YouTube`, `Twitter`, `X` after `on`/`to`/`via`), normalised.
    static func platform(at index: Int, tokens: [ClaimToken]) -> String? {
        let token = tokens[index]
        guard token.kind == .word, token.isCapitalized || token.lower == "youtube" else { return nil }
        let bare =
            token.lower.hasSuffix("’s") || token.lower.hasSuffix("'s") ? String(token.lower.dropLast(2)) : token.lower
        if let name = videoPlatforms[bare] ?? otherPlatforms[bare] { return name }
        if bare == "truth", index + 1 < tokens.count, tokens[index + 1].lower == "social" { return "Truth Social" }
        // `X.` when it ends the sentence: the tokenizer keeps a single letter's dot as an initial's.
        if token.text == "X" || (token.text == "X." && index == tokens.count - 1), index > 0,
            ["on", "to", "via"].contains(tokens[index - 1].lower)
        {
            return "Twitter/X"
        }
        return nil
    }

    private static func isNameish(_ token: ClaimToken) -> Bool {
        guard token.kind == .word else { return token.text == "&" }
        let word = SpeakerCues.bare(token.lower)
        if connectives.contains(token.lower) || institutionNouns.contains(word) || isPublisherWord(word) { return true }
        return token.isCapitalized && !notNames.contains(token.lower) && videoPlatforms[token.lower] == nil
            && otherPlatforms[token.lower] == nil
    }

    /// A word for an organisation or a person that publishes (`agency`, `channel`, `television`, `police`,
    /// `resident`), from the words `SpeakerCues` reads speakers' kinds with, pronouns aside.
    private static func isPublisherWord(_ word: String) -> Bool {
        (SpeakerCues.organization.contains(word) || SpeakerCues.person.contains(word))
            && !AttributionFinder.personalPronouns.contains(word) && !["her", "him"].contains(word)
    }

    /// `by X` after the verb: X is the words up to punctuation or a preposition, kept when it holds a name or a
    /// publisher word (`by a local channel`, `by state television`, `by the police`; not `by the time`).
    private static func byPhrase(after verb: Int, tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> [String] {
        var index = verb + 1
        while index < tokens.count, index <= verb + 8, tokens[index].kind != .punctuation {
            if tokens[index].lower == "by" {
                var end = index + 1
                while end < tokens.count, end - index <= 8, tokens[end].kind == .word,
                    isNameish(tokens[end]) || !byPhraseStops.contains(tokens[end].lower) && !tokens[end].isCapitalized
                {
                    end += 1
                }
                return names(in: (index + 1)..<end, tokens: tokens, scalars: scalars)
            }
            index += 1
        }
        return []
    }
    static let byPhraseStops: Set<String> = [
        "in", "on", "at", "to", "from", "with", "during", "via", "after", "before", "that", "which", "who", "when",
        "while", "as", "shows", "showed", "show", "showing", "is", "was", "were", "are", "has", "had", "have",
        "yesterday", "today", "last", "this", "earlier", "later", "near", "over", "into", "and", "or",
    ]

    private static func subject(before verb: Int, tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> [String] {
        var end = verb
        while end > 0, auxiliaries.contains(tokens[end - 1].lower) { end -= 1 }
        if end > 0, passiveMarkers.contains(tokens[end - 1].lower) { return [] }
        var start = end
        while start > 0, end - start < 10, isNameish(tokens[start - 1]) { start -= 1 }
        return names(in: start..<end, tokens: tokens, scalars: scalars)
    }

    /// Publisher names in a run of name-ish tokens: split on `and`, leading `the` and trailing
    /// connectives removed, kept when they hold a capitalised word or an institution noun.
    private static func names(in range: Range<Int>, tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> [String] {
        var parts: [Range<Int>] = []
        var partStart = range.lowerBound
        for index in range where tokens[index].lower == "and" {
            let left = partStart..<index
            let rightHasDeterminer = index + 1 < range.upperBound && tokens[index + 1].lower == "the"
            // "Iraqi and Kurdish forces" stays whole; "the Pentagon and the Iraqi army" splits.
            if left.count == 1 && !rightHasDeterminer { continue }
            parts.append(left)
            partStart = index + 1
        }
        parts.append(partStart..<range.upperBound)
        return parts.compactMap { part -> String? in
            var lower = part.lowerBound, upper = part.upperBound
            while lower < upper, connectives.contains(tokens[lower].lower) { lower += 1 }
            while upper > lower, connectives.contains(tokens[upper - 1].lower) { upper -= 1 }
            guard lower < upper else { return nil }
            let words = tokens[lower..<upper]
            let publisherWord = words.contains { isPublisherWord(SpeakerCues.bare($0.lower)) }
            guard words.contains(where: { $0.isCapitalized || institutionNouns.contains($0.lower) }) || publisherWord
            else { return nil }
            guard words.contains(where: { $0.isCapitalized }) || words.count > 1 || publisherWord else { return nil }
            return String(String.UnicodeScalarView(scalars[tokens[lower].start..<tokens[upper - 1].end]))
        }
    }
}
