/// The short ids of articles, claims and links: a letter and the row id (`A3`, `C17`, `L5`), shown to people,
/// written as ledger subjects and accepted wherever ARTICLE, CLAIM or LINK is asked for (the bare number too).
public enum ShortID: String, CaseIterable, Sendable {
    case article = "A"
    case claim = "C"
    case link = "L"

    /// `A3` for article 3.
    public func text(_ id: Int64) -> String { rawValue + String(id) }

    /// The row id in `A3`, `a3` or `3`; nil for anything else.
    public func id(in text: String) -> Int64? {
        var rest = Substring(text)
        if let first = rest.first, first.uppercased() == rawValue { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 18, rest.allSatisfy(\.isASCII), rest.allSatisfy(\.isNumber) else {
            return nil
        }
        return Int64(rest)
    }

    /// What it names, for messages: "article", "claim", "link".
    public var noun: String {
        switch self {
        case .article: "article"
        case .claim: "claim"
        case .link: "link"
        }
    }
}
