import FootageCore
import FootageMedia
import Foundation

/// One piece of media work as it travels to a worker process: one message on the worker's stdin (`WireEncoder`),
/// with the descriptor of the file to read attached (`MessageFrames`). The path is for messages only: the work reads
/// the file the footage process opened, never the path again.
public enum MediaTask: Codable, Sendable {
    case probe(path: String)
    case keyframes(path: String, request: KeyframeRequest)
    case fingerprint(path: String, rate: Double, timeout: Double, threads: Int)

    var path: String {
        switch self {
        case .probe(let path), .keyframes(let path, _), .fingerprint(let path, _, _, _): path
        }
    }

    /// Runs the task on `file` in this process: what a worker does with it (on its duplicate of the descriptor the
    /// footage process sent), and what the in-process mode does directly. Each piece of work ends by checking that
    /// the file did not change while it was read.
    public func run(on file: MediaFile) throws -> MediaTaskResult {
        switch self {
        case .probe:
            let probe = try Probe.probe(file: file)
            // The manifest store is read with the probe, from the same descriptor: its container decides the format.
            return .probe(probe, ContentCredentialsReader.read(file: file, formatName: probe.format.formatName))
        case .keyframes(_, let request): return .keyframes(try KeyframeExtractor.extract(file: file, request: request))
        case .fingerprint(_, let rate, let timeout, let threads):
            return .fingerprint(
                try FingerprintSampler.sample(file: file, rate: rate, timeout: timeout, threads: threads))
        }
    }

    /// Seconds of wall time the task may take before its worker is stopped. The work has its own deadline inside
    /// FFmpeg's interrupt callback; this one is the backstop for a decoder stuck where that callback is not
    /// consulted, with a margin for the work around it (reading the file, writing images).
    func wallLimit(fileSize: Int64) -> Double {
        // Reading runs at hundreds of MB/s; 20 MB/s leaves room for a slow disk.
        let reading = Double(max(fileSize, 0)) / 20_000_000
        switch self {
        // A probe also validates any C2PA manifest, which hashes the file once more.
        case .probe: return InputOptions.probing.timeout + 30 + 2 * reading
        case .keyframes(_, let request): return request.timeout + 60 + reading
        case .fingerprint(_, _, let timeout, _): return timeout + 60 + reading
        }
    }
}

/// What a worker sends back: the result, or the error the work threw (one message on its stdout).
public enum MediaTaskResult: Codable, Sendable {
    case probe(ProbeResult, ContentCredentials)
    case keyframes(KeyframeExtraction)
    case fingerprint(FingerprintSampling)
    case mediaError(kind: MediaError.Kind, path: String, reason: String?, ffmpegCode: Int32?, errno: Int32?)
    case otherError(message: String)

    init(error: any Error) {
        if let error = error as? MediaError {
            self = .mediaError(
                kind: error.kind, path: error.path, reason: error.reason, ffmpegCode: error.ffmpegCode,
                errno: error.errno)
        } else {
            self = .otherError(message: "\(error)")
        }
    }

    /// The error the work threw, rethrown on this side, or nil for a result.
    var error: (any Error)? {
        switch self {
        case .mediaError(let kind, let path, let reason, let code, let errno):
            MediaError(kind, path: path, reason: reason, ffmpegCode: code, errno: errno)
        case .otherError(let message): WorkerFailure(message: message)
        default: nil
        }
    }
}

/// The first message a worker sends once FFmpeg is loaded: which libraries it decodes with, for the ledger, and its
/// process id (the parent of a forked worker did not start it, and checks it waits for and kills the right one).
struct WorkerHello: Codable, Sendable {
    var library: MediaLibraryInfo
    var pid: Int32
}

/// A task sent with its CPU-time allowance and what the file it reads was like when footage opened it (the descriptor
/// itself travels beside the message).
struct WorkerRequest: Codable, Sendable {
    var task: MediaTask
    /// CPU seconds (all threads together) the worker may spend on this task before the kernel stops it.
    var cpuSeconds: Double
    /// The file's identity when footage opened it: the worker refuses a file that changed before it took its copy
    /// of the descriptor, so that its own check at the end of the work covers all of the time since the opening.
    var identity: FileIdentity
}

/// An error a worker reported that is not a `MediaError` (a bug rather than a bad file).
public struct WorkerFailure: FootageError {
    let message: String
    public var description: String { message }
}

/// The FFmpeg libraries media work runs with, as recorded in ledger events.
public struct MediaLibraryInfo: Codable, Sendable, Equatable {
    /// FFmpeg's version string, e.g. "5.1.6-0+deb12u1".
    public var versionInfo: String
    public var versions: FFmpegLibrary.Versions

    /// The libraries as loaded in this process.
    static var here: MediaLibraryInfo {
        MediaLibraryInfo(versionInfo: FFmpegLibrary.versionInfo, versions: FFmpegLibrary.versions)
    }
}
