import Foundation

/// The calling thread's CPU time: what a piece of work costs, whatever else shares the cores (the benchmark commands).
enum ThreadCPUClock {
    static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
