import CProcess
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One media worker as the parent sees it: a child process whose stdin is a Unix stream socket from this one (each
/// request carries the descriptor of its file, `MessageFrames`) and whose stdout is a pipe to it, stderr /dev/null (a
/// crashing decoder prints nothing over the parent's own messages). It is forked by the fork server (`ForkServer`),
/// or started directly with `posix_spawn` when that is off or has failed.
final class WorkerProcess {
    /// Known from `posix_spawn`; for a forked worker, from its hello (`adopt`). Until then the worker cannot be
    /// signalled or waited for (and is not used).
    private(set) var pid: pid_t?
    private let toWorker: Int32
    private let fromWorker: Int32
    private var reader = MessageReader()
    private var reaped: Termination?

    /// How a worker ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// What came back for a request.
    enum Reply {
        /// A message (`WireDecoder` reads it).
        case message([UInt8])
        /// A frame longer than `MessageFrames.largest`.
        case unreadable
        /// The worker closed its stdout: it died (see `stop()` for how).
        case closed
        /// No answer within the wall-time limit.
        case timedOut
    }

    /// Makes the socket and the pipe and has `start` start the worker on their far ends (its stdin, its stdout),
    /// which it returns the pid of if it knows it. Both are close-on-exec from the start, so that no other worker
    /// started at the same moment inherits this one's ends (it would keep this worker's stdin open after the parent
    /// is gone).
    init(start: (_ stdin: Int32, _ stdout: Int32) throws -> pid_t?) throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &input) == 0 else { throw Self.failure("socketpair") }
        // Requests only go to the worker: one taken over by a hostile file cannot write into this process's end.
        shutdown(input[0], Int32(SHUT_RD))
        guard cprocess_pipe_cloexec(&output) == 0 else {
            close(input[0])
            close(input[1])
            throw Self.failure("pipe")
        }
        // The worker has its own copies now (or failed to start): ours would hide its end of stream.
        defer {
            close(input[1])
            close(output[1])
        }
        do {
            pid = try start(input[1], output[1])
        } catch {
            close(input[0])
            close(output[0])
            throw error
        }
        toWorker = input[0]
        fromWorker = output[0]
    }

    /// Starts a worker, or the fork server when `arguments` are `settings.forkServerArguments`: `stdin` and `stdout`
    /// (nil: /dev/null) become its own, stderr goes to /dev/null, and it holds no other descriptor of this process.
    ///
    /// While this process has a single thread (a command starting its first worker or its fork server), the child is
    /// forked from it and goes straight to work, as `footage media-worker` would: that skips starting the 110 MB
    /// binary again (about 4 ms of CPU, on the way to the answer when a command needs one file). With more threads,
    /// a fork could copy a lock another thread holds, so the executable is started anew with `posix_spawn`.
    static func launch(
        _ settings: MediaRunner.WorkerSettings, arguments: [String], environment: [String: String],
        stdin: Int32, stdout: Int32?
    ) throws -> pid_t {
        if cprocess_thread_count() == 1 {
            let child = cprocess_fork_child(stdin, stdout ?? -1)
            if child == 0 {
                if arguments == settings.forkServerArguments { MediaWorker.serveForks() }
                MediaWorker.serve()
            }
            if child > 0 { return child }
        }
        return try spawn(settings, arguments: arguments, environment: environment, stdin: stdin, stdout: stdout)
    }

    /// Starts `executable` with `posix_spawn`: `stdin` and `stdout` (nil: /dev/null) become its own, stderr goes to
    /// /dev/null.
    private static func spawn(
        _ settings: MediaRunner.WorkerSettings, arguments: [String], environment: [String: String],
        stdin: Int32, stdout: Int32?
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        if let stdout {
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)

        let argv = ([settings.name] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for string in argv + envp { free(string) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, settings.executable, &actions, nil, argv, envp)
        guard status == 0 else {
            throw WorkerFailure(
                message: "cannot start a media worker (\(settings.executable): "
                    + "\(String(cString: strerror(status))))")
        }
        return child
    }

    deinit {
        close(toWorker)
        close(fromWorker)
        _ = stop()
    }

    /// Takes the pid a worker says it has in its hello: its own for a forked worker, else the one it must have.
    func adopt(_ said: pid_t) -> Bool {
        guard let pid else {
            pid = said
            return said > 0
        }
        return said == pid
    }

    /// Sends one message, with the descriptor of the file it is about; false when the worker is gone (a dead worker
    /// is EPIPE here, not SIGPIPE).
    func send(_ message: [UInt8], attaching file: Int32) -> Bool {
        MessageFrames.write(message, to: toWorker, attaching: file)
    }

    /// Reads one message, waiting at most `seconds`.
    func receive(within seconds: Double) -> Reply {
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            do {
                if let message = try reader.next() { return .message(message) }
            } catch {
                return .unreadable
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
            reader.append(chunk[..<count])
        }
    }

    /// Stops the worker (if it still runs), waits for it, and says how it ended.
    func stop() -> Termination {
        if let reaped { return reaped }
        // A forked worker that never said hello: nothing to wait for here (it ends with its stdin, closed by deinit).
        guard let pid else { return .exited(0) }
        Glibc.kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WTERMSIG are macros; their definitions: the low 7 bits are the signal, 0 for a normal exit.
        let signal = status & 0x7F
        let result: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        reaped = result
        return result
    }

    static func failure(_ call: String) -> WorkerFailure {
        WorkerFailure(message: "cannot start a media worker (\(call): \(String(cString: strerror(errno))))")
    }
}
