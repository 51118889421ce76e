import FootageCore
import Foundation

/// Finds a date expression in a sentence and resolves it against the publication date.
///
/// Recognised: a weekday (`on Friday`, `last Friday`, `next Friday`), `today`, `yesterday`,
/// `last night`, `tonight`, and day-month dates (`30 June`, `June 30`, `30 June 2016`, `June 30, 2016`).
/// Resolution, given the publication date P: a bare weekday (with or without `on`/`this`) is the latest
/// such day on or before P (news writing names days of the past week, and the same day when it is
/// today); `last` Friday is strictly before P; `next` Friday strictly after. `yesterday` and `last night`
/// are P − 1. A day-month date without a year takes P's year, or the year before when that would fall
/// after P. Without a publication date `resolved` is nil (explicit full dates still resolve).
enum DateExpressionFinder {
    static func first(in tokens: [ClaimToken], scalars: [Unicode.Scalar], published: CivilDate?) -> DateExpression? {
        func text(_ first: Int, _ last: Int) -> String {
            String(String.UnicodeScalarView(scalars[tokens[first].start..<tokens[last].end]))
        }
        for index in tokens.indices where tokens[index].kind == .word {
            let word = tokens[index].lower
            let previous = index > 0 ? tokens[index - 1].lower : ""
            if tokens[index].isCapitalized, let weekday = CivilDate.weekdayNames[word], word.count > 3 {
                let start =
                    ["on", "last", "next", "this", "since", "until", "by"].contains(previous) ? index - 1 : index
                var resolved: String? = nil
                if let published {
                    let back = (published.weekday - weekday + 7) % 7
                    switch previous {
                    case "last": resolved = published.adding(days: back == 0 ? -7 : -back).iso
                    case "next":
                        let forward = (weekday - published.weekday + 7) % 7
                        resolved = published.adding(days: forward == 0 ? 7 : forward).iso
                    default: resolved = published.adding(days: -back).iso
                    }
                }
                return DateExpression(text: text(start, index), resolved: resolved)
            }
            if word == "today" || word == "tonight" {
                return DateExpression(text: text(index, index), resolved: published?.iso)
            }
            if word == "yesterday" {
                return DateExpression(text: text(index, index), resolved: published?.adding(days: -1).iso)
            }
            if word == "night", previous == "last" {
                return DateExpression(text: text(index - 1, index), resolved: published?.adding(days: -1).iso)
            }
            if tokens[index].isCapitalized,
                let month = CivilDate.monthNames[word.replacingOccurrences(of: ".", with: "")]
            {
                if let found = dayMonth(month: month, at: index, tokens: tokens, published: published) {
                    let start = found.first > 0 && tokens[found.first - 1].lower == "on" ? found.first - 1 : found.first
                    return DateExpression(text: text(start, found.last), resolved: found.resolved)
                }
            }
        }
        return nil
    }

    private static func dayMonth(
        month: Int, at index: Int, tokens: [ClaimToken], published: CivilDate?
    ) -> (first: Int, last: Int, resolved: String?)? {
        func day(_ at: Int) -> Int? {
            guard at >= 0, at < tokens.count, let number = tokens[at].number, !number.isTime, !number.hasSeparators,
                number.currency == nil, (1...31).contains(number.value)
            else { return nil }
            return Int(number.value)
        }
        func year(_ at: Int) -> Int? {
            guard at < tokens.count, let number = tokens[at].number, number.suffix == nil,
                (1800...2100).contains(number.value)
            else { return nil }
            return Int(number.value)
        }
        var first = index, last = index
        let dayValue: Int
        if let before = day(index - 1) {
            dayValue = before
            first = index - 1
            if let explicit = year(index + 1) {
                last = index + 1
                return finish(dayValue, month, explicit, first, last, published)
            }
        } else if let after = day(index + 1) {
            dayValue = after
            last = index + 1
            let yearIndex = index + 2 < tokens.count && tokens[index + 2].text == "," ? index + 3 : index + 2
            if let explicit = year(yearIndex) {
                last = yearIndex
                return finish(dayValue, month, explicit, first, last, published)
            }
        } else {
            return nil
        }
        return finish(dayValue, month, nil, first, last, published)
    }

    private static func finish(
        _ day: Int, _ month: Int, _ year: Int?, _ first: Int, _ last: Int, _ published: CivilDate?
    ) -> (first: Int, last: Int, resolved: String?) {
        if let year { return (first, last, CivilDate(year: year, month: month, day: day)?.iso) }
        guard let published else { return (first, last, nil) }
        var candidate = CivilDate(year: published.year, month: month, day: day)
        if let date = candidate, date > published {
            candidate = CivilDate(year: published.year - 1, month: month, day: day)
        }
        return (first, last, candidate?.iso)
    }
}
