import FootageCore

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
    var utcDate: CivilDate { CivilDate(dayNumber: Int((secondsSinceEpoch / 86_400).rounded(.down))) }

    /// ISO 8601 in UTC: `2017-06-21T14:05:09Z`, with milliseconds only when they are not zero.
    var iso8601: String {
        let whole = secondsSinceEpoch.rounded(.down)
        let days = Int((whole / 86_400).rounded(.down))
        let secondOfDay = Int(whole) - days * 86_400
        let millis = Int(((secondsSinceEpoch - whole) * 1000).rounded())
        var text =
            "\(CivilDate(dayNumber: days).iso)T\((secondOfDay / 3600).zeroPadded(2)):"
            + "\((secondOfDay / 60 % 60).zeroPadded(2)):\((secondOfDay % 60).zeroPadded(2))"
        if millis > 0 && millis < 1000 { text += "." + millis.zeroPadded(3) }
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
            text[16] == UInt8(ascii: ":"), let second = number(17, 2)
        else { return nil }
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second <= 60
        else { return nil }
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
        let days = CivilDate.dayNumber(year: year, month: month, day: day)
        let local = Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction
        secondsSinceEpoch = local - Double(offsetSeconds)
        self.hadZone = hadZone
    }

    /// True for the dates that mean "never set": the QuickTime zero date 1904-01-01 and the Unix epoch
    /// 1970-01-01 (any time that day, since devices shift them by their time zone).
    var unsetEpochName: String? {
        let (y, m, d) = (utcDate.year, utcDate.month, utcDate.day)
        if y == 1904 && m == 1 && d == 1 { return "the QuickTime zero date (1904-01-01)" }
        if (y == 1970 && m == 1 && d == 1) || (y == 1969 && m == 12 && d == 31) {
            return "the Unix epoch (1970-01-01)"
        }
        return nil
    }
}
