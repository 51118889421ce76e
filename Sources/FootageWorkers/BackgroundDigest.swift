import FootageMedia
import Foundation

/// A file's SHA-256 computed on a thread of its own, through the file's descriptor (`FileHasher`), for whoever
/// asks for it later: the footage process hashes a file while a worker probes the same descriptor.
final class BackgroundDigest: @unchecked Sendable {
    private var outcome: Result<FileDigest, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ file: MediaFile) {
        let thread = Thread { [self] in
            outcome = Result { try FileHasher.sha256(file: file) }
            done.signal()
        }
        thread.start()
    }

    /// The digest or the error hashing threw, once the thread is done (the semaphore orders its write before this
    /// read).
    var result: Result<FileDigest, any Error> {
        done.wait()
        done.signal()
        return outcome!
    }
}
