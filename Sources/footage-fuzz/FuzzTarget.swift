import FootageArticles
import FootageCatalog
import FootageCore
import FootageKit
import FootageMedia
import FootageWorkers
import Foundation

/// The text parsers that read what an adversary can write — articles, sidecars, metadata tags, times typed on
/// the command line — as entry points for libFuzzer and for replaying a corpus. Each takes arbitrary bytes, must
/// never crash, hang or leak, and checks the promises its parser makes (spans that slice their text, values in
/// range), so that the fuzzer finds wrong answers as well as crashes.
enum FuzzTarget: String, CaseIterable, Sendable {
    case articleMarkdown = "article-markdown"
    case articleText = "article-text"
    case articleHTML = "article-html"
    case articleJSONLD = "article-jsonld"
    case claims
    case iso6709
    case time
    case metadata
    case sidecar
    case workerAnswer = "worker-answer"

    /// What each target reads, for `footage-fuzz` without arguments.
    var summary: String {
        switch self {
        case .articleMarkdown: "article import of a .md file (front matter), then claim extraction"
        case .articleText: "article import of a .txt file, then claim extraction"
        case .articleHTML: "article import of an .html file, then claim extraction"
        case .articleJSONLD: "article import of a .json file (schema.org NewsArticle), then claim extraction"
        case .claims: "sentence splitting and claim extraction; the first line is the publication date"
        case .iso6709: "ISO 6709 locations as cameras write them"
        case .time: "times given on the command line (seconds, MM:SS, HH:MM:SS) and back"
        case .metadata: "container tags (key=value lines; after a blank line, a stream's) to normalised metadata"
        case .sidecar: "yt-dlp .info.json sidecars into an acquisition record"
        case .workerAnswer: "a media worker's answer in the binary message form (a hostile file may have written it)"
        }
    }

    /// Runs one input; a broken promise stops the process with the reason.
    func run(_ data: Data) {
        switch self {
        case .articleMarkdown: Self.importArticle(data, fileName: "article.md")
        case .articleText: Self.importArticle(data, fileName: "article.txt")
        case .articleHTML: Self.importArticle(data, fileName: "article.html")
        case .articleJSONLD: Self.importArticle(data, fileName: "article.json")
        case .claims: Self.claims(Self.text(data))
        case .iso6709: Self.location(Self.text(data))
        case .time: Self.time(Self.text(data))
        case .metadata: Self.metadata(Self.text(data))
        case .sidecar: Self.sidecar(data)
        case .workerAnswer:
            Invariant.check(
                WorkerAnswerCheck.readsBackTheSame([UInt8](data)) != false, "an answer that reads, reads back the same")
        }
    }

    /// Fuzzed bytes as the parsers of strings see them: decoded as UTF-8, invalid sequences replaced.
    private static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    private static func importArticle(_ data: Data, fileName: String) {
        guard let article = try? ArticleImporter.parse(data: data, fileName: fileName) else { return }
        Invariant.check(!article.body.isEmpty, "an imported article has a body")
        Invariant.check(article.sha256.count == 64, "the article's SHA-256 is 64 hex digits")
        let claims = ClaimExtractor.extract(
            from: article.body, headline: article.headline,
            published: article.published)
        Invariant.spans(claims.map { ($0.text, $0.start, $0.end) }, of: article.body, "claim")
    }

    private static func claims(_ text: String) {
        let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        let body = lines.count > 1 ? String(lines[1]) : text
        Invariant.spans(SentenceSplitter.split(body).map { ($0.text, $0.start, $0.end) }, of: body, "sentence")
        let published = lines.count > 1 ? String(lines[0]) : nil
        let claims = ClaimExtractor.extract(from: body, headline: nil, published: published)
        Invariant.spans(claims.map { ($0.text, $0.start, $0.end) }, of: body, "claim")
        Invariant.check(claims.allSatisfy { !$0.kinds.isEmpty }, "every claim has a kind")
    }

    private static func location(_ text: String) {
        guard let point = ISO6709(text) else { return }
        Invariant.location(point.latitude, point.longitude, point.altitude, text)
    }

    private static func time(_ text: String) {
        guard let seconds = TimeText.seconds(text) else { return }
        Invariant.check(seconds.isFinite && seconds >= 0, "a parsed time is finite and not negative: \(text)")
        let shown = TimeText.format(seconds)
        Invariant.check(TimeText.seconds(shown) == seconds, "\(text) is shown as \(shown), which reads back the same")
    }

    private static func metadata(_ text: String) {
        let parts = text.components(separatedBy: "\n\n")
        var stream = StreamInfo(index: 0)
        stream.codecType = "video"
        stream.tags = parts.count > 1 ? tags(parts[1]) : nil
        let format = FormatInfo(
            filename: "fuzz", nbStreams: 1, nbPrograms: 0, formatName: "mov",
            formatLongName: nil, startTime: 0, duration: 10, size: nil, bitRate: nil,
            probeScore: 100, tags: tags(parts[0]))
        let normalized = MetadataNormalizer.normalize(format: format, streams: [stream])
        if let location = normalized.location {
            Invariant.location(location.latitude, location.longitude, location.altitude, location.raw)
        }
        if let time = normalized.creationTime {
            Invariant.check(Invariant.isUTCTimestamp(time), "creation time \(time) is UTC ISO 8601")
        }
    }

    /// `key=value` lines; the last of a repeated key wins, as in a container's dictionary.
    private static func tags(_ text: String) -> [String: String] {
        var tags: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let pair = line.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            tags[String(pair[0])] = pair.count > 1 ? String(pair[1]) : ""
        }
        return tags
    }

    private static func sidecar(_ data: Data) {
        guard let sidecar = try? YtDlpSidecar.parse(data, path: "fuzz.info.json") else { return }
        var record = NewAcquisition()
        sidecar.fill(&record)
        Invariant.check(record.sidecarSha256?.count == 64, "the sidecar's SHA-256 is kept")
        Invariant.check(record.sidecarJson == data, "the sidecar is kept byte for byte")
        // SQLite text ends at U+0000: a field holding one would be stored shorter than the ledger records it.
        for case .string(let field) in record.ledgerFields.values {
            Invariant.check(!field.unicodeScalars.contains("\u{0}"), "no sidecar field holds U+0000")
        }
        for time in [sidecar.uploadTime, sidecar.retrievedAt].compactMap({ $0 }) {
            Invariant.check(
                Invariant.isUTCTimestamp(time) || Invariant.isDate(time),
                "sidecar time \(time) is ISO 8601")
        }
    }
}
