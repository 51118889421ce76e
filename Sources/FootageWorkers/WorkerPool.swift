import FootageCore
import FootageMedia
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The pool: idle workers waiting for tasks. A worker serves one task at a time; each calling thread checks one
/// out (starting a new worker when none is idle), so the pool grows to the number of threads doing media work
/// at once (`--jobs`) and no further.
final class WorkerPool: Sendable {
    private struct State {
        var configured: MediaRunner.WorkerSettings?
        var idle: [WorkerProcess] = []
        var hello: MediaLibraryInfo?
        /// Workers being started in the background (`prewarm`): a task waits for one of them rather than starting more.
        var starting = 0
        /// Workers started so far, and announced by `prewarm`.
        var started = 0
        var announced = 0
    }
    /// Waited on by a task while a worker it can have is being started.
    private let state = Monitor(State())
    /// The fork server, started for the second worker (or the first, when `prewarm` announces more than one): it
    /// costs as much to start as a worker, and would only delay a command that needs one.
    private enum Server {
        case notStarted
        case running(ForkServer)
        case failed
    }
    /// Locked apart from `state`: starting the fork server must not hold up checking workers in and out.
    private let server = Mutex(Server.notStarted)

    var settings: MediaRunner.WorkerSettings? { state.withLock { $0.configured } }
    var library: MediaLibraryInfo? { state.withLock { $0.hello } }

    func configure(_ settings: MediaRunner.WorkerSettings) {
        state.withLock {
            $0.configured = settings
            $0.idle.removeAll()
        }
        server.withLock { $0 = .notStarted }
    }

    func expect(_ count: Int) {
        state.withLock { $0.announced = max($0.announced, count) }
    }

    func checkOut(_ settings: MediaRunner.WorkerSettings, for path: String) throws -> WorkerProcess {
        let ready: (State) -> Bool = { !$0.idle.isEmpty || $0.starting == 0 }
        let waiting = state.withLock(when: ready) { $0.idle.popLast() }
        if let waiting { return waiting }
        return try start(settings, for: path)
    }

    /// Launches a worker now, on the calling thread (a fork takes a millisecond; a footage process forks only while it
    /// has a single thread, see `WorkerProcess.launch`), and waits for its hello on a thread of its own, so that the
    /// worker loads FFmpeg while the caller goes on.
    func startInBackground(_ settings: MediaRunner.WorkerSettings) {
        state.withLock { $0.starting += 1 }
        let launched = Result { try launch(settings) }
        let thread = Thread { [self] in
            let worker = try? launched.get().greeted(by: self, settings)
            state.withLock {
                $0.starting -= 1
                if let worker { $0.idle.append(worker) }
            }
        }
        thread.start()
    }

    /// A worker forked by the fork server, else one started directly: the first of a command that needs one, or
    /// when there is no fork server, or it failed (it is then stopped and not started again; every worker costs its
    /// full start from then on).
    private func start(_ settings: MediaRunner.WorkerSettings, for path: String) throws -> WorkerProcess {
        do {
            return try launch(settings).greeted(by: self, settings)
        } catch let error as MediaError {
            throw error.at(path: path)
        }
    }

    /// A worker started and not heard from yet, and the fork server that forked it, if one did. (Sendable: it is
    /// handed from the thread that launched it to the one thread that waits for its hello.)
    struct Launch: @unchecked Sendable {
        let worker: WorkerProcess
        let server: ForkServer?

        /// The worker once it has said hello. When a forked one does not, the fork server is given up and a worker
        /// is started directly instead.
        func greeted(by pool: WorkerPool, _ settings: MediaRunner.WorkerSettings) throws -> WorkerProcess {
            if pool.greeted(worker) { return worker }
            if let server {
                pool.giveUp(server)
                let direct = try pool.startDirectly(settings)
                if pool.greeted(direct) { return direct }
            }
            throw MediaError(
                .libraryMissing, path: "",
                reason: "the media worker did not start (are FFmpeg's libraries installed?)")
        }
    }

    private func launch(_ settings: MediaRunner.WorkerSettings) throws -> Launch {
        let forked = state.withLock {
            $0.started += 1
            return max($0.started, $0.announced) > 1
        }
        if forked, let server = forkServer(settings, environment: Self.environment) {
            if let worker = try? WorkerProcess(start: {
                try server.forkWorker(stdin: $0, stdout: $1)
                return nil
            }) {
                return Launch(worker: worker, server: server)
            }
            giveUp(server)
        }
        return Launch(worker: try startDirectly(settings), server: nil)
    }

    /// Stops a fork server that failed; every worker is started directly from then on.
    private func giveUp(_ failed: ForkServer) {
        failed.stop()
        server.withLock { $0 = .failed }
    }

    private func startDirectly(_ settings: MediaRunner.WorkerSettings) throws -> WorkerProcess {
        try WorkerProcess {
            try WorkerProcess.launch(
                settings, arguments: settings.arguments, environment: Self.environment,
                stdin: $0, stdout: $1)
        }
    }

    /// A started worker's environment: a crash in a worker is an expected outcome here, not a bug to report at
    /// length, so no backtrace.
    private static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        return environment
    }

    /// Waits for a new worker's hello (its libraries and pid); false, with the worker stopped, when none comes.
    private func greeted(_ worker: WorkerProcess) -> Bool {
        guard case .message(let message) = worker.receive(within: 30),
            let greeting = try? WireDecoder.decode(WorkerHello.self, from: message), worker.adopt(greeting.pid)
        else {
            _ = worker.stop()
            return false
        }
        state.withLock { $0.hello = greeting.library }
        return true
    }

    private func forkServer(_ settings: MediaRunner.WorkerSettings, environment: [String: String]) -> ForkServer? {
        server.withLock { server in
            if case .notStarted = server, let arguments = settings.forkServerArguments {
                let started = try? ForkServer(settings, arguments: arguments, environment: environment)
                server = started.map { .running($0) } ?? .failed
            }
            if case .running(let running) = server { return running }
            return nil
        }
    }

    func checkIn(_ worker: WorkerProcess) {
        state.withLock { $0.idle.append(worker) }
    }
}
