import FootageCore
import Foundation
import Synchronization

/// Work on several items at once whose outcomes are handed back one at a time: the batch commands (`keyframes`,
/// `fingerprint`) print each item's lines together, never interleaved with another's.
enum Batch {
    /// Runs `work` for items `0..<count` on up to `jobs` threads (bounded by `JobCount`) and calls `report` with each
    /// item's outcome as it finishes, one call at a time. Returns how many items failed.
    static func run<T: Sendable>(
        _ count: Int, jobs: Int, work: @escaping @Sendable (Int) throws -> T,
        report: @escaping @Sendable (Int, Result<T, any Error>) -> Void
    ) -> Int {
        let failures = Failures()
        Parallel.forEach(count, jobs: JobCount.bounded(jobs, items: count)) { index in
            let outcome = Result { try work(index) }
            failures.count.withLock { failed in
                if case .failure = outcome { failed += 1 }
                report(index, outcome)
            }
        }
        return failures.count.withLock { $0 }
    }

    /// The count of failed items, which is also the lock that keeps reports one at a time.
    private final class Failures: Sendable {
        let count = Mutex(0)
    }
}
