import Foundation
import Synchronization

/// Runs work items on up to `jobs` threads. Items are handed out one at a time, so a slow file does not hold up
/// a whole share of the batch.
///
/// Plain threads rather than `DispatchQueue.concurrentPerform`: on Linux, called from the main thread of a
/// command-line process, that ran every iteration on the calling thread (seen with `ps -L`: one thread, one core).
public enum Parallel {
    public static func forEach(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let queue = WorkQueue(count: count)
        let workers = max(1, min(jobs, count))
        let done = DispatchSemaphore(value: 0)
        for _ in 1..<workers {
            let thread = Thread {
                while let index = queue.next() { body(index) }
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        while let index = queue.next() { body(index) }
        for _ in 1..<workers { done.wait() }
    }

    /// `forEach` that keeps each item's result, in item order.
    public static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let results = Results<T>(count: count)
        forEach(count, jobs: jobs) { index in results.set(index, body(index)) }
        return results.values
    }
}

/// Results filled in by worker threads, one slot per item.
private final class Results<T: Sendable>: Sendable {
    private let slots: Mutex<[T?]>
    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }
    func set(_ index: Int, _ value: T) { slots.withLock { $0[index] = value } }
    var values: [T] { slots.withLock { $0.map { $0! } } }
}

/// Hands out indices 0..<count to worker threads.
public final class WorkQueue: Sendable {
    private let nextIndex = Mutex(0)
    private let count: Int
    public init(count: Int) { self.count = count }
    public func next() -> Int? {
        nextIndex.withLock { next in
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }
}
