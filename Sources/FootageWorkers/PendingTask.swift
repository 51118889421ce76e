import FootageMedia

/// Media work under way: sent to a worker (or, in process, still to run) and not yet answered, with the file it reads.
///
/// `register` starts the next file's probe before it records the file it has just inspected, so that the worker
/// probes while this process hashes and writes to the catalogue: the answer waits in the pipe instead of the worker
/// waiting for its next request (`Registrar.register`).
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
        case sent(Sent, MediaFile)
        case inProcess(MediaTask, MediaFile)
        /// The file could not be opened, or the request could not be sent (no worker started, or it died first).
        case failed(any Error)
    }

    private let state: State
    /// The file's SHA-256, being computed on a thread of its own while the worker probes (`inspection`).
    private let digest: BackgroundDigest?

    /// With `hashing`, the file starts being hashed at once, beside the work: `register` records the file before
    /// this one meanwhile, and the hash is not added to the time each file waits for (on 50 small files, hashing
    /// after recording made isolated `register` 4–5 % slower).
    init(_ state: State, hashing: Bool = false) {
        self.state = state
        if hashing, case .sent(_, let file) = state {
            digest = BackgroundDigest(file)
        } else if hashing, case .inProcess(_, let file) = state {
            digest = BackgroundDigest(file)
        } else {
            digest = nil
        }
    }

    /// The file the work reads, as this process opened it; nil when it could not be.
    private var file: MediaFile? {
        switch state {
        case .sent(_, let file), .inProcess(_, let file): file
        case .failed: nil
        }
    }

    /// Waits for the answer; throws the work's error, or why the worker failed. A file that changed since it was
    /// opened fails the work, whatever its answer: what it read may be other bytes than those opened (the worker
    /// checked too, but this is the check that covers everything up to now).
    func finish() throws -> MediaTaskResult {
        let result: MediaTaskResult
        switch state {
        case .sent(let sent, _): result = try MediaRunner.receive(sent)
        case .inProcess(let task, let file):
            do { result = try task.run(on: file) } catch { result = MediaTaskResult(error: error) }
        case .failed(let error): throw error
        }
        try file?.checkUnchanged()
        if let error = result.error { throw error }
        return result
    }

    /// `finish` for a probe, with the file hashed in this process while the worker probes it: the SHA-256 a clip is
    /// recorded under is computed here, never taken from a worker that a hostile file may have taken over. Both read
    /// the one descriptor; the inspection stands only if the file is unchanged at the end and every byte was hashed.
    public func inspection() throws -> (inspection: MediaInspection, file: MediaFile) {
        guard let file else {
            _ = try finish()
            throw MediaRunner.unexpected(path)
        }
        // The answer is collected even when hashing fails, so that the worker goes back to the pool.
        let digest = self.digest?.result ?? Result { try FileHasher.sha256(file: file) }
        guard case .probe(let probe, let credentials) = try finish() else { throw MediaRunner.unexpected(path) }
        return (try MediaInspection(file: file, digest: digest.get(), probe: probe, credentials: credentials), file)
    }

    private var path: String {
        switch state {
        case .sent(let sent, _): sent.path
        case .inProcess(let task, _): task.path
        case .failed: ""
        }
    }
}
