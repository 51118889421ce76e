import Foundation

/// One sentence of a text: its text and where it lies.
///
/// `start` and `end` are offsets in Unicode scalars (code points) of the text that was split, `end`
/// exclusive: `Array(text.unicodeScalars)[start..<end]` is `text` — the same as Python's `text[start:end]`.
public struct Sentence: Sendable, Equatable, Hashable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Splits text into sentences in one linear pass.
///
/// A sentence ends at a line break, or at `.`, `!`, `?`, `…` (or a run of them) followed by closing
/// quotes or brackets, then whitespace, then something that can open a sentence (not a lower-case
/// letter, comma or the like). A full stop does not end a sentence after the abbreviations in
/// `Abbreviations` (titles such as `Col.`, `No. 5`, `e.g.`, `U.S. Army`), after an initial (`J. Smith`),
/// inside a number (`3.5`, `$4.2m`) or inside an address (`example.org`, `a.b@example.org`). An ellipsis
/// ends a sentence only before a capital letter. Inside a quotation (“…” or "…"), sentence ends are held
/// back until the quotation closes: when the quotation closes with a comma or is followed by lower-case
/// text (`…,” he said.`), the quotation and its attribution are one sentence; otherwise the held-back
/// ends are kept. A quotation left open at a line break is split normally. Sentences holding no letter
/// or digit are dropped. A run of text longer than `maximumLength` without an end (hostile input, a table
/// flattened into one line) is cut at its last space before that length, so that no later step works on
/// one unbounded sentence.
public enum SentenceSplitter {
    /// The longest sentence, in Unicode scalars: about 300 words, ten times a long sentence of news prose.
    public static let maximumLength = 2_000

    public static func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        return ranges(in: scalars).map { range in
            Sentence(
                text: String(String.UnicodeScalarView(scalars[range])), start: range.lowerBound, end: range.upperBound)
        }
    }

    /// Sentence ranges (scalar offsets) in `scalars`.
    static func ranges(in scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var splitter = State(scalars: scalars)
        splitter.run()
        return splitter.ranges
    }

    private struct State {
        let scalars: [Unicode.Scalar]
        var ranges: [Range<Int>] = []
        var sentenceStart = 0
        var quoteOpen = false
        var heldBack: [Int] = []

        init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func run() {
            var index = 0
            let count = scalars.count
            while index < count {
                if index - sentenceStart >= SentenceSplitter.maximumLength {
                    cutLongSentence(before: index)
                    continue
                }
                let scalar = scalars[index]
                if scalar == "\n" {
                    releaseHeldBack()
                    endSentence(at: index)
                    sentenceStart = index + 1
                    quoteOpen = false
                    index += 1
                    continue
                }
                if isTerminal(scalar) {
                    index = terminal(at: index)
                    continue
                }
                if isDoubleQuote(scalar) {
                    if quoteOpen, closesQuote(at: index) {
                        quoteOpen = false
                        // Closed without final punctuation (`,”`, `” and …`): one sentence with what follows.
                        heldBack.removeAll()
                    } else if !quoteOpen, opensQuote(at: index) {
                        quoteOpen = true
                    }
                }
                index += 1
            }
            releaseHeldBack()
            endSentence(at: count)
        }

        /// Handles a run of terminal punctuation starting at `start`; returns the index to continue from.
        mutating func terminal(at start: Int) -> Int {
            var end = start
            while end < scalars.count, isTerminal(scalars[end]) { end += 1 }
            var after = end
            var closedQuote = false
            while after < scalars.count, isCloser(scalars[after]) {
                if isDoubleQuote(scalars[after]) { closedQuote = true }
                after += 1
            }
            let closesQuotation = quoteOpen && closedQuote
            let boundary = isBoundary(terminalRun: start..<end, after: after)
            if quoteOpen && !closedQuote {
                if boundary { heldBack.append(after) }
                return after
            }
            if closesQuotation { quoteOpen = false }
            if boundary {
                releaseHeldBack()
                endSentence(at: after)
                sentenceStart = after
            } else if closesQuotation {
                heldBack.removeAll()
            }
            return after
        }

        func isBoundary(terminalRun run: Range<Int>, after: Int) -> Bool {
            guard after < scalars.count else { return true }
            guard isSpace(scalars[after]) else { return false }
            var next = after
            while next < scalars.count, isSpace(scalars[next]), scalars[next] != "\n" { next += 1 }
            guard next < scalars.count, scalars[next] != "\n" else { return true }
            let first = scalars[next]
            if first.properties.isLowercase { return false }
            if ",;:)]}".unicodeScalars.contains(first) { return false }
            let isEllipsis = run.count > 1 && scalars[run].allSatisfy({ $0 == "." }) || scalars[run].contains("…")
            let nextWord = word(startingAt: next)
            if isEllipsis { return first.properties.isUppercase || isOpeningQuote(first) && nextWord != nil }
            guard run.count == 1, scalars[run.lowerBound] == "." else { return true }
            let before = word(endingAt: run.lowerBound)
            guard !before.isEmpty else { return true }
            if before.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) { return true }
            let nextIsNumber = ("0"..."9").contains(first) || first == "$" || first == "£" || first == "€"
            return !Abbreviations.suppressesBoundary(word: before, next: nextWord, nextIsNumber: nextIsNumber)
        }

        /// The letters and inner dots just before `end` (at most 32 scalars).
        func word(endingAt end: Int) -> String {
            var start = end
            while start > 0, end - start < 32 {
                let scalar = scalars[start - 1]
                guard scalar.properties.isAlphabetic || scalar == "." || ("0"..."9").contains(scalar) else { break }
                start -= 1
            }
            var word = String(String.UnicodeScalarView(scalars[start..<end]))
            while word.hasPrefix(".") { word.removeFirst() }
            return word
        }

        /// The letters starting at `start`, after any opening quotes (at most 32 scalars), or nil.
        func word(startingAt start: Int) -> String? {
            var index = start
            while index < scalars.count, index - start < 4, isOpeningQuote(scalars[index]) || scalars[index] == "(" {
                index += 1
            }
            var end = index
            while end < scalars.count, end - index < 32, scalars[end].properties.isAlphabetic { end += 1 }
            return end > index ? String(String.UnicodeScalarView(scalars[index..<end])) : nil
        }

        /// Ends the sentence at the last space before `index` (at `index` when there is none), dropping held-back
        /// ends and any open quotation: a sentence this long has lost its structure anyway.
        mutating func cutLongSentence(before index: Int) {
            releaseHeldBack()
            guard index - sentenceStart >= SentenceSplitter.maximumLength else { return }
            var cut = index
            while cut > sentenceStart + 1, !isSpace(scalars[cut - 1]) { cut -= 1 }
            if cut <= sentenceStart + 1 { cut = index }
            endSentence(at: cut)
            sentenceStart = cut
            quoteOpen = false
        }

        mutating func releaseHeldBack() {
            for end in heldBack where end > sentenceStart {
                endSentence(at: end)
                sentenceStart = end
            }
            heldBack.removeAll()
        }

        mutating func endSentence(at end: Int) {
            var start = sentenceStart
            var stop = min(end, scalars.count)
            while start < stop, isSpace(scalars[start]) { start += 1 }
            while stop > start, isSpace(scalars[stop - 1]) { stop -= 1 }
            guard start < stop else { return }
            if scalars[start..<stop].contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            {
                ranges.append(start..<stop)
            }
        }

        func opensQuote(at index: Int) -> Bool {
            let scalar = scalars[index]
            if scalar == "“" || scalar == "«" || scalar == "„" { return true }
            guard scalar == "\"" else { return false }
            let before: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
            return before.map { isSpace($0) || "([{—–-".unicodeScalars.contains($0) } ?? true
        }

        func closesQuote(at index: Int) -> Bool {
            let scalar = scalars[index]
            return scalar == "”" || scalar == "»" || scalar == "\""
        }

        func isTerminal(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" || scalar == "‽"
        }

        func isDoubleQuote(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\"" || scalar == "“" || scalar == "”" || scalar == "«" || scalar == "»" || scalar == "„"
        }

        func isOpeningQuote(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\"" || scalar == "“" || scalar == "‘" || scalar == "'" || scalar == "«" || scalar == "„"
        }

        func isCloser(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\"" || scalar == "”" || scalar == "’" || scalar == "'" || scalar == "»" || scalar == ")"
                || scalar == "]" || scalar == "}"
        }

        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{A0}" || scalar == "\u{0C}"
                || scalar == "\u{2009}" || scalar == "\u{202F}"
        }
    }
}
