import FootageCore
import Foundation

/// Reads a schema.org article (`NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`, …) from
/// JSON-LD: a single object, an array of objects, or an object with an `@graph` array.
///
/// The JSON is checked for nesting deeper than `maximumNesting` and for more than `maximumValues` values before it
/// is parsed, and the search for the article visits at most `maximumNodes` values breadth-first, so hostile files
/// cost linear time and bounded memory (`JSONSerialization` builds an object per value: 5 MiB of `{},` took 360 MB).
/// Properties read: `headline` (else `name`), `description`, `articleBody`, `url` (else an `http` `@id`
/// or `mainEntityOfPage`), `datePublished` (else `dateCreated`), `author` (a string, an object with
/// `name`, or an array of either) and `publisher.name`. See https://schema.org/NewsArticle
enum JSONLDArticleReader {
    struct Failure: Error, Sendable, Equatable {
        var detail: String
    }

    static let maximumNesting = 64
    static let maximumNodes = 10_000
    /// An article's JSON-LD holds a few hundred values; a page's whole graph a few thousand.
    static let maximumValues = 100_000

    static func read(_ data: Data) throws(Failure) -> ArticleFields {
        if let problem = shapeProblem(data) { throw Failure(detail: problem) }
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw Failure(detail: "not valid JSON")
        }
        guard let article = findArticle(in: root) else {
            throw Failure(detail: "no object with an Article @type (such as NewsArticle) found")
        }
        return fields(of: article)
    }

    /// True when `data` is JSON: too deeply nested or too large to parse safely (such a file is refused later as
    /// malformed JSON-LD), or parsed by `JSONSerialization`.
    static func looksLikeJSON(_ data: Data) -> Bool {
        if shapeProblem(data) != nil { return true }
        return (try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])) != nil
    }

    /// Why `data` is too deeply nested or holds too many values to parse (`JSONShape`), nil when neither.
    private static func shapeProblem(_ data: Data) -> String? {
        let shape = data.withUnsafeBytes {
            JSONShape.of($0, maximumDepth: maximumNesting, maximumValues: maximumValues)
        }
        if shape.depth > maximumNesting { return "JSON nested deeper than \(maximumNesting) levels" }
        if shape.values > maximumValues { return "JSON with more than \(maximumValues) values" }
        return nil
    }

    private static func findArticle(in root: Any) -> [String: Any]? {
        var queue: [Any] = [root]
        var head = 0
        var fallback: [String: Any]? = nil
        while head < queue.count, head < maximumNodes {
            let node = queue[head]
            head += 1
            if let array = node as? [Any] {
                queue.append(contentsOf: array.prefix(maximumNodes))
            } else if let object = node as? [String: Any] {
                if isArticle(object) {
                    if object["articleBody"] is String { return object }
                    if fallback == nil { fallback = object }
                }
                for key in ["@graph", "mainEntity", "itemListElement"] {
                    if let value = object[key] { queue.append(value) }
                }
            }
        }
        return fallback
    }

    static func isArticle(_ object: [String: Any]) -> Bool {
        let types: [String]
        if let single = object["@type"] as? String {
            types = [single]
        } else {
            types = (object["@type"] as? [Any])?.compactMap { $0 as? String } ?? []
        }
        return types.contains { type in
            let local =
                type.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last.map(String.init) ?? type
            return local.hasSuffix("Article") || local == "BlogPosting" || local == "LiveBlogPosting"
                || local == "Report"
        }
    }

    private static func fields(of object: [String: Any]) -> ArticleFields {
        var fields = ArticleFields()
        fields.headline =
            (string(object["headline"]) ?? string(object["name"]) ?? string(object["alternativeHeadline"]))?.nonBlank
        fields.standfirst = string(object["description"])?.nonBlank
        fields.url =
            string(object["url"])?.nonBlank
            ?? string(object["@id"]).flatMap { $0.hasPrefix("http") ? $0 : nil }
            ?? string(object["mainEntityOfPage"]).flatMap { $0.hasPrefix("http") ? $0 : nil }
            ?? (object["mainEntityOfPage"] as? [String: Any]).flatMap { string($0["@id"]) }
        fields.published = (string(object["datePublished"]) ?? string(object["dateCreated"]))?.nonBlank
        fields.authors = names(object["author"])
        fields.outlet = names(object["publisher"]).first ?? names(object["sourceOrganization"]).first
        if let body = string(object["articleBody"]) { fields.body = plainBody(body) }
        return fields
    }

    /// A string, or the first string of an array.
    private static func string(_ value: Any?) -> String? {
        if let text = value as? String { return text }
        if let array = value as? [Any] { return array.lazy.compactMap { $0 as? String }.first }
        return nil
    }

    /// Names from a string, an object with `name`, or an array of those (at most 20).
    private static func names(_ value: Any?) -> [String] {
        let items: [Any] = (value as? [Any]).map { Array($0.prefix(20)) } ?? (value.map { [$0] } ?? [])
        return items.compactMap { item -> String? in
            if let text = item as? String { return text.nonBlank }
            if let object = item as? [String: Any] { return string(object["name"])?.nonBlank }
            return nil
        }
    }

    /// `articleBody` as plain text: HTML markup (some publishers put it there) is read as HTML.
    private static func plainBody(_ body: String) -> String {
        let lowered = body.prefix(4096).lowercased()
        if lowered.contains("</p>") || lowered.contains("<p>") || lowered.contains("<br") {
            return HTMLArticleReader.read(body, readsJSONLD: false).body
        }
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        return PlainTextArticle.body(of: Array(lines))
    }
}
