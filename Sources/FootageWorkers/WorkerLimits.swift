import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The resource limits of a media worker process: an address-space limit for the whole process, and a CPU-time
/// allowance per task (a crafted file that makes a decoder loop or allocate without end is stopped by the kernel,
/// and only that file fails).
///
/// Defaults can be changed through the environment, mainly for tests: `FOOTAGE_WORKER_MEMORY_MB`,
/// `FOOTAGE_WORKER_CPU_SECONDS` and `FOOTAGE_WORKER_WALL_SECONDS` (fixed per-task allowances instead of the ones
/// derived from the task's own deadline and the file's size).
public struct WorkerLimits: Sendable, Equatable {
    /// Address space in bytes (RLIMIT_AS). Decoding a 4K frame needs tens of MB; threads and allocator arenas
    /// reserve far more address space than they use, so the default is generous.
    public var addressSpace: UInt64
    /// A fixed CPU-time allowance per task, in seconds; nil derives it from the task's wall-time limit.
    public var cpuSecondsPerTask: Double?
    /// A fixed wall-time allowance per task, in seconds; nil derives it from the task (`MediaTask.wallLimit`).
    public var wallSecondsPerTask: Double?

    public static let defaultAddressSpace: UInt64 = 4 << 30

    public init(
        addressSpace: UInt64 = defaultAddressSpace, cpuSecondsPerTask: Double? = nil,
        wallSecondsPerTask: Double? = nil
    ) {
        self.addressSpace = addressSpace
        self.cpuSecondsPerTask = cpuSecondsPerTask
        self.wallSecondsPerTask = wallSecondsPerTask
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> WorkerLimits
    {
        var limits = WorkerLimits()
        if let megabytes = environment["FOOTAGE_WORKER_MEMORY_MB"].flatMap(UInt64.init), megabytes > 0 {
            limits.addressSpace = megabytes << 20
        }
        if let seconds = environment["FOOTAGE_WORKER_CPU_SECONDS"].flatMap(Double.init), seconds > 0 {
            limits.cpuSecondsPerTask = seconds
        }
        if let seconds = environment["FOOTAGE_WORKER_WALL_SECONDS"].flatMap(Double.init), seconds > 0 {
            limits.wallSecondsPerTask = seconds
        }
        return limits
    }

    /// CPU seconds for a task allowed `wallLimit` seconds: every core busy for the whole time.
    func cpuSeconds(forWallLimit wallLimit: Double) -> Double {
        cpuSecondsPerTask ?? wallLimit * Double(max(ProcessInfo.processInfo.activeProcessorCount, 1))
    }

    /// Applies the address-space limit to this process (the worker, at start).
    func applyAddressSpaceLimit() {
        var limit = rlimit(rlim_cur: rlim_t(addressSpace), rlim_max: rlim_t(addressSpace))
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
    }

    /// Lets this process (the worker) spend `seconds` more CPU time, counted from now: RLIMIT_CPU is a total for
    /// the process, so a reused worker moves its soft limit forward before each task. Past it the kernel sends
    /// SIGXCPU, which ends the worker; the parent reports the file as over its limit.
    static func allowCPU(seconds: Double) {
        var usage = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
        let used =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
        let soft = rlim_t((used + seconds).rounded(.up))
        var limit = rlimit(rlim_cur: soft, rlim_max: rlim_t.max)  // RLIM_INFINITY (-1 in C) does not import
        _ = setrlimit(Int32(RLIMIT_CPU.rawValue), &limit)
    }
}
