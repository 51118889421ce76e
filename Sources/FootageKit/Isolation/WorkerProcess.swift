import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One media worker as the parent sees it: a child process started with `posix_spawn`, its stdin and stdout as
/// pipes, stderr to /dev/null (a crashing decoder prints nothing over the parent's own messages).
final class WorkerProcess {
    let pid: pid_t
    private let toWorker: Int32
    private let fromWorker: Int32
    private var pending: [UInt8] = []
    private var reaped: Termination?

    /// How a worker ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// What came back for a request.
    enum Reply {
        case line(Data)
        /// The worker closed its stdout: it died (see `terminate()` for how).
        case closed
        /// No answer within the wall-time limit.
        case timedOut
    }

    /// Pipes are made close-on-exec and the worker started under one lock, so that no other worker started at the
    /// same moment inherits this one's pipe ends (it would keep this worker's stdin open after the parent is gone).
    /// (`pipe2` with O_CLOEXEC would do it in one call, but Swift's Glibc module does not offer it.)
    private static let spawnLock = NSLock()

    init(executable: String, name: String, arguments: [String], environment: [String: String]) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0 else { throw Self.failure("pipe") }
        guard pipe(&output) == 0 else {
            close(input[0]); close(input[1])
            throw Self.failure("pipe")
        }
        for fd in input + output { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([name] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(input[0])
        close(output[1])
        guard status == 0 else {
            close(input[1]); close(output[0])
            throw WorkerFailure(message: "cannot start a media worker (\(executable): \(String(cString: strerror(status))))")
        }
        pid = child
        toWorker = input[1]
        fromWorker = output[0]
    }

    deinit {
        close(toWorker)
        close(fromWorker)
        if reaped == nil { Glibc.kill(pid, SIGKILL); _ = terminate() }
    }

    /// Sends one line; false when the worker is gone (the parent ignores SIGPIPE, so a dead worker is EPIPE here).
    func send(_ data: Data) -> Bool {
        var line = data
        line.append(0x0A)
        return line.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(toWorker, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Reads one line, waiting at most `seconds`.
    func receive(within seconds: Double) -> Reply {
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = Data(pending[..<newline])
                pending.removeSubrange(...newline)
                return .line(line)
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 { return .timedOut }
            var poller = pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(remaining * 1000, 60_000).rounded(.up)))
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = read(fromWorker, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return .closed }
            pending.append(contentsOf: chunk[..<count])
        }
    }

    /// Stops the worker (if it still runs) and waits for it.
    func stop() -> Termination {
        if reaped == nil { Glibc.kill(pid, SIGKILL) }
        return terminate()
    }

    /// Waits for the worker to end and says how it did.
    func terminate() -> Termination {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WTERMSIG are macros; their definitions: the low 7 bits are the signal, 0 for a normal exit.
        let signal = status & 0x7F
        let result: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        reaped = result
        return result
    }

    private static func failure(_ call: String) -> WorkerFailure {
        WorkerFailure(message: "cannot start a media worker (\(call): \(String(cString: strerror(errno))))")
    }
}
