/// A date-time read from a metadata tag, normalised to UTC.
///
/// Reads the forms found in media tags: `2017-06-21T14:05:09.000000Z` (FFmpeg's creation_time),
/// `2023-05-02T09:41:07+0300` (Apple's creationdate), `+03:00` offsets, a space instead of `T`, EXIF's
/// `2017:06:21 14:05:09`. A time without a zone is read as UTC (`hadZone` says so). Date-only or
/// malformed strings yield nil.
struct MetadataTimestamp: Equatable {
    /// Seconds since 1970-01-01T00:00:00Z.
    let secondsSinceEpoch: Double
    let hadZone: Bool

    /// The civil date in UTC (year, month, day).
    var utcDate: (year: Int, month: Int, day: Int) { Self.civil(fromDays: Int((secondsSinceEpoch / 86_400).rounded(.down))) }

    /// ISO 8601 in UTC: `2017-06-21T14:05:09Z`, with milliseconds only when they are not zero.
    var iso8601: String {
        let whole = secondsSinceEpoch.rounded(.down)
        let days = Int((whole / 86_400).rounded(.down))
        let secondOfDay = Int(whole) - days * 86_400
        let (y, m, d) = Self.civil(fromDays: days)
        let millis = Int(((secondsSinceEpoch - whole) * 1000).rounded())
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):"
            + pad(secondOfDay % 60, 2)
        if millis > 0 && millis < 1000 { text += "." + pad(millis, 3) }
        return text + "Z"
    }

    init?(_ raw: String) {
        let text = Array(raw.trimmingSpaces().utf8)
        guard text.count >= 19, text.count <= 40 else { return nil }
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= text.count else { return nil }
            var value = 0
            for byte in text[from..<from + count] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        let dateSeparators: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: ":")]
        guard let year = number(0, 4), dateSeparators.contains(text[4]), let month = number(5, 2),
              text[7] == text[4], let day = number(8, 2),
              text[10] == UInt8(ascii: "T") || text[10] == UInt8(ascii: " "),
              let hour = number(11, 2), text[13] == UInt8(ascii: ":"), let minute = number(14, 2),
              text[16] == UInt8(ascii: ":"), let second = number(17, 2) else { return nil }
        guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
              hour < 24, minute < 60, second <= 60 else { return nil }
        var index = 19
        var fraction = 0.0
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < text.count, text[index] >= 0x30, text[index] <= 0x39 {
                fraction += Double(text[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        var hadZone = false
        if index < text.count {
            let zone = text[index]
            if zone == UInt8(ascii: "Z") && index + 1 == text.count {
                hadZone = true
            } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
                guard let hours = number(index + 1, 2) else { return nil }
                var minutes = 0
                let rest = text.count - (index + 3)
                if rest == 3, text[index + 3] == UInt8(ascii: ":"), let m = number(index + 4, 2) {
                    minutes = m
                } else if rest == 2, let m = number(index + 3, 2) {
                    minutes = m
                } else if rest != 0 {
                    return nil
                }
                guard hours <= 14, minutes < 60 else { return nil }
                offsetSeconds = (hours * 3600 + minutes * 60) * (zone == UInt8(ascii: "-") ? -1 : 1)
                hadZone = true
            } else {
                return nil
            }
        }
        let days = Self.days(fromCivil: year, month, day)
        let local = Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
        secondsSinceEpoch = local - Double(offsetSeconds)
        self.hadZone = hadZone
    }

    /// True for the dates that mean "never set": the QuickTime zero date 1904-01-01 and the Unix epoch
    /// 1970-01-01 (any time that day, since devices shift them by their time zone).
    var unsetEpochName: String? {
        let (y, m, d) = utcDate
        if y == 1904 && m == 1 && d == 1 { return "the QuickTime zero date (1904-01-01)" }
        if (y == 1970 && m == 1 && d == 1) || (y == 1969 && m == 12 && d == 31) {
            return "the Unix epoch (1970-01-01)"
        }
        return nil
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func days(fromCivil year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
