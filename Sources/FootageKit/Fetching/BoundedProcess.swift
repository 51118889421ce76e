import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs an outside program (yt-dlp) in a process group of its own, with a deadline: when the time is up, or when
/// `stop` says so, the whole group is killed (SIGKILL), so that nothing it started goes on downloading. The group is
/// killed when the program ends too, taking any helper it left running along.
///
/// The program gets no standard input, only the environment it is given, every signal at its default action (footage
/// ignores SIGPIPE and SIGXFSZ, which a started program would otherwise inherit) and no descriptor of footage's beyond
/// its output pipe. Its standard output and error go to one pipe, of which the last `outputLimit` bytes are kept.
///
/// In a group of its own, the program does not get the terminal's Ctrl-C: while it runs, SIGINT, SIGTERM and SIGHUP
/// kill its group before they end footage as they would have (`Interruption`). A footage killed by SIGKILL leaves it
/// running until it ends by itself; the folder it writes in is then swept by the next footage command.
struct BoundedProcess {
    struct Result: Sendable {
        /// The exit status, when the program exited.
        var status: Int32?
        /// The signal that ended it, when one did (SIGKILL after a timeout or a stop).
        var signal: Int32?
        var timedOut = false
        /// `stop` asked for the group to be killed.
        var stopped = false
        /// The end of what it printed (standard output and error together).
        var output: String

        var succeeded: Bool { status == 0 && !timedOut && !stopped }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let outputLimit = 64 << 10

    /// Runs `executable` with `arguments` and waits for it, at most `timeout` seconds. `stop` is asked about once a
    /// quarter of a second while it runs; true kills the group.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String?,
        timeout: Double, stop: () -> Bool = { false }
    ) throws -> Result {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw Failure(description: "cannot make a pipe (\(String(cString: strerror(errno))))")
        }
        let (readEnd, writeEnd) = (fds[0], fds[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        defer { close(readEnd) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        // Descriptors opened without close-on-exec (by a library) are not the program's to hold.
        if let addCloseFrom = GlibcExtension.addCloseFrom { _ = addCloseFrom(&actions, 3) }
        if let directory, let addChdir = GlibcExtension.addChdir { _ = addChdir(&actions, directory) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(writeEnd)
        guard spawned == 0 else {
            throw Failure(description: "\(executable): cannot be started (\(String(cString: strerror(spawned))))")
        }

        Interruption.guarding(pid)
        defer { Interruption.release() }
        var output = OutputTail(limit: outputLimit)
        var result = Result(output: "")
        let deadline = Date().addingTimeInterval(timeout)
        var waitStatus: Int32 = 0
        var exited = false
        var lastCheck = Date.distantPast
        while !exited {
            output.read(from: readEnd, waitingMilliseconds: 100)
            if waitpid(pid, &waitStatus, WNOHANG) == pid {
                exited = true
                break
            }
            let now = Date()
            if now >= deadline {
                result.timedOut = true
            } else if now.timeIntervalSince(lastCheck) >= 0.25 {
                lastCheck = now
                result.stopped = stop()
            }
            if result.timedOut || result.stopped {
                kill(-pid, SIGKILL)
                while waitpid(pid, &waitStatus, 0) < 0 && errno == EINTR {}
                exited = true
            }
        }
        // What the program left running in its group goes with it; then its output is read to the end, which comes
        // once every process holding the pipe has ended.
        kill(-pid, SIGKILL)
        let drainUntil = Date().addingTimeInterval(2)
        while Date() < drainUntil, output.read(from: readEnd, waitingMilliseconds: 100) {}
        result.output = output.text
        let termination = waitStatus & 0x7f
        if termination == 0 {
            result.status = (waitStatus >> 8) & 0xff
        } else {
            result.signal = termination
        }
        return result
    }
}

/// The last bytes a process printed, up to a limit.
private struct OutputTail {
    let limit: Int
    private var bytes: [UInt8] = []

    init(limit: Int) { self.limit = limit }

    /// Waits up to `waitingMilliseconds` for output and reads what is there. Returns false at the end of the output.
    @discardableResult
    mutating func read(from fd: Int32, waitingMilliseconds: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, waitingMilliseconds)
        guard ready > 0 else { return ready == 0 || errno == EINTR }
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN }
        if count == 0 { return false }
        bytes += buffer[0..<count]
        if bytes.count > limit { bytes.removeFirst(bytes.count - limit) }
        return true
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// glibc's extensions to `posix_spawn` (2.29 and 2.34), which its headers declare only for `_GNU_SOURCE` and Swift's
/// Glibc module does not show: looked up by name, nil where the C library lacks them.
private enum GlibcExtension {
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    static let addCloseFrom: AddCloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
        unsafeBitCast($0, to: AddCloseFrom.self)
    }
    static let addChdir: AddChdir? = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map {
        unsafeBitCast($0, to: AddChdir.self)
    }
}

/// The process group a signal that ends footage must take along, and the handlers that do it.
private enum Interruption {
    static let group = Atomic<Int32>(0)
    static let signals = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers, and takes the signals on this thread even where they came blocked from the process
    /// that started footage.
    static func guarding(_ pid: pid_t) {
        group.store(pid, ordering: .sequentiallyConsistent)
        for number in signals { signal(number, handler) }
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func release() {
        group.store(0, ordering: .sequentiallyConsistent)
        for number in signals { signal(number, SIG_DFL) }
    }

    /// Kills the group, then ends footage by the same signal (async-signal-safe calls only).
    static let handler: @convention(c) (Int32) -> Void = { number in
        let pid = Interruption.group.load(ordering: .sequentiallyConsistent)
        if pid > 0 { kill(-pid, SIGKILL) }
        signal(number, SIG_DFL)
        raise(number)
    }
}
