import FootageMedia
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where FootageKit's media work runs: probing, keyframe extraction and fingerprinting of a file.
///
/// The file is opened in this process (`MediaFile`: a regular file, no link) and its descriptor handed to the work,
/// which reads it and never the path; the work ends by checking that the file did not change (`FileIdentity`), and
/// so does this process once the answer is in. A file hashed and then decoded so is decoded from the bytes hashed.
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

    /// Opens `path` once (regular file, no symbolic link), hashes it in this process and probes it in a worker
    /// through the same descriptor (`PendingTask.inspection`); the open file is returned for the work that follows.
    public static func inspect(path: String) throws -> (inspection: MediaInspection, file: MediaFile) {
        try startInspection(path: path).inspection()
    }

    /// Opens `path` and sends its probe to a worker without waiting; `PendingTask.inspection` hashes the file and
    /// collects the probe.
    public static func startInspection(path: String) -> PendingTask {
        start(.probe(path: path), hashing: true)
    }

    /// `Probe.probe` of the file at `path`, opened here, and its C2PA manifest store read through the same descriptor
    /// (`ContentCredentialsReader`).
    public static func examine(path: String) throws -> (probe: ProbeResult, credentials: ContentCredentials) {
        guard case .probe(let probe, let credentials) = try start(.probe(path: path)).finish() else {
            throw unexpected(path)
        }
        return (probe, credentials)
    }

    /// `KeyframeExtractor.extract` of the file at `path`, opened here.
    public static func extractKeyframes(path: String, request: KeyframeRequest) throws -> KeyframeExtraction {
        try extractKeyframes(file: MediaFile(path: path), request: request)
    }

    /// `KeyframeExtractor.extract` of an open file: the images are written into `request.folder` by the worker.
    public static func extractKeyframes(file: MediaFile, request: KeyframeRequest) throws -> KeyframeExtraction {
        let task = MediaTask.keyframes(path: file.path, request: request)
        guard case .keyframes(let value) = try start(task, file: file).finish() else { throw unexpected(file.path) }
        return value
    }

    /// `FingerprintSampler.sample` of the file at `path`, opened here.
    public static func sampleFingerprint(path: String, rate: Double, timeout: Double, threads: Int = 0) throws
        -> FingerprintSampling
    {
        try sampleFingerprint(file: MediaFile(path: path), rate: rate, timeout: timeout, threads: threads)
    }

    /// `FingerprintSampler.sample` of an open file.
    public static func sampleFingerprint(file: MediaFile, rate: Double, timeout: Double, threads: Int = 0) throws
        -> FingerprintSampling
    {
        let task = MediaTask.fingerprint(path: file.path, rate: rate, timeout: timeout, threads: threads)
        guard case .fingerprint(let value) = try start(task, file: file).finish() else { throw unexpected(file.path) }
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

    /// `start(_:file:)` on the task's path, opened here (regular file, no symbolic link): a file that cannot be
    /// opened fails the task as a worker would have failed it.
    static func start(_ task: MediaTask, hashing: Bool = false) -> PendingTask {
        do {
            return start(task, file: try MediaFile(path: task.path), hashing: hashing)
        } catch {
            return PendingTask(.failed(error))
        }
    }

    /// Sends `task` to a worker with the descriptor of `file`, which it reads instead of the path, and returns
    /// without waiting for the answer (`PendingTask.finish` waits, then checks that the file did not change); in
    /// process, the task runs on `file` when it is finished. The worker stays checked out until then.
    public static func start(_ task: MediaTask, file: MediaFile) -> PendingTask {
        start(task, file: file, hashing: false)
    }

    /// `start(_:file:)`; with `hashing`, the file is hashed here meanwhile (`PendingTask.inspection`).
    private static func start(_ task: MediaTask, file: MediaFile, hashing: Bool) -> PendingTask {
        guard let settings = state.settings else { return PendingTask(.inProcess(task, file), hashing: hashing) }
        do {
            let wallLimit = settings.limits.wallSecondsPerTask ?? task.wallLimit(fileSize: file.size)
            let cpu = settings.limits.cpuSeconds(forWallLimit: wallLimit)
            let request = try WireEncoder.encode(
                WorkerRequest(task: task, cpuSeconds: cpu, identity: file.identity))
            let worker = try state.checkOut(settings, for: task.path)
            let sent = PendingTask.Sent(
                worker: worker, path: task.path, cpu: cpu, wallLimit: wallLimit,
                settings: settings)
            guard worker.send(request, attaching: file.descriptor) else {
                return PendingTask(.failed(failure(of: sent, timedOut: false)))
            }
            return PendingTask(.sent(sent, file), hashing: hashing)
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
