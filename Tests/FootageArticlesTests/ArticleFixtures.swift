import FootageTestSupport
import Foundation

/// Paths to the committed article fixtures and the example article.
enum ArticleFixtures {
    static let fixtures = Repository.fixtures.appendingPathComponent("articles")
    static let example = Repository.exampleArticle

    /// The convoy-strike article in every format: (file name, bytes).
    static func convoyStrikeFiles() throws -> [(String, Data)] {
        var files = [("convoy-strike.md", try Data(contentsOf: example))]
        for name in ["convoy-strike.txt", "convoy-strike.html", "convoy-strike.jsonld"] {
            files.append((name, try Data(contentsOf: fixtures.appendingPathComponent(name))))
        }
        return files
    }

    static let headline = "Footage said to show air strikes wiping out ISIL convoy near Fallujah"
}
