import Foundation
import Synchronization

extension Registrar {
    /// How a `register` run went: how many files ended in each status.
    public struct Summary: Sendable, Equatable {
        public var registered = 0
        public var known = 0
        public var failed = 0
        public var skipped = 0
        public var total: Int { registered + known + failed + skipped }

        mutating func add(_ status: Outcome.Status) {
            switch status {
            case .registered: registered += 1
            case .known: known += 1
            case .error: failed += 1
            case .skipped: skipped += 1
            }
        }
    }

    /// A summary counted from the reports of several threads.
    final class Tally: Sendable {
        private let summary = Mutex(Summary())
        func add(_ status: Outcome.Status) { summary.withLock { $0.add(status) } }
        var current: Summary { summary.withLock { $0 } }
    }
}
