import Foundation

/// A fresh, empty folder under the system's temporary folder; the caller removes it.
public func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("footage-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Runs `body` with a fresh temporary folder, removed afterwards with all it holds (made writable first: some tests
/// take the permission to write away).
public func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = try temporaryFolder()
    defer {
        _ = chmod(folder.path, 0o700)
        try? FileManager.default.removeItem(at: folder)
    }
    return try body(folder)
}

/// `withTemporaryFolder` for tests that work with path strings.
public func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    try withTemporaryFolder { try body($0.path) }
}
