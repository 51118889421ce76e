import FootageMedia

/// Media work under way: sent to a worker (or, in process, still to run) and not yet answered.
///
/// `register` starts the next file's inspection before it records the file it has just inspected, so that the
/// worker hashes and probes while this process writes to the catalogue: the answer waits in the pipe instead of the
/// worker waiting for its next request (`Registrar.register`).
public final class PendingTask: @unchecked Sendable {
    /// A request a worker has received.
    struct Sent {
        let worker: WorkerProcess
        let path: String
        /// CPU seconds allowed and wall seconds waited for, to explain a worker stopped at either limit.
        let cpu: Double
        let wallLimit: Double
        let settings: MediaRunner.WorkerSettings
    }

    enum State {
        case sent(Sent)
        case inProcess(MediaTask)
        /// The request could not be sent (no worker started, or it died first).
        case failed(any Error)
    }

    private let state: State

    init(_ state: State) {
        self.state = state
    }

    /// Waits for the answer; throws the work's error, or why the worker failed.
    func finish() throws -> MediaTaskResult {
        let result: MediaTaskResult
        switch state {
        case .sent(let sent): result = try MediaRunner.receive(sent)
        case .inProcess(let task):
            do { result = try task.run() } catch { result = MediaTaskResult(error: error) }
        case .failed(let error): throw error
        }
        if let error = result.error { throw error }
        return result
    }

    /// `finish` for an inspection.
    public func inspection() throws -> MediaInspection {
        guard case .inspection(let value) = try finish() else { throw MediaRunner.unexpected(path) }
        return value
    }

    private var path: String {
        switch state {
        case .sent(let sent): sent.path
        case .inProcess(let task): task.path
        case .failed: ""
        }
    }
}
