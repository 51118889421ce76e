import Foundation

/// A value shared by threads of which some must sleep until another changes it: the lock and the condition to wait
/// on, held together with the value they guard.
///
/// `Mutex` (the standard library's `Synchronization`) is footage's lock wherever nobody waits; it cannot wait. This is
/// the one wrapper for the places that do (the media worker pool, the keyframe writer's hand-over). Every change wakes
/// every waiter, which checks its condition again, so no change can be missed by signalling the wrong thread.
///
/// `@unchecked Sendable`: the value is reached only under the lock. Non-`Sendable` values a body hands out (a worker,
/// a picture) are the caller's to keep to one thread, as with any lock.
public final class Monitor<Value>: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: Value

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` on the value under the lock, then wakes the threads waiting for a change.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        return try body(&value)
    }

    /// Sleeps until `ready` holds of the value, then runs `body` on it under the lock and wakes the other waiters.
    public func withLock<Result>(when ready: (Value) -> Bool, _ body: (inout Value) throws -> Result) rethrows
        -> Result
    {
        condition.lock()
        defer {
            condition.broadcast()
            condition.unlock()
        }
        while !ready(value) { condition.wait() }
        return try body(&value)
    }
}
