import Dispatch

/// `(0..<count).map(transform)` with the elements computed in parallel on all cores.
///
/// Each iteration writes only its own slot, so the slots need no lock; the unchecked `Sendable` of the storage
/// rests on that, and on `concurrentPerform` returning only after every iteration has finished.
func concurrentMap<T: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> T) -> [T] {
    let slots = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { slots.store(transform($0), at: $0) }
    return slots.values
}

private final class ResultSlots<T>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    func store(_ value: T, at index: Int) { pointer[index] = value }

    var values: [T] { (0..<count).map { pointer[$0]! } }
}
