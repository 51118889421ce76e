import FootageCore
import Foundation

/// Normalises a publication date as found in articles to ISO 8601.
///
/// Accepted: ISO 8601 dates and date-times (`2016-07-01`, `2016-07-01T14:03:22.5+0300`, a space for the
/// `T`), RFC 2822 style (`Fri, 01 Jul 2016 14:03:00 GMT`), and written dates with English month names
/// (`1 July 2016`, `July 1st, 2016 at 2:03 pm UTC`), also `2016/07/01`. Output is `YYYY-MM-DD`, or
/// `YYYY-MM-DDTHH:MM:SS` followed by `Z` or the offset given (never converted), or without a zone when the
/// source named none. Ambiguous numeric forms (`01/07/2016`) and unknown zone names are not guessed: the
/// result is nil and the importer keeps the raw text.
enum PublishedDate {
    static func normalise(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.unicodeScalars.count <= 100 else { return nil }
        if let date = CivilDate(isoPrefix: text) {
            let rest = text.dropFirst(10)
            if rest.isEmpty { return date.iso }
            guard rest.first == "T" || rest.first == " " else { return nil }
            let words = rest.dropFirst().split(separator: " ").map(String.init)
            return withTime(date, words: words[...])
        }
        var words = text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
            .map { $0.hasSuffix(".") && $0.count > 1 ? String($0.dropLast()) : String($0) }[...]
        if let first = words.first, CivilDate.weekdayNames[first] != nil { words = words.dropFirst() }
        guard words.count >= 1 else { return nil }
        var date: CivilDate? = nil
        if words.count >= 3, let day = dayNumber(words[words.startIndex]),
            let month = CivilDate.monthNames[words[words.startIndex + 1]], let year = Int(words[words.startIndex + 2])
        {
            date = CivilDate(year: year, month: month, day: day)
            words = words.dropFirst(3)
        } else if words.count >= 3, let month = CivilDate.monthNames[words[words.startIndex]],
            let day = dayNumber(words[words.startIndex + 1]), let year = Int(words[words.startIndex + 2])
        {
            date = CivilDate(year: year, month: month, day: day)
            words = words.dropFirst(3)
        } else if let slashed = slashedDate(words[words.startIndex]) {
            date = slashed
            words = words.dropFirst()
        }
        guard let date else { return nil }
        if let first = words.first, first == "at" || first == "-" || first == "|" { words = words.dropFirst() }
        return withTime(date, words: words)
    }

    /// `date` followed by an optional time and zone; nil when the words are not a time.
    private static func withTime(_ date: CivilDate, words: ArraySlice<String>) -> String? {
        var words = words
        guard let timeWord = words.first else { return date.iso }
        words = words.dropFirst()
        var clock = timeWord.uppercased()
        var zone: String? = nil
        // A zone glued to the time: 14:03:00Z, 14:03:00+03:00, 14:03:00-0500
        if let zoneStart = clock.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            guard let parsed = offset(String(clock[zoneStart...])) else { return nil }
            zone = parsed
            clock = String(clock[..<zoneStart])
        }
        var meridiem: String? = nil
        for suffix in ["AM", "PM"] where clock.hasSuffix(suffix) {
            meridiem = suffix
            clock = String(clock.dropLast(2))
        }
        if let next = words.first?.uppercased(), next == "AM" || next == "PM" || next == "A.M" || next == "P.M" {
            meridiem = String(next.prefix(1)) + "M"
            words = words.dropFirst()
        }
        let parts = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.count <= 3, var hour = Int(parts[0]), let minute = Int(parts[1]),
            (0...59).contains(minute)
        else { return nil }
        let secondText = parts.count == 3 ? parts[2].split(separator: ".").first.map(String.init) ?? "" : "0"
        guard let second = Int(secondText), (0...60).contains(second) else { return nil }
        if let meridiem {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == "PM" && hour < 12 { hour += 12 }
            if meridiem == "AM" && hour == 12 { hour = 0 }
        }
        guard (0...23).contains(hour) else { return nil }
        if zone == nil, let next = words.first {
            guard let parsed = offset(next.uppercased()) else { return nil }
            zone = parsed
            words = words.dropFirst()
        }
        return "\(date.iso)T\(hour.zeroPadded(2)):\(minute.zeroPadded(2)):\(second.zeroPadded(2))\(zone ?? "")"
    }

    /// `Z`, `UTC`, `GMT`, `+03:00`, `+0300`, `+03`, `-05:00` → `Z` or `±HH:MM`.
    private static func offset(_ text: String) -> String? {
        if ["Z", "UTC", "GMT", "UT"].contains(text) { return "Z" }
        guard let sign = text.first, sign == "+" || sign == "-" else { return nil }
        let digits = text.dropFirst().filter { $0 != ":" }
        guard digits.count == 2 || digits.count == 4, digits.allSatisfy(\.isASCII), let value = Int(digits) else {
            return nil
        }
        let hours = digits.count == 2 ? value : value / 100
        let minutes = digits.count == 2 ? 0 : value % 100
        guard hours <= 14, minutes < 60 else { return nil }
        return "\(sign)\(hours.zeroPadded(2)):\(minutes.zeroPadded(2))"
    }

    /// A day of the month, allowing `1st`, `2nd`, `3rd`, `4th`.
    private static func dayNumber(_ word: String) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = String(digits.dropLast(2)) }
        guard digits.count <= 2, let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    /// `2016/07/01` or `2016.07.01` (year first only, never ambiguous).
    private static func slashedDate(_ word: String) -> CivilDate? {
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "." })
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2])
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }
}
