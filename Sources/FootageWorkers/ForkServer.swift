import CProcess
import FootageMedia
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The fork server ("zygote"), as the footage process sees it: one process (`footage media-worker --fork-server`)
/// that loads FFmpeg and runs the workers' code paths once, then forks every media worker the pool needs.
///
/// Why: a worker started as a new process cost 60–80 ms of CPU before its first answer (Swift runtime start, page
/// faults, and about 47 ms of the dynamic loader binding FFmpeg and its ~130 libraries), which made isolated
/// `register` of small files 5–14 % slower than one process. The fork server pays that once per footage process;
/// a fork shares its loaded, bound and warmed memory copy-on-write and is ready within a few milliseconds.
///
/// Protocol, over a Unix socket (SOCK_SEQPACKET) that is the server's stdin: the parent makes a worker's socket and
/// pipe as for a direct start and sends the worker's ends (SCM_RIGHTS), and that is all; the server forks the worker
/// through a short-lived intermediate child and closes its copies. Orphaned that way, the worker is given by the
/// kernel to the footage process, a child subreaper (PR_SET_CHILD_SUBREAPER), and says hello with its pid once it
/// is: the parent then waits for it, learns how it died (SIGSEGV, SIGXCPU…) and kills it at its wall-time limit
/// exactly as a worker it spawned. No hello (end of stream: the server died or could not fork) makes the pool
/// start workers directly. The server exits at the end of its socket's stream, when the footage process is gone.
/// The server itself is forked from the footage process when that has a single thread, else started anew
/// (`WorkerProcess.launch`).
final class ForkServer: Sendable {
    private let pid: pid_t
    private let socket: Int32
    /// Whether it was stopped; held while the socket is used, so that it is not closed meanwhile.
    private let stopped = Mutex(false)

    /// Starts the server; it loads FFmpeg while the caller goes on, and forks the first worker when ready.
    init(_ settings: MediaRunner.WorkerSettings, arguments: [String], environment: [String: String]) throws {
        guard cprocess_become_subreaper() == 0 else { throw WorkerProcess.failure("prctl") }
        var ends: [Int32] = [0, 0]
        let type = Int32(SOCK_SEQPACKET.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else { throw WorkerProcess.failure("socketpair") }
        defer { close(ends[1]) }
        do {
            pid = try WorkerProcess.launch(
                settings, arguments: arguments, environment: environment, stdin: ends[1],
                stdout: nil)
        } catch {
            close(ends[0])
            throw error
        }
        socket = ends[0]
    }

    deinit { stop() }

    /// Asks for a worker on the given descriptors (its stdin and stdout); the worker's hello tells its pid.
    func forkWorker(stdin: Int32, stdout: Int32) throws {
        try stopped.withLock { stopped in
            guard !stopped, cprocess_send_descriptors(socket, [stdin, stdout], 2) == 0 else {
                throw WorkerFailure(message: "the media workers' fork server is gone")
            }
        }
    }

    /// Ends the server (once it failed: the pool starts its workers directly from then on).
    func stop() {
        stopped.withLock { stopped in
            guard !stopped else { return }
            stopped = true
            close(socket)
            Glibc.kill(pid, SIGKILL)
            while waitpid(pid, nil, 0) < 0 && errno == EINTR {}
        }
    }
}

extension MediaWorker {
    /// The fork server's side (`footage media-worker --fork-server`): loads FFmpeg, warms up, then forks a worker
    /// for each request on its stdin (see `ForkServer`), until the footage process closes the socket.
    public static func serveForks() -> Never {
        prepareProcess()
        TestFault.fromEnvironment()?.trigger(for: TestFault.forkServer)
        warmUp()
        // fork copies only the calling thread: a lock held by another thread at that moment would stay locked
        // in the child forever. Nothing here starts a thread; should a library ever do, serve no forks (the
        // parent then starts its workers directly).
        guard (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/task").count) == 1 else { _exit(1) }
        let footage = getppid()
        while true {
            var ends: [Int32] = [-1, -1]
            let received = cprocess_receive_descriptors(0, &ends, 2)
            if received <= 0 { _exit(0) }  // end of stream: the footage process is gone (_exit: see answerRequests)
            if received == 2 && cprocess_fork_orphan() == 0 {
                // The worker: its request socket and answer pipe replace the server's socket (fd 0) and /dev/null
                // (fd 1).
                dup2(ends[0], 0)
                dup2(ends[1], 1)
                close(ends[0])
                close(ends[1])
                // Given to another reaper: the footage process ended meanwhile.
                guard getppid() == footage else { _exit(0) }
                prepareProcess()
                answerRequests()
            }
            // Closed here, the worker's stdout ends with the worker, or now if there is none: no hello, a failure.
            for end in ends[..<Int(received)] { close(end) }
        }
    }

    /// Runs once what each worker runs before its first answer, so that every fork starts with it done: FFmpeg
    /// loaded (with its log callback), and Swift's type metadata and protocol conformances of the messages looked
    /// up and cached (slow on first use: a directly started worker paid for them again). (A task on a real clip was
    /// tried too: it saved each worker a millisecond or two and cost the fork server as much before its first fork.)
    private static func warmUp() {
        let request = KeyframeRequest(mode: .key, folder: URL(fileURLWithPath: "/"))
        let tasks: [MediaTask] = [
            .probe(path: "/"), .keyframes(path: "/", request: request),
            .fingerprint(path: "/", rate: 1, timeout: 1, threads: 0),
        ]
        let time = FileIdentity.Timestamp(seconds: 0, nanoseconds: 0)
        let identity = FileIdentity(device: 0, inode: 0, size: 0, modified: time, statusChanged: time)
        for task in tasks {
            let message = try? WireEncoder.encode(WorkerRequest(task: task, cpuSeconds: 1, identity: identity))
            guard let message else { continue }
            _ = try? WireDecoder.decode(WorkerRequest.self, from: message)
        }
        // A directory is no media file: this fails at once, after the checks every task's file goes through.
        do {
            _ = try MediaFile(path: "/")
        } catch {
            _ = try? WireEncoder.encode(MediaTaskResult(error: error))
        }
        _ = try? WireEncoder.encode(WorkerHello(library: .here, pid: 0))
        // The C2PA library too (found and loaded once, 23 MB of code), so that no fork loads it again.
        _ = C2PALibrary.version
    }
}
