import Foundation

/// Reduces Markdown inline markup to the text a reader sees.
///
/// `[text](url)` and `[text][ref]` keep their text; images `![alt](url)` are dropped; emphasis and
/// strike-through markers are removed (an `_` inside a word is kept); code spans keep their content;
/// backslash escapes are resolved; HTML tags and comments are dropped; `<https://…>` autolinks keep the
/// address; character references are decoded. Brackets and parentheses are paired in one pass up front;
/// lookahead for a closing backtick run or `>` is bounded (`maximumLookahead`), so the work is linear.
enum MarkdownInline {
    static let maximumLookahead = 2048

    static func plainText(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        let pairs = Pairs(scalars)
        var skipAfter: [Int: Int] = [:]  // index of a link's `]` → index just past its destination
        var searchedForCloser: [Int: Int] = [:]  // run length → index up to which no closing run of it exists
        var index = 0
        while index < scalars.count {
            if let resume = skipAfter.removeValue(forKey: index) {
                index = resume
                continue
            }
            let scalar = scalars[index]
            switch scalar {
            case "\\" where index + 1 < scalars.count && isASCIIPunctuation(scalars[index + 1]):
                out.append(scalars[index + 1])
                index += 2
            case "`":
                let run = runLength(scalars, at: index)
                if let close = closingBackticks(scalars, from: index + run, length: run, searched: &searchedForCloser) {
                    append(scalars[(index + run)..<close], to: &out)
                    index = close + run
                } else {
                    append(scalars[index..<(index + run)], to: &out)
                    index += run
                }
            case "!" where index + 1 < scalars.count && scalars[index + 1] == "[":
                if let link = link(scalars, openingAt: index + 1, pairs: pairs) {
                    index = link.end
                } else {
                    out.append(scalar)
                    index += 1
                }
            case "[":
                if let link = link(scalars, openingAt: index, pairs: pairs) {
                    skipAfter[link.closeBracket] = link.end
                } else {
                    out.append(scalar)
                }
                index += 1
            case "<":
                index = tag(scalars, at: index, into: &out)
            case "*", "_", "~":
                let run = runLength(scalars, at: index)
                let before: Unicode.Scalar? = index > 0 ? scalars[index - 1] : nil
                let after: Unicode.Scalar? = index + run < scalars.count ? scalars[index + run] : nil
                if isDelimiter(scalar, run: run, before: before, after: after) {
                    index += run
                } else {
                    append(scalars[index..<(index + run)], to: &out)
                    index += run
                }
            default:
                out.append(scalar)
                index += 1
            }
        }
        return HTMLEntities.decode(String(out)).collapsingWhitespace
    }

    /// Appends one scalar at a time: `UnicodeScalarView.append(contentsOf:)` copies the whole view on every call
    /// (quadratic: 5 MiB of code spans took 85 s), while appending a scalar grows it in amortised constant time.
    private static func append(_ scalars: some Sequence<Unicode.Scalar>, to out: inout String.UnicodeScalarView) {
        for scalar in scalars { out.append(scalar) }
    }

    private static func isDelimiter(_ mark: Unicode.Scalar, run: Int, before: Unicode.Scalar?, after: Unicode.Scalar?)
        -> Bool
    {
        let spaceBefore = before.map { $0.properties.isWhitespace } ?? true
        let spaceAfter = after.map { $0.properties.isWhitespace } ?? true
        if spaceBefore && spaceAfter { return false }
        switch mark {
        case "_":
            let wordBefore = before.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? false
            let wordAfter = after.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) } ?? false
            return !(wordBefore && wordAfter)
        case "~": return run >= 2
        default: return true
        }
    }

    private static func runLength(_ scalars: [Unicode.Scalar], at start: Int) -> Int {
        var end = start
        while end < scalars.count, scalars[end] == scalars[start] { end += 1 }
        return end - start
    }

    /// The next run of exactly `length` backticks, within `maximumLookahead` of `start`. A search that failed is
    /// remembered (`searched`: how far no such run exists), so the next search for the same length resumes there:
    /// 5 MiB of lone backticks took minutes when every one looked 2,048 scalars ahead again.
    private static func closingBackticks(
        _ scalars: [Unicode.Scalar], from start: Int, length: Int,
        searched: inout [Int: Int]
    ) -> Int? {
        var index = max(start, searched[length] ?? 0)
        let limit = min(scalars.count, start + maximumLookahead)
        while index < limit {
            if scalars[index] == "`" {
                let run = runLength(scalars, at: index)
                if run == length { return index }
                index += run
            } else {
                index += 1
            }
        }
        searched[length] = index
        return nil
    }

    /// Matching `[`…`]` and `(`…`)` pairs, found in one pass with stacks (backslash escapes respected).
    ///
    /// At most `maximumPairs` of each are kept (later brackets stay as text): a paragraph of an article has a few
    /// links, and a hostile one with hundreds of thousands would otherwise take tens of megabytes here.
    struct Pairs {
        static let maximumPairs = 4_096
        var brackets: [Int: Int] = [:]
        var parentheses: [Int: Int] = [:]

        init(_ scalars: [Unicode.Scalar]) {
            var openBrackets: [Int] = [], openParentheses: [Int] = []
            var index = 0
            while index < scalars.count, brackets.count < Self.maximumPairs, parentheses.count < Self.maximumPairs {
                switch scalars[index] {
                case "\\": index += 1
                case "[" where openBrackets.count < Self.maximumPairs: openBrackets.append(index)
                case "]": if let open = openBrackets.popLast() { brackets[open] = index }
                case "(" where openParentheses.count < Self.maximumPairs: openParentheses.append(index)
                case ")": if let open = openParentheses.popLast() { parentheses[open] = index }
                default: break
                }
                index += 1
            }
        }
    }

    /// A link or image whose text opens at `open`: where its text closes and where the whole ends.
    private static func link(_ scalars: [Unicode.Scalar], openingAt open: Int, pairs: Pairs) -> (
        closeBracket: Int, end: Int
    )? {
        guard let close = pairs.brackets[open], close + 1 < scalars.count else { return nil }
        let opener = close + 1
        if scalars[opener] == "(", let end = pairs.parentheses[opener] { return (close, end + 1) }
        if scalars[opener] == "[", let end = pairs.brackets[opener] { return (close, end + 1) }
        return nil
    }

    /// Drops an HTML tag or comment at `start`, keeps an autolink's address, else keeps the `<`.
    private static func tag(_ scalars: [Unicode.Scalar], at start: Int, into out: inout String.UnicodeScalarView) -> Int
    {
        guard start + 1 < scalars.count else {
            out.append("<")
            return start + 1
        }
        let next = scalars[start + 1]
        guard HTMLTokenizer.isASCIILetter(next) || next == "/" || next == "!" else {
            out.append("<")
            return start + 1
        }
        let limit = min(scalars.count, start + maximumLookahead)
        var index = start + 1
        while index < limit, scalars[index] != ">", scalars[index] != "<" { index += 1 }
        guard index < limit, scalars[index] == ">" else {
            out.append("<")
            return start + 1
        }
        let inner = String(String.UnicodeScalarView(scalars[(start + 1)..<index]))
        if inner.hasPrefix("http://") || inner.hasPrefix("https://") || (inner.contains("@") && !inner.contains(" ")) {
            append(inner.unicodeScalars, to: &out)
        }
        return index + 1
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars.contains(scalar)
    }
}
