import Foundation

/// The repository checkout, found from this file's location (Tests/FootageTestSupport → the root): the fixtures and
/// examples the suites read live there.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The committed test fixtures (`Tests/Fixtures`).
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures", isDirectory: true)

    /// The example article every workflow is shown with (`Catalog/examples/convoy-strike.md`).
    public static let exampleArticle = root.appendingPathComponent("Catalog/examples/convoy-strike.md")
}
