import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a program ended, as `runProcess` saw it.
public struct ProcessOutcome: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The signal that ended the program, if one did (a crash, or our own kill when it stalled).
    public var signal: Int32?
    /// True when it printed nothing for `stallLimit` seconds and was killed.
    public var stalled = false

    public var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    /// The stdout JSON Lines rows.
    public var rows: [[String: Any]] {
        lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

/// Runs a program to its end with the current environment plus `environment` (an empty value removes a variable),
/// reading stdout and stderr while it runs so that neither pipe fills up; stdin is empty.
///
/// With `stallLimit`, a hang guard: a program that prints nothing on stdout or stderr for that many seconds is killed
/// (SIGKILL) and reported stalled, so a hung run fails the test instead of blocking the suite. It bounds waiting; it
/// measures nothing.
public func runProcess(
    _ path: String, _ arguments: [String], environment: [String: String] = [:],
    in directory: URL? = nil, stallLimit: Double? = nil
) throws -> ProcessOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value.isEmpty ? nil : value }
    process.environment = env
    if let directory { process.currentDirectoryURL = directory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var streams = [
        pollfd(fd: out.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
        pollfd(fd: err.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0),
    ]
    var captured = [Data(), Data()]
    var chunk = [UInt8](repeating: 0, count: 65536)
    var stalled = false
    // After a kill, anything the program left behind (a child holding the pipes) gets one more second, not forever.
    var wait = stallLimit.map { Int32($0 * 1000) } ?? -1
    while streams.contains(where: { $0.fd >= 0 }) {
        let ready = poll(&streams, nfds_t(streams.count), wait)
        if ready < 0 && errno == EINTR { continue }
        if ready <= 0 {
            if stalled || ready < 0 { break }
            stalled = true
            kill(process.processIdentifier, SIGKILL)
            wait = 1000
            continue
        }
        for index in streams.indices where streams[index].fd >= 0 && streams[index].revents != 0 {
            let count = read(streams[index].fd, &chunk, chunk.count)
            if count > 0 {
                captured[index].append(contentsOf: chunk[0..<count])
            } else if count == 0 || errno != EINTR {
                streams[index].fd = -1
            }
        }
    }
    process.waitUntilExit()
    let signal = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
    return ProcessOutcome(
        status: process.terminationStatus, stdout: String(decoding: captured[0], as: UTF8.self),
        stderr: String(decoding: captured[1], as: UTF8.self), signal: signal, stalled: stalled)
}
