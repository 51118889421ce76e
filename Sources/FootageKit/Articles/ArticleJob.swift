import FootageArticles
import FootageCatalog
import FootageCore
import Foundation

/// `footage article add`: reads an article file, splits it into claims and stores both, with ledger events.
public enum ArticleJob {
    /// Metadata given on the command line; each replaces what the file says.
    public struct Overrides: Sendable {
        public var url: String?
        public var outlet: String?
        public var published: String?
        public var author: String?
        public init() {}
    }

    public struct Result: Sendable {
        public var article: ArticleRecord
        public var claims: [ClaimRecord]
        /// False when the same bytes had been imported before (nothing was added).
        public var added: Bool
    }

    public static func add(file path: String, overrides: Overrides, catalog: Catalog, analyst: String) throws -> Result
    {
        let data = try readBounded(path)
        let fileName = (path as NSString).lastPathComponent
        var imported = try ArticleImporter.parse(data: data, fileName: fileName)
        if let url = overrides.url { imported.url = url }
        if let outlet = overrides.outlet { imported.outlet = outlet }
        if let published = overrides.published { imported.published = published }
        if let author = overrides.author { imported.author = author }
        let extracted = ClaimExtractor.extract(
            from: imported.body, headline: imported.headline,
            published: imported.published)
        guard extracted.count <= ClaimExtractor.maximumClaims else {
            throw ArticleError.tooManyClaims(fileName: fileName, limit: ClaimExtractor.maximumClaims)
        }
        var record = NewArticle(
            sha256: imported.sha256, format: imported.format.rawValue,
            headline: imported.headline, body: imported.body)
        record.standfirst = imported.standfirst
        record.url = imported.url
        record.outlet = imported.outlet
        record.published = imported.published ?? imported.publishedText
        record.author = imported.author
        record.sourcePath = URL(fileURLWithPath: path).standardizedFileURL.path
        let stored = try catalog.add(
            article: record, claims: extracted.map { claimRecord($0, origin: .extracted) },
            actor: analyst)
        return Result(article: stored.article, claims: stored.claims, added: stored.added)
    }

    /// A claim typed by the analyst: its kinds and details come from the same extractor, applied to its text alone.
    /// It keeps a span only when the text occurs verbatim in the article body.
    public static func addClaim(text: String, to article: ArticleRecord, catalog: Catalog, analyst: String) throws
        -> ClaimRecord
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw WorkflowError.emptyClaim }
        guard trimmed.unicodeScalars.count <= 4000 else { throw WorkflowError.claimTooLong(limit: 4000) }
        // The analyst's sentence is analysed as a one-sentence article; when the extractor finds it not
        // check-worthy (no kind), it is still the analyst's claim, with no kinds.
        let analysed = ClaimExtractor.extract(from: trimmed, published: article.published).first
        var claim =
            analysed.map { claimRecord($0, origin: .analyst) }
            ?? NewClaim(
                text: trimmed, start: nil, end: nil, kinds: [], attribution: nil, details: .object([:]),
                origin: .analyst)
        claim.text = trimmed
        if let range = article.body.range(of: trimmed) {
            claim.start = article.body.unicodeScalars.distance(
                from: article.body.unicodeScalars.startIndex, to: range.lowerBound)
            claim.end = claim.start! + trimmed.unicodeScalars.count
        } else {
            claim.start = nil
            claim.end = nil
        }
        return try catalog.add(claim: claim, toArticle: article.id, actor: analyst)
    }

    static func claimRecord(_ claim: ExtractedClaim, origin: ClaimOrigin) -> NewClaim {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var details: JSONValue = .object([:])
        if let data = try? encoder.encode(claim),
            case .object(var members)? = try? JSONValue(parsing: String(decoding: data, as: UTF8.self))
        {
            for key in ["text", "start", "end", "kinds", "attribution", "check_worthy"] { members[key] = nil }
            // The speaker's kind (`speaker_kind`: `person`, `organization`) is read by name by the ClaimReview export
            // (`itemReviewed.author`'s type); absent when unknown and in claims stored before it.
            details = .object(members)
        }
        return NewClaim(
            text: claim.text, start: claim.start, end: claim.end, kinds: claim.kinds.map(\.rawValue),
            attribution: claim.attribution, details: details, origin: origin)
    }

    /// Article files are read whole, so they are bounded first: the importer refuses more than its limit anyway, and
    /// reading a multi-gigabyte file into memory only to refuse it would be its own denial of service.
    static func readBounded(_ path: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else { throw IOError(path: path, failure: "cannot read", code: errno) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw WorkflowError.notARegularFile(path: path) }
        guard Int(info.st_size) <= ArticleImporter.maximumBytes else {
            throw WorkflowError.articleTooLarge(
                path: path, bytes: Int64(info.st_size), limit: ArticleImporter.maximumBytes)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw IOError(path: path, failure: "cannot read", underlying: error)
        }
    }
}
