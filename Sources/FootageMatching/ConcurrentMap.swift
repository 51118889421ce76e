import FootageCore
import Foundation

/// `(0..<count).map(transform)` with the elements computed in parallel on all cores (`Parallel.map`; plain threads,
/// since `DispatchQueue.concurrentPerform` ran serially from the main thread of this tool on Linux).
func concurrentMap<T: Sendable>(_ count: Int, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
    Parallel.map(count, jobs: ProcessInfo.processInfo.activeProcessorCount, transform)
}
