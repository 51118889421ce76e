/// A point parsed from an ISO 6709 string, the form phones and cameras write into `location` tags.
///
/// Accepted: `±DD.DDDD±DDD.DDDD[±AAA.A][CRS…]/` and the degrees-minutes(-seconds) forms `±DDMM[.M]±DDDMM[.M]`,
/// `±DDMMSS[.S]±DDDMMSS[.S]`; the final `/` may be missing. Everything else — out-of-range values,
/// minutes or seconds ≥ 60, stray characters, absurd lengths — yields nil: the string came from an
/// untrusted file. See https://en.wikipedia.org/wiki/ISO_6709.
public struct ISO6709: Sendable, Hashable, Codable {
    /// Degrees, positive north.
    public let latitude: Double
    /// Degrees, positive east.
    public let longitude: Double
    /// Metres, if given.
    public let altitude: Double?

    public init?(_ text: String) {
        guard text.utf8.count <= 80 else { return nil }
        var body = Substring(text.trimmingSpaces())
        if body.hasSuffix("/") { body = body.dropLast() }
        if let crs = body.range(of: "CRS") { body = body[..<crs.lowerBound] }
        let parts = Self.signedNumbers(body)
        guard let parts, parts.count == 2 || parts.count == 3 else { return nil }
        guard let latitude = Self.angle(parts[0], degreeDigits: 2, limit: 90),
            let longitude = Self.angle(parts[1], degreeDigits: 3, limit: 180)
        else { return nil }
        var altitude: Double?
        if parts.count == 3 {
            guard let value = Double(parts[2].sign + parts[2].integer + (parts[2].fraction.map { "." + $0 } ?? "")),
                value.isFinite, abs(value) <= 100_000
            else { return nil }
            altitude = value
        }
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    public init(latitude: Double, longitude: Double, altitude: Double?) {
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
    }

    private struct SignedNumber {
        let sign: String
        let integer: String
        let fraction: String?
    }

    /// Splits "+27.5916+086.5640+8850" into signed decimal numbers; nil on any other character.
    private static func signedNumbers(_ text: Substring) -> [SignedNumber]? {
        var result: [SignedNumber] = []
        var index = text.startIndex
        while index < text.endIndex {
            let sign = text[index]
            guard sign == "+" || sign == "-" else { return nil }
            index = text.index(after: index)
            var integer = "", fraction: String?
            while index < text.endIndex, let c = text[index].asciiDigit {
                integer.append(c)
                index = text.index(after: index)
            }
            if index < text.endIndex, text[index] == "." {
                index = text.index(after: index)
                var digits = ""
                while index < text.endIndex, let c = text[index].asciiDigit {
                    digits.append(c)
                    index = text.index(after: index)
                }
                guard !digits.isEmpty else { return nil }
                fraction = digits
            }
            guard !integer.isEmpty, integer.count <= 9 else { return nil }
            result.append(SignedNumber(sign: String(sign), integer: integer, fraction: fraction))
            if result.count > 3 { return nil }
        }
        return result
    }

    /// Degrees from D(D)(D), DDMM or DDMMSS forms (`degreeDigits` is 2 for latitude, 3 for longitude).
    private static func angle(_ number: SignedNumber, degreeDigits: Int, limit: Double) -> Double? {
        let digits = number.integer
        let fraction = Double("0." + (number.fraction ?? "0")) ?? 0
        let value: Double
        switch digits.count {
        case 1...degreeDigits:
            guard let degrees = Double(digits) else { return nil }
            value = degrees + fraction
        case degreeDigits + 2:
            guard let degrees = Double(digits.prefix(degreeDigits)), let minutes = Double(digits.suffix(2)) else {
                return nil
            }
            guard minutes + fraction < 60 else { return nil }
            value = degrees + (minutes + fraction) / 60
        case degreeDigits + 4:
            let degreesText = digits.prefix(degreeDigits)
            let minutesText = digits.dropFirst(degreeDigits).prefix(2)
            guard let degrees = Double(degreesText), let minutes = Double(minutesText),
                let seconds = Double(digits.suffix(2)), minutes < 60, seconds + fraction < 60
            else { return nil }
            value = degrees + minutes / 60 + (seconds + fraction) / 3600
        default:
            return nil
        }
        guard value <= limit else { return nil }
        return number.sign == "-" ? -value : value
    }
}

private extension Character {
    var asciiDigit: Character? { ("0"..."9").contains(self) && isASCII ? self : nil }
}

extension String {
    func trimmingSpaces() -> String {
        String(
            drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed()
                .drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }.reversed())
    }
}
