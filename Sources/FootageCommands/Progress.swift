import Foundation
import Synchronization

/// A one-line count of finished items on stderr, only when stderr is a terminal (never in pipes, logs or tests).
final class Progress: Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    /// Items done, and whether a line is on the screen.
    private let state = Mutex((done: 0, shown: false))

    /// Counts one more item done and shows the count.
    func step() {
        guard enabled else { return }
        state.withLock { state in
            state.done += 1
            FileHandle.standardError.write(Data("\r\u{1B}[K\(state.done) done".utf8))
            state.shown = true
        }
    }

    /// Takes the line off the screen, before other output.
    func clear() {
        guard enabled else { return }
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.shown = false
        }
    }
}
