import Foundation
import GRDB

/// One hit of `footage search`.
public struct SearchHit: Sendable, Equatable {
    /// `article`, `claim`, `tag`, `acquisition` or `link`.
    public var kind: String
    /// The short id or clip SHA-256 the hit belongs to.
    public var ref: String
    public var field: String
    /// The matching text with the hits between `[` and `]`.
    public var snippet: String
    /// FTS5's bm25 rank (lower is better).
    public var rank: Double
}

extension Catalog {
    /// Full-text search (SQLite FTS5, bm25 ranking). The query's words are searched as words, all of them
    /// required; a word ending in `*` is a prefix. FTS5 operators in the text are not interpreted, so any text
    /// is a valid query.
    public func search(_ query: String, limit: Int = 20) throws -> [SearchHit] {
        let expression = Catalog.ftsExpression(query)
        guard !expression.isEmpty else { return [] }
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, ref, field, snippet(search, 3, '[', ']', '…', 16) AS snippet, bm25(search) AS rank
                    FROM search WHERE search MATCH ? ORDER BY rank LIMIT ?
                    """, arguments: [expression, limit]
            ).map { row in
                SearchHit(
                    kind: row["kind"], ref: row["ref"], field: row["field"], snippet: row["snippet"],
                    rank: row["rank"])
            }
        }
    }

    /// Each word becomes a quoted FTS5 string (a trailing `*` kept as a prefix query).
    static func ftsExpression(_ query: String) -> String {
        query.split(whereSeparator: { $0.isWhitespace }).compactMap { word -> String? in
            var text = String(word)
            let prefix = text.hasSuffix("*")
            if prefix { text.removeLast() }
            text = text.replacingOccurrences(of: "\"", with: "\"\"")
            guard !text.isEmpty else { return nil }
            return "\"\(text)\"" + (prefix ? "*" : "")
        }.joined(separator: " ")
    }
}
