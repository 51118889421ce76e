import Foundation
@testable import FootageMedia

/// The committed samples, found from this file's location: Tests/FootageMediaTests → repository root.
enum Samples {
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Media/samples").path

    static func path(_ name: String) -> String { directory + "/" + name }

    static let ministryUpload = path("ministry-upload.mp4")
    static let pentagonRelease = path("pentagon-release.webm")
    static let handheldRotated = path("handheld-rotated.mov")
    static let checkpointCCTV = path("checkpoint-cctv.ts")
    static let all = [ministryUpload, pentagonRelease, handheldRotated, checkpointCCTV]
}

/// Runs `body` with a fresh temporary directory, removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
    let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("footage-media-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer {
        _ = chmod(directory, 0o700)
        try? FileManager.default.removeItem(atPath: directory)
    }
    return try body(directory)
}

/// The full path of a tool on PATH, if there is one.
func toolOnPath(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
        let candidate = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}

/// Runs a tool and returns its standard output.
func runTool(_ executable: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return data
}

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
