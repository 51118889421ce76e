import FootageCore
import Foundation
import Testing

/// Threads that wait for one another through a `Monitor`, and `Parallel`'s work handed out under a `Mutex`.
struct MonitorTests {
    /// A hand-over with room for two, as the keyframe writer's: the consumer sleeps while nothing waits, the producer
    /// while two do. Every value arrives once, in order, and no more than two ever waited.
    @Test(.timeLimit(.minutes(1))) func aBoundedHandOverDeliversEveryValueInOrder() {
        struct HandOver {
            var waiting: [Int] = []
            var closed = false
            var mostWaiting = 0
        }
        let monitor = Monitor(HandOver())
        let received = Monitor([Int]())
        let done = DispatchSemaphore(value: 0)
        Thread {
            while let value = monitor.withLock(
                when: { !$0.waiting.isEmpty || $0.closed },
                { state in
                    state.waiting.isEmpty ? nil : state.waiting.removeFirst()
                })
            {
                received.withLock { $0.append(value) }
            }
            done.signal()
        }.start()
        for value in 0..<2_000 {
            let room: (HandOver) -> Bool = { $0.waiting.count < 2 }
            monitor.withLock(when: room) { state in
                state.waiting.append(value)
                state.mostWaiting = max(state.mostWaiting, state.waiting.count)
            }
        }
        monitor.withLock { $0.closed = true }
        done.wait()
        #expect(received.withLock { $0 } == Array(0..<2_000))
        #expect(monitor.withLock { $0.mostWaiting } <= 2)
    }

    @Test func parallelMapKeepsEachResultInItsPlace() {
        let squares = Parallel.map(500, jobs: 4) { $0 * $0 }
        #expect(squares == (0..<500).map { $0 * $0 })
    }
}
