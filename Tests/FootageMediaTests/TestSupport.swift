import Foundation

@testable import FootageMedia

/// Writes `text` to `path`.
func write(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// The MediaError thrown by `body`, or nil when it returned normally.
func mediaError<T>(_ body: () throws -> T) -> MediaError? {
    do {
        _ = try body()
        return nil
    } catch let error as MediaError {
        return error
    } catch {
        return MediaError(.io, path: "", reason: "unexpected error type: \(error)")
    }
}
