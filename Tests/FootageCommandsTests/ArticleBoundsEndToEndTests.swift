import FootageTestSupport
import Foundation
import Testing

/// Hostile articles of the largest size footage accepts (5 MiB), imported through the built binary: whatever their
/// shape, the import stays within its memory bound, and a text holding more claims than one article may is refused
/// whole.
@Suite(.serialized) struct ArticleBoundsEndToEndTests {
    /// What importing one article may take above the resting size of the same command (a tiny article).
    static let memoryBound = 64 * 1024 * 1024

    /// Shapes that once cost hundreds of megabytes or minutes: each is one unit repeated to fill 5 MiB.
    enum HostileArticle: String, CaseIterable, Sendable {
        case markdownLinks, markdownEmphasis, markdownBackticks, markdownUnclosedBrackets
        case htmlTags, htmlNesting, jsonValues

        var fileName: String {
            switch self {
            case .markdownLinks, .markdownEmphasis, .markdownBackticks, .markdownUnclosedBrackets: "\(rawValue).md"
            case .htmlTags, .htmlNesting: "\(rawValue).html"
            case .jsonValues: "\(rawValue).json"
            }
        }

        var text: String {
            let size = 5 * 1024 * 1024 - 256
            func filled(_ head: String, _ unit: String) -> String {
                head + String(repeating: unit, count: (size - head.utf8.count) / unit.utf8.count)
            }
            let front = "---\ntitle: A hostile article\n---\n\n"
            switch self {
            case .markdownLinks: return filled(front, "[a](http://b) ")
            case .markdownEmphasis: return filled(front, "*a* _b_ ")
            case .markdownBackticks: return filled(front, "` ")
            case .markdownUnclosedBrackets: return filled(front, "**[*_")
            case .htmlTags: return filled("<html><body><article><p>", "<i>a</i> ")
            case .htmlNesting: return filled("<html><body><article>", "<div>")
            case .jsonValues:
                return filled(
                    #"{"@type":"NewsArticle","headline":"h","articleBody":"Police said 5 were killed.","x":["#,
                    "{},") + "{}]}"
            }
        }
    }

    /// The peak resident memory of `footage article add FILE`, in bytes, as `/usr/bin/time` reports it.
    private func peakMemory(importing file: URL, _ footage: FootageBinary, in folder: URL) throws
        -> (bytes: Int, outcome: ProcessOutcome)
    {
        let timer = "/usr/bin/time"
        try #require(FileManager.default.isExecutableFile(atPath: timer), "\(timer) is missing (Debian package time)")
        let report = folder.appendingPathComponent("time-\(UUID().uuidString).txt")
        let outcome = try runProcess(
            timer,
            [
                "-f", "%M", "-o", report.path, FootageBinary.path, "article", "add",
                file.path, "--catalog", footage.catalog.path,
            ],
            environment: ["FOOTAGE_HOME": ""])
        let text = try String(contentsOf: report, encoding: .utf8)
        let kibibytes = try #require(text.split(separator: "\n").last.flatMap { Int($0) }, "time printed \(text)")
        return (kibibytes * 1024, outcome)
    }

    @Test(arguments: HostileArticle.allCases)
    func aHostileArticleOfTheLargestSizeImportsWithinTheMemoryBound(_ article: HostileArticle) throws {
        try withCatalogFolder { footage, root in
            let tiny = root.appendingPathComponent("tiny.txt")
            try Data("A headline\n\nPolice said 5 people were killed on Friday.\n".utf8).write(to: tiny)
            let resting = try peakMemory(importing: tiny, footage, in: root)
            #expect(resting.outcome.status == 0, "\(resting.outcome.stderr)")

            let hostile = root.appendingPathComponent(article.fileName)
            try Data(article.text.utf8).write(to: hostile)
            let measured = try peakMemory(importing: hostile, footage, in: root)
            // Imported or refused with a message: either is an answer; a crash or a kill is not.
            #expect(measured.outcome.signal == nil)
            #expect([0, 1].contains(measured.outcome.status), "\(measured.outcome.stderr)")
            if measured.outcome.status == 1 { #expect(measured.outcome.stderr.contains(article.fileName)) }
            let extra = measured.bytes - resting.bytes
            #expect(extra < Self.memoryBound, "\(article): \(extra / 1_048_576) MiB above a tiny article's import")
        }
    }

    @Test func aTextWithMoreClaimsThanOneArticleMayHoldIsRefusedWhole() throws {
        try withCatalogFolder { footage, root in
            let file = root.appendingPathComponent("report.txt")
            let sentences = (0..<6_000).map { "Police said \($0 % 90 + 2) people were killed in the raid." }
            try Data(("A long report\n\n" + sentences.joined(separator: " ")).utf8).write(to: file)
            let refused = try footage.run(["article", "add", file.path])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("report.txt: more than 5000 check-worthy sentences"))
            #expect(try footage.run(["list", "articles", "--json"]).rows.isEmpty)
            #expect(try footage.run(["log", "--json"]).rows.isEmpty)
        }
    }
}
