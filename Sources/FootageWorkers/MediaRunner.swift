import FootageMedia
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where FootageKit's media work runs: probing, keyframe extraction and fingerprinting of a file.
///
/// The command-line tool isolates it (`MediaRunner.isolate`): each task runs in a pooled worker process (the same
/// binary, `footage media-worker`) with an address-space limit and a CPU-time allowance, and a wall-time limit
/// enforced from here. A worker that crashes, loops or exceeds a limit fails that one file with a clear reason;
/// the next file gets a fresh worker. Library users and unit tests run the same work in-process by default.
public enum MediaRunner {
    /// Isolated mode: how to start a worker.
    public struct WorkerSettings: Sendable {
        public var executable: String
        /// The worker's `argv[0]`, what `ps` shows.
        public var name: String
        public var arguments: [String]
        /// The arguments that make the executable a fork server (`MediaWorker.serveForks`), which then forks every
        /// worker; nil starts each worker directly with `arguments`.
        public var forkServerArguments: [String]?
        public var limits: WorkerLimits
        public init(
            executable: String, name: String? = nil, arguments: [String], forkServerArguments: [String]? = nil,
            limits: WorkerLimits = .fromEnvironment()
        ) {
            self.executable = executable
            self.name = name ?? executable
            self.arguments = arguments
            self.forkServerArguments = forkServerArguments
            self.limits = limits
        }
    }

    /// Runs media work in worker processes from now on.
    public static func isolate(_ settings: WorkerSettings) {
        // A worker that dies while we write its request must give EPIPE, not kill this process.
        signal(SIGPIPE, SIG_IGN)
        state.configure(settings)
    }

    /// Starts `count` workers in the background, so that they load FFmpeg while the caller opens the catalogue and
    /// lists files; the first tasks then find them ready. Does nothing in-process.
    public static func prewarm(_ count: Int) {
        guard let settings = state.settings else { return }
        state.expect(count)
        for _ in 0..<max(0, count) { state.startInBackground(settings) }
    }

    /// True when media work runs in worker processes.
    public static var isIsolated: Bool { state.settings != nil }

    /// Hashes and probes a file through one descriptor (`MediaInspection.inspect`).
    public static func inspect(path: String) throws -> MediaInspection {
        try start(.inspect(path: path)).inspection()
    }

    /// `Probe.probe`.
    public static func probe(path: String) throws -> ProbeResult {
        guard case .probe(let value) = try run(.probe(path: path)) else { throw unexpected(path) }
        return value
    }

    /// `KeyframeExtractor.extract`: the images are written into `request.folder` by the worker.
    public static func extractKeyframes(path: String, request: KeyframeRequest) throws -> KeyframeExtraction {
        guard case .keyframes(let value) = try run(.keyframes(path: path, request: request)) else {
            throw unexpected(path)
        }
        return value
    }

    /// `FingerprintSampler.sample`.
    public static func sampleFingerprint(path: String, rate: Double, timeout: Double, threads: Int = 0) throws
        -> FingerprintSampling
    {
        let task = MediaTask.fingerprint(path: path, rate: rate, timeout: timeout, threads: threads)
        guard case .fingerprint(let value) = try run(task) else {
            throw unexpected(path)
        }
        return value
    }

    /// The FFmpeg libraries the work runs with (the workers' when isolated), for ledger events.
    public static var library: MediaLibraryInfo {
        guard let settings = state.settings else { return .here }
        if let known = state.library { return known }
        // Nothing has started a worker yet: start one to ask, and keep it for the work that follows.
        if let worker = try? state.checkOut(settings, for: "") { state.checkIn(worker) }
        return state.library
            ?? MediaLibraryInfo(
                versionInfo: "unknown",
                versions: .init(avformat: "unknown", avcodec: "unknown", avutil: "unknown", swscale: "unknown"))
    }

    private static let state = WorkerPool()

    private static func run(_ task: MediaTask) throws -> MediaTaskResult {
        try start(task).finish()
    }

    /// Sends `task` to a worker and returns without waiting for the answer (`PendingTask.finish` waits); in process,
    /// the task runs when it is finished. The worker stays checked out until then.
    public static func start(_ task: MediaTask) -> PendingTask {
        guard let settings = state.settings else { return PendingTask(.inProcess(task)) }
        do {
            var size: Int64 = 0
            var info = stat()
            if lstat(task.path, &info) == 0 { size = Int64(info.st_size) }
            let wallLimit = settings.limits.wallSecondsPerTask ?? task.wallLimit(fileSize: size)
            let cpu = settings.limits.cpuSeconds(forWallLimit: wallLimit)
            let request = try WireEncoder.encode(WorkerRequest(task: task, cpuSeconds: cpu))
            let worker = try state.checkOut(settings, for: task.path)
            let sent = PendingTask.Sent(
                worker: worker, path: task.path, cpu: cpu, wallLimit: wallLimit,
                settings: settings)
            guard worker.send(request) else { return PendingTask(.failed(failure(of: sent, timedOut: false))) }
            return PendingTask(.sent(sent))
        } catch {
            return PendingTask(.failed(error))
        }
    }

    /// Reads a sent task's answer, within its wall-time limit, and puts the worker back in the pool.
    static func receive(_ sent: PendingTask.Sent) throws -> MediaTaskResult {
        switch sent.worker.receive(within: sent.wallLimit) {
        case .message(let message):
            guard let result = try? WireDecoder.decode(MediaTaskResult.self, from: message) else { break }
            state.checkIn(sent.worker)
            return result
        case .unreadable:
            break
        case .closed:
            throw failure(of: sent, timedOut: false)
        case .timedOut:
            throw failure(of: sent, timedOut: true)
        }
        _ = sent.worker.stop()
        throw MediaError(.crashed, path: sent.path, reason: "the media worker sent an unreadable answer")
    }

    /// Ends a worker that failed and says why, in words an analyst can act on.
    private static func failure(of sent: PendingTask.Sent, timedOut: Bool) -> MediaError {
        let (path, cpu, wallLimit, settings) = (sent.path, sent.cpu, sent.wallLimit, sent.settings)
        let termination = sent.worker.stop()
        if timedOut {
            return MediaError(
                .timedOut, path: path,
                reason: "no answer from its media worker within \(Int(wallLimit)) s; the worker was stopped")
        }
        switch termination {
        case .signalled(SIGXCPU):
            return MediaError(
                .crashed, path: path,
                reason: "decoding exceeded its CPU-time limit of \(Int(cpu)) s and was stopped")
        case .signalled(SIGKILL):
            return MediaError(.crashed, path: path, reason: "the media worker was killed (SIGKILL)")
        case .signalled(let signal):
            let name = signalName(signal)
            return MediaError(
                .crashed, path: path,
                reason: "the media worker crashed (\(name)) decoding it, or ran out of its "
                    + "\(settings.limits.addressSpace >> 20) MiB memory limit; "
                    + "the file may be crafted to attack decoders"
            )
        case .exited(let code):
            return MediaError(
                .crashed, path: path, reason: "the media worker stopped unexpectedly (exit status \(code))")
        }
    }

    private static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGABRT: "SIGABRT"
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGFPE: "SIGFPE"
        default: "signal \(signal)"
        }
    }

    static func unexpected(_ path: String) -> MediaError {
        MediaError(.crashed, path: path, reason: "the media worker answered a different question")
    }
}
