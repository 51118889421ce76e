import Foundation

/// The YAML front matter of a Markdown file, read as the small subset articles use.
///
/// Supported: `key: value` lines with plain, `"double"` (with `\"`, `\\`, `\n`, `\t`, `\uXXXX` escapes)
/// or `'single'` (with `''`) quoted scalars, trailing ` # comments`, inline lists `[a, "b"]`, block lists
/// (`- item` lines under an empty key), block scalars (`|` and `>`), and one level of nesting, which is
/// flattened to `parent.child` keys (`author:` / `  name: X` gives `author.name`). Keys are lower-cased.
/// Anything else (anchors, tags, flow maps) is kept as plain text or skipped; nothing is evaluated.
struct FrontMatter: Sendable, Equatable {
    var values: [String: [String]] = [:]

    func first(_ keys: String...) -> String? {
        for key in keys { if let value = values[key]?.first?.nonBlank { return value } }
        return nil
    }

    func all(_ keys: String...) -> [String] {
        for key in keys { if let list = values[key], !list.isEmpty { return list.compactMap(\.nonBlank) } }
        return []
    }

    /// Splits `text` into front matter and the Markdown after it, or returns nil when `text` does not
    /// open with a `---` line closed by a later `---` or `...` line.
    static func split(_ text: String) -> (FrontMatter, Substring)? {
        guard text.hasPrefix("---") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let opening = lines.first, opening.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        var closing: Int? = nil
        for (offset, line) in lines.enumerated().dropFirst() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed == "---" || trimmed == "..." {
                closing = offset
                break
            }
        }
        guard let closing else { return nil }
        let matter = parse(Array(lines[1..<closing]))
        let rest: Substring = closing + 1 < lines.count ? text[lines[closing + 1].startIndex...] : ""
        return (matter, rest)
    }

    static func parse(_ lines: [Substring]) -> FrontMatter {
        var matter = FrontMatter()
        var parent: String? = nil  // key whose value is on the following indented lines
        var blockScalar: (key: String, folded: Bool, lines: [String])? = nil
        func finishBlock() {
            if let block = blockScalar {
                let joined = block.lines.joined(separator: block.folded ? " " : "\n")
                matter.values[block.key] = [joined.trimmingCharacters(in: .whitespacesAndNewlines)]
                blockScalar = nil
            }
        }
        for raw in lines {
            let indent = raw.prefix { $0 == " " || $0 == "\t" }.count
            let line = raw.trimmingCharacters(in: .whitespaces)
            if blockScalar != nil {
                if indent > 0 || line.isEmpty {
                    blockScalar?.lines.append(line)
                    continue
                }
                finishBlock()
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("- ") || line == "-" {
                guard let key = parent else { continue }
                let item = scalar(String(line.dropFirst(1)))
                if !item.isEmpty { matter.values[key, default: []].append(item) }
                continue
            }
            guard let colon = keyColon(in: line) else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let valueText = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            let fullKey = indent > 0 && parent != nil ? "\(parent ?? "").\(key)" : key
            if indent == 0 { parent = nil }
            if valueText.isEmpty {
                if indent == 0 { parent = key }
                continue
            }
            if valueText == "|" || valueText == ">" || valueText.hasPrefix("|-") || valueText.hasPrefix(">-") {
                blockScalar = (fullKey, valueText.hasPrefix(">"), [])
                continue
            }
            if valueText.hasPrefix("["), valueText.hasSuffix("]") {
                matter.values[fullKey] = splitFlowList(String(valueText.dropFirst().dropLast())).map(scalar)
                continue
            }
            matter.values[fullKey] = [scalar(valueText)]
        }
        finishBlock()
        return matter
    }

    /// The colon that ends a key: the first `:` followed by a space or the end of the line.
    private static func keyColon(in line: String) -> String.Index? {
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] == ":" {
                let next = line.index(after: index)
                if next == line.endIndex || line[next] == " " || line[next] == "\t" { return index }
            }
            if line[index] == "\"" || line[index] == "'" { return nil }
            index = line.index(after: index)
        }
        return nil
    }

    /// Items of a flow list, split on commas outside quotes.
    private static func splitFlowList(_ text: String) -> [String] {
        var items: [String] = [], current = "", quote: Character? = nil
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
                current.append(character)
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "," {
                items.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current)
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A scalar's value: quotes removed and escapes resolved, or a plain scalar without its comment.
    static func scalar(_ raw: String) -> String {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("\""), let end = closingQuote(in: text, quote: "\"") { return unescapeDouble(text, end: end) }
        if text.hasPrefix("'"), let end = closingQuote(in: text, quote: "'") {
            let inner = text[text.index(after: text.startIndex)..<end]
            return inner.replacingOccurrences(of: "''", with: "'")
        }
        if let comment = text.range(of: " #") {
            return String(text[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        return text
    }

    private static func closingQuote(in text: String, quote: Character) -> String.Index? {
        var index = text.index(after: text.startIndex)
        while index < text.endIndex {
            let character = text[index]
            if quote == "\"" && character == "\\" {
                index = text.index(after: index)
                if index < text.endIndex { index = text.index(after: index) }
                continue
            }
            if character == quote {
                let next = text.index(after: index)
                if quote == "'" && next < text.endIndex && text[next] == "'" {
                    index = text.index(after: next)
                    continue
                }
                return index
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func unescapeDouble(_ text: String, end: String.Index) -> String {
        var out = String.UnicodeScalarView()
        let scalars = Array(text[text.index(after: text.startIndex)..<end].unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "\\", index < scalars.count else {
                out.append(scalar)
                continue
            }
            let escape = scalars[index]
            index += 1
            switch escape {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "u" where index + 4 <= scalars.count:
                let hex = String(String.UnicodeScalarView(scalars[index..<(index + 4)]))
                if let value = UInt32(hex, radix: 16), let decoded = Unicode.Scalar(value) {
                    out.append(decoded)
                    index += 4
                } else {
                    out.append(escape)
                }
            default: out.append(escape)
            }
        }
        return String(out)
    }
}
