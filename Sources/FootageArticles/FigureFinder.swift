import FootageCore
import Foundation

/// Finds the quantities a sentence states; see `Figure` for what counts.
///
/// The counted noun is the first plural-looking word (or, for one, the first word) among the next three
/// words after the number, its scale word (`million`) and an optional `of the` (`two of the men`);
/// capitalised modifiers are passed over (`55 ISIL trucks` counts trucks). A four-digit number from 1800
/// to 2100 is a year unless a plural noun follows it and no `in`, `since`, `the` (…) or comma comes before it; a
/// number next to a month name, and three numbers joined by `-` or `/`, are a date; a number before `a.m.`,
/// `p.m.`, a time zone or `o’clock` is a time of day (`isTimeOfDay`); `four years ago` and `two days later` are
/// dates.
enum FigureFinder {
    static let spelled: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]
    static let vague: Set<String> = ["scores", "dozens", "hundreds", "thousands", "millions", "tens", "billions"]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
        "trillion": 1_000_000_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "m": 1_000_000, "k": 1_000,
        "b": 1_000_000_000,
    ]
    static let qualifiers: [[String]] = [
        ["a", "little", "over"], ["as", "many", "as"], ["an", "estimated"], ["just", "over"], ["at", "least"],
        ["at", "most"], ["more", "than"], ["fewer", "than"], ["less", "than"], ["up", "to"], ["a", "further"],
        ["about"], ["around"], ["nearly"], ["almost"], ["approximately"], ["approx."], ["roughly"], ["some"],
        ["over"], ["under"], ["another"], ["estimated"], ["exactly"], ["only"],
    ]
    /// Words that end the search for a counted noun.
    static let nounStops: Set<String> = [
        "in", "on", "at", "to", "from", "by", "with", "for", "near", "into", "across", "along", "over", "under",
        "were", "was", "are", "is", "be", "been", "have", "has", "had", "and", "or", "but", "that", "which",
        "who", "said", "says", "per", "than", "as", "the", "a", "an", "of", "since", "ago", "after", "before",
        "when", "while", "more", "each", "this", "those", "these", "it", "they", "he", "she", "we",
    ]
    static let irregularPlurals: Set<String> = [
        "men", "women", "people", "children", "police", "personnel", "aircraft", "sheep", "staff", "troops",
        "feet", "teeth", "mice", "geese", "crew", "livestock", "militia", "cattle", "youth", "data",
    ]
    private static let determiners: Set<String> = [
        "the", "these", "those", "his", "her", "their", "its", "our", "them",
    ]

    static func figures(in tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> [Figure] {
        var figures: [Figure] = []
        var index = 0
        while index < tokens.count {
            if let (figure, next) = figure(at: index, tokens: tokens, scalars: scalars) {
                figures.append(figure)
                index = next
            } else {
                index += 1
            }
        }
        return figures
    }

    private static func figure(at index: Int, tokens: [ClaimToken], scalars: [Unicode.Scalar]) -> (Figure, Int)? {
        let token = tokens[index]
        var value: Double?
        var currency: String? = nil
        var cursor = index + 1
        var requiresNoun = false
        var unit: String? = nil

        switch token.kind {
        case .number:
            guard let number = token.number, !number.isOrdinal, !number.isTime else { return nil }
            if isDate(at: index, tokens: tokens) || isTimeOfDay(at: index, tokens: tokens) { return nil }
            if number.suffix == "s", number.currency == nil, isYear(number.value) { return nil }  // the 1990s
            value = number.value
            currency = number.currency
            if let suffix = number.suffix {
                if suffix == "%" {
                    unit = "%"
                } else if let scale = scales[suffix] {
                    value = number.value * scale
                } else {
                    unit = suffix
                }
            }
        case .word:
            if vague.contains(token.lower), cursor < tokens.count, tokens[cursor].lower == "of" {
                value = nil
                requiresNoun = true
            } else if let spelledValue = spelledNumber(token.lower), !isTimeOfDay(at: index, tokens: tokens) {
                if token.lower == "one", index > 0,
                    ["the", "no", "every", "any", "each", "this", "that", "which", "only"].contains(
                        tokens[index - 1].lower)
                {
                    return nil
                }
                if token.lower == "dozen", index > 0, tokens[index - 1].lower != "a" { return nil }
                value = spelledValue
                requiresNoun = true
            } else {
                return nil
            }
        case .punctuation:
            return nil
        }
        while cursor < tokens.count, let scale = scales[tokens[cursor].lower], tokens[cursor].kind == .word,
            tokens[cursor].lower.count > 2 || token.kind == .number
        {
            value = value.map { $0 * scale }
            cursor += 1
        }
        if unit == nil, cursor + 1 < tokens.count, tokens[cursor].lower == "per", tokens[cursor + 1].lower == "cent" {
            unit = "%"
            cursor += 2
        } else if unit == nil, cursor < tokens.count, tokens[cursor].lower == "percent" || tokens[cursor].text == "%" {
            unit = "%"
            cursor += 1
        }
        var nounRange: Range<Int>? = nil
        if unit == nil, let found = countedNoun(after: cursor, tokens: tokens, single: value == 1) {
            nounRange = found
        }
        if requiresNoun && nounRange == nil { return nil }
        // `four years ago`, `two days later`: a date, not a quantity.
        if let nounRange, timeUnits.contains(tokens[nounRange.upperBound - 1].lower),
            nounRange.upperBound < tokens.count,
            ["ago", "earlier", "later", "before"].contains(tokens[nounRange.upperBound].lower)
        {
            return nil
        }
        if token.kind == .number, let number = token.number, currency == nil, unit == nil, !number.hasSeparators,
            isYear(number.value)
        {
            // A year, unless a plural noun follows and nothing before reads as a date (`2000 people`).
            let plural = nounRange.map { looksPlural(tokens[$0.upperBound - 1].lower) } ?? false
            if !plural
                || (index > 0 && (yearPreceders.contains(tokens[index - 1].lower) || tokens[index - 1].text == ","))
            {
                return nil
            }
        }
        let qualifierStart = qualifier(before: index, tokens: tokens)
        let firstIndex = qualifierStart?.index ?? index
        let lastIndex = nounRange.map { $0.upperBound - 1 } ?? max(index, cursor - 1)
        let text = String(String.UnicodeScalarView(scalars[tokens[firstIndex].start..<tokens[lastIndex].end]))
        let noun = unit ?? nounRange.map { tokens[$0.upperBound - 1].lower }
        let figure = Figure(value: value, text: text, noun: noun, currency: currency, qualifier: qualifierStart?.text)
        return (figure, lastIndex + 1)
    }

    /// The value of a spelled number, including hyphenated tens and units (`twenty-five`).
    static func spelledNumber(_ word: String) -> Double? {
        if let value = spelled[word] { return value }
        let parts = word.split(whereSeparator: { $0 == "-" || $0 == "‑" })
        guard parts.count == 2, let tens = spelled[String(parts[0])], let units = spelled[String(parts[1])],
            tens >= 20, tens.truncatingRemainder(dividingBy: 10) == 0, units < 10
        else { return nil }
        return tens + units
    }

    /// The token range of the counted noun after `start` (the last index is the noun), or nil.
    private static func countedNoun(after start: Int, tokens: [ClaimToken], single: Bool) -> Range<Int>? {
        var cursor = start
        if cursor < tokens.count, tokens[cursor].lower == "of" {
            cursor += 1
            if cursor < tokens.count, determiners.contains(tokens[cursor].lower) { cursor += 1 }
        }
        // `two more mines`, `three other districts` (not `two more than`).
        if cursor + 1 < tokens.count, ["more", "other", "fewer"].contains(tokens[cursor].lower),
            tokens[cursor + 1].lower != "than"
        {
            cursor += 1
        }
        var firstLowercase: Int? = nil
        var capitalisedPlural: Int? = nil
        var examined = 0
        while cursor < tokens.count, examined < 3 {
            let token = tokens[cursor]
            guard token.kind == .word, !nounStops.contains(token.lower) else { break }
            if !token.isCapitalized {
                if single || looksPlural(token.lower) { return start..<(cursor + 1) }
                if firstLowercase == nil { firstLowercase = cursor }
            } else if !token.isAcronym, looksPlural(token.lower), capitalisedPlural == nil {
                capitalisedPlural = cursor
            }
            examined += 1
            cursor += 1
        }
        if let noun = firstLowercase ?? capitalisedPlural { return start..<(noun + 1) }
        return nil
    }

    static func looksPlural(_ word: String) -> Bool {
        if irregularPlurals.contains(word) { return true }
        guard word.count > 2, word.hasSuffix("s") else { return false }
        return !word.hasSuffix("ss") && !word.hasSuffix("us") && !word.hasSuffix("is") && !word.hasSuffix("’s")
            && !word.hasSuffix("'s")
    }

    /// Words before a year (`in 2024`, `since 2015`, `the 2014 elections`).
    static let yearPreceders: Set<String> = [
        "in", "since", "until", "till", "by", "from", "during", "of", "early", "late", "mid", "before", "after",
        "through", "the", "this", "last", "next", "year", "to", "between", "and",
    ]
    /// Words after a number that make it a time of day (`6 a.m.`, `0600 GMT`, `9 o’clock`), without dots.
    static let timeWords: Set<String> = [
        "am", "pm", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "o’clock", "o'clock", "noon",
        "midnight",
    ]
    static let timeUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
        "months", "year", "years", "decade", "decades",
    ]
    static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night"]

    static func isYear(_ value: Double) -> Bool { (1800...2100).contains(value) && value.rounded() == value }

    /// A time of day: `6am`, `10.30pm`, `6 a.m.`, `2 p.m. local time`, `0600 GMT`, `0600 hours`, `at six in the
    /// morning`.
    static func isTimeOfDay(at index: Int, tokens: [ClaimToken]) -> Bool {
        let token = tokens[index]
        if let suffix = token.number?.suffix, ["am", "pm", "a", "p", "h", "hrs"].contains(suffix) {
            return suffix != "h" && suffix != "hrs" || token.text.count >= 5
        }
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1].lower.replacingOccurrences(of: ".", with: "")
        if timeWords.contains(next) { return true }
        // `0600 hours`: four digits, the first a zero or the value a clock reading.
        if ["hours", "hrs"].contains(next), token.kind == .number, token.text.count == 4,
            let value = token.number?.value,
            token.text.hasPrefix("0") || (value <= 2400 && value.truncatingRemainder(dividingBy: 100) < 60)
        {
            return true
        }
        // `at six in the morning`, `at 9 at night` (not `killed 40 in the morning raid`).
        guard index > 0, tokens[index - 1].lower == "at" else { return false }
        if index + 3 < tokens.count, tokens[index + 1].lower == "in", tokens[index + 2].lower == "the",
            partsOfDay.contains(tokens[index + 3].lower)
        {
            return true
        }
        return index + 2 < tokens.count && tokens[index + 1].lower == "at" && tokens[index + 2].lower == "night"
    }

    /// A numeric date, `2024-03-03` or `3/3/2024`: three numbers joined by `-` or `/` with no spaces.
    static func isNumericDate(at index: Int, tokens: [ClaimToken]) -> Bool {
        func joined(_ left: Int) -> Bool {
            left >= 0 && left + 2 < tokens.count && tokens[left].kind == .number && tokens[left + 2].kind == .number
                && ["-", "/", "–"].contains(tokens[left + 1].text) && tokens[left].end == tokens[left + 1].start
                && tokens[left + 1].end == tokens[left + 2].start
        }
        var first = index, last = index
        while joined(first - 2) { first -= 2 }
        while joined(last) { last += 2 }
        return (last - first) / 2 + 1 >= 3
    }

    private static func isDate(at index: Int, tokens: [ClaimToken]) -> Bool {
        if isNumericDate(at: index, tokens: tokens) { return true }
        let months = CivilDate.monthNames
        if index > 0, tokens[index - 1].isCapitalized,
            months[tokens[index - 1].lower.replacingOccurrences(of: ".", with: "")] != nil
        {
            return true
        }
        if index + 1 < tokens.count, tokens[index + 1].isCapitalized,
            months[tokens[index + 1].lower.replacingOccurrences(of: ".", with: "")] != nil
        {
            return true
        }
        return false
    }

    /// A qualifier phrase ending just before `index`: its first token index and lower-cased text.
    private static func qualifier(before index: Int, tokens: [ClaimToken]) -> (index: Int, text: String)? {
        for phrase in qualifiers where phrase.count <= index {
            let first = index - phrase.count
            if zip(tokens[first..<index], phrase).allSatisfy({ $0.lower == $1 }) {
                return (first, phrase.joined(separator: " "))
            }
        }
        return nil
    }
}
