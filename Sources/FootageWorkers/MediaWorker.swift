import FootageMedia
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The worker side of isolation: `footage media-worker` (a hidden subcommand) runs this loop. It loads FFmpeg, says
/// hello with the library versions, then answers one message per request (`WireEncoder`, framed by `MessageFrames`),
/// one task at a time, each on the file whose descriptor came with it, until its stdin closes. Whatever a hostile file
/// does to the decoders here (crash, loop, exhaust memory) ends this process only; the parent reports the file as
/// failed and starts a new worker for the next one. Workers are normally forked by the fork server (`serveForks`,
/// ForkServer.swift) and enter the same loop through `answerRequests`.
public enum MediaWorker {
    public static func serve() -> Never {
        prepareProcess()
        answerRequests()
    }

    /// Signals and the address-space limit, as a worker needs them (done again in each fork: cheap, and what the
    /// fork server inherited or changed does not matter then).
    static func prepareProcess() {
        // Dispositions and masks survive exec: a parent that ignores or blocks SIGXCPU (some test runners and
        // shells do) would otherwise leave the CPU-time limit without effect.
        var none = sigset_t()
        sigemptyset(&none)
        sigprocmask(SIG_SETMASK, &none, nil)
        signal(SIGXCPU, SIG_DFL)
        signal(SIGPIPE, SIG_IGN)
        WorkerLimits.fromEnvironment().applyAddressSpaceLimit()
    }

    /// Says hello (library versions and pid), then serves tasks. Ends with `_exit`: `exit` would run the
    /// destructors of FFmpeg's ~130 libraries, paging their code back in (in a fork, for the first time) only to
    /// tidy up memory the kernel is about to free.
    static func answerRequests() -> Never {
        watchParent()
        let fault = TestFault.fromEnvironment()
        guard send(WorkerHello(library: .here, pid: getpid())) else { _exit(0) }
        while let (message, descriptors) = MessageFrames.receive(from: 0) {
            let result: MediaTaskResult
            do {
                let request = try WireDecoder.decode(WorkerRequest.self, from: message)
                WorkerLimits.allowCPU(seconds: request.cpuSeconds)
                let file = try receivedFile(descriptors, for: request)
                fault?.trigger(for: request.task.path)
                result = try request.task.run(on: file)
            } catch {
                result = MediaTaskResult(error: error)
            }
            // Closed before answering: the worker holds no file of a finished task while it waits for the next.
            for received in descriptors { close(received) }
            guard send(result) else { _exit(0) }
        }
        _exit(0)
    }

    /// The file a request is about: this worker's own duplicate of the descriptor footage opened and sent with it
    /// (the received one is closed with the task), refused when the file is no longer as footage opened it.
    private static func receivedFile(_ descriptors: [Int32], for request: WorkerRequest) throws -> MediaFile {
        guard descriptors.count == 1 else {
            throw WorkerFailure(message: "a media request came with \(descriptors.count) descriptors instead of one")
        }
        return try MediaFile(duplicating: descriptors[0], path: request.task.path, expecting: request.identity)
    }

    /// Writes one message to stdout; false when the parent has gone.
    private static func send<T: Encodable>(_ value: T) -> Bool {
        guard let message = try? WireEncoder.encode(value) else { return false }
        return MessageFrames.write(message, to: 1)
    }

    /// A worker whose parent was killed must not go on decoding (and writing images nobody will collect): a
    /// thread checks twice a second that the parent is still the one that started it. (A forked worker gets here
    /// only once it is the footage process's child, see `cprocess_fork_orphan`.)
    private static func watchParent() {
        let parent = getppid()
        let thread = Thread {
            while getppid() == parent { usleep(500_000) }
            _exit(0)
        }
        thread.stackSize = 64 << 10
        thread.start()
    }
}

/// Faults a worker can be told to simulate when the task's path contains a given text, so that the tests can show
/// what the parent does when a decoder crashes, loops or exhausts memory (as SQLite's test hooks do for I/O errors).
/// Set through `FOOTAGE_WORKER_FAULT=crash:TEXT`, `spin:TEXT` (burn CPU), `hang:TEXT` (sleep), `memory:TEXT`, or
/// `pause:TEXT` (wait three seconds, holding the task's file, then work: a test changes the file meanwhile).
struct TestFault {
    enum Kind: String { case crash, spin, hang, memory, pause }
    let kind: Kind
    let marker: String
    /// What the fork server checks at its start, as if it were a path: `crash:(fork server)` makes it fail.
    static let forkServer = "(fork server)"

    static func fromEnvironment() -> TestFault? {
        guard let value = ProcessInfo.processInfo.environment["FOOTAGE_WORKER_FAULT"],
            let colon = value.firstIndex(of: ":"), let kind = Kind(rawValue: String(value[..<colon]))
        else { return nil }
        let marker = String(value[value.index(after: colon)...])
        return marker.isEmpty ? nil : TestFault(kind: kind, marker: marker)
    }

    func trigger(for path: String) {
        guard path.contains(marker) else { return }
        switch kind {
        case .crash: raise(SIGSEGV)
        case .spin:
            var x: UInt64 = 1
            while true {
                x = x &* 6364136223846793005 &+ 1442695040888963407
                if x == 0 { print(x) }
            }
        case .hang: while true { sleep(60) }
        case .pause: sleep(3)
        case .memory:
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                guard let block = malloc(64 << 20) else { fatalError("out of memory") }
                memset(block, 1, 64 << 20)
                blocks.append(block)
            }
        }
    }
}
