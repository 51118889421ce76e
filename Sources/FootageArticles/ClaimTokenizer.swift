import Foundation

/// A word, number or punctuation mark of one sentence, with its scalar offsets in that sentence.
struct ClaimToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, number, punctuation }

    /// What a number token says, read from its digits and what is glued to them.
    struct Number: Sendable, Equatable {
        var value: Double
        var currency: String?
        /// Letters or `%` glued to the digits (`m`, `bn`, `km`, `%`), lower-cased.
        var suffix: String?
        var hasSeparators: Bool
        var isOrdinal: Bool { ["st", "nd", "rd", "th"].contains(suffix ?? "") }
        var isTime = false
    }

    var kind: Kind
    var text: String
    var lower: String
    var start: Int
    var end: Int
    var number: Number? = nil

    var isCapitalized: Bool { kind == .word && (text.unicodeScalars.first?.properties.isUppercase ?? false) }
    var isAcronym: Bool {
        kind == .word && text.unicodeScalars.filter(\.properties.isAlphabetic).count >= 2
            && text.unicodeScalars.allSatisfy { !$0.properties.isLowercase }
    }
    func isWord(_ candidates: Set<String>) -> Bool { kind == .word && candidates.contains(lower) }
}

/// Splits a sentence into `ClaimToken`s in one pass. Words keep inner apostrophes and hyphens
/// (`coalition’s`, `single-lane`) and the dots of abbreviations (`Col.`, `U.S.`); numbers keep their
/// separators, a leading currency symbol and glued suffixes (`$4.2m`, `2,000`, `10km`, `5%`, `1st`).
enum ClaimTokenizer {
    static func tokens(_ scalars: [Unicode.Scalar]) -> [ClaimToken] {
        var tokens: [ClaimToken] = []
        var index = 0
        let count = scalars.count
        func slice(_ start: Int, _ end: Int) -> String { String(String.UnicodeScalarView(scalars[start..<end])) }
        func isLetter(_ at: Int) -> Bool { at < count && scalars[at].properties.isAlphabetic }
        func isDigit(_ at: Int) -> Bool { at < count && ("0"..."9").contains(scalars[at]) }

        while index < count {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                index += 1
                continue
            }
            let start = index
            if isDigit(index) || ("$£€".unicodeScalars.contains(scalar) && isDigit(index + 1)) {
                let currency: String? = isDigit(index) ? nil : String(scalar)
                if currency != nil { index += 1 }
                let digitsStart = index
                var separators = false
                var isTime = false
                while index < count {
                    if isDigit(index) {
                        index += 1
                        continue
                    }
                    if (scalars[index] == "," || scalars[index] == ".") && isDigit(index + 1) {
                        separators = true
                        index += 1
                        continue
                    }
                    if scalars[index] == ":" && isDigit(index + 1) && isDigit(index + 2) {
                        isTime = true
                        index += 1
                        continue
                    }
                    break
                }
                let digits = slice(digitsStart, index).replacingOccurrences(of: ",", with: "")
                let suffixStart = index
                while index < count, isLetter(index) || scalars[index] == "%", index - suffixStart < 8 { index += 1 }
                let suffix = index > suffixStart ? slice(suffixStart, index).lowercased() : nil
                var number = ClaimToken.Number(
                    value: Double(digits) ?? 0, currency: currency, suffix: suffix, hasSeparators: separators)
                number.isTime = isTime || digits.contains(":")
                let text = slice(start, index)
                tokens.append(
                    ClaimToken(
                        kind: .number, text: text, lower: text.lowercased(), start: start, end: index, number: number))
                continue
            }
            if scalar.properties.isAlphabetic {
                while index < count {
                    if isLetter(index) || isDigit(index) {
                        index += 1
                        continue
                    }
                    let mark = scalars[index]
                    if (mark == "'" || mark == "’" || mark == "-" || mark == "‑")
                        && (isLetter(index + 1) || isDigit(index + 1))
                    {
                        index += 1
                        continue
                    }
                    // Dotted initialisms: U.S., e.g., a.m.
                    if mark == ".", isLetter(index + 1), index + 2 <= count,
                        index + 2 == count || !isLetter(index + 2) || scalars[index + 2] == "."
                    {
                        index += 2
                        continue
                    }
                    break
                }
                var word = slice(start, index)
                if index < count, scalars[index] == "." {
                    let lower = word.lowercased()
                    if word.contains(".") || word.unicodeScalars.count == 1 || Abbreviations.neverFinal.contains(lower)
                        || Abbreviations.beforeNumber.contains(lower) || Abbreviations.ambiguous.contains(lower)
                    {
                        index += 1
                        word = slice(start, index)
                    }
                }
                tokens.append(ClaimToken(kind: .word, text: word, lower: word.lowercased(), start: start, end: index))
                continue
            }
            index += 1
            let text = slice(start, index)
            tokens.append(ClaimToken(kind: .punctuation, text: text, lower: text, start: start, end: index))
        }
        return tokens
    }
}
