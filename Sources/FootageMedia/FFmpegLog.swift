import CFFmpeg
import Foundation
import Synchronization

/// Keeps FFmpeg quiet: its log lines never reach stderr (the command-line tool prints its own single line
/// per file). The last error-level message of each thread is kept, so a `MediaError` can say what FFmpeg
/// objected to ("moov atom not found").
///
/// See https://ffmpeg.org/doxygen/5.1/group__lavu__log.html (`av_log_set_callback`).
enum FFmpegLog {
    /// The last message of each thread, by thread.
    private static let messages = Mutex<[UInt: String]>([:])

    static func install() {
        av_log_set_callback { _, level, format, arguments in
            guard level <= AV_LOG_ERROR, let format, let arguments else { return }
            var buffer = [CChar](repeating: 0, count: 512)
            _ = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
            let message = String(nulTerminated: buffer).trimmingCharacters(in: .whitespacesAndNewlines)
            if !message.isEmpty { FFmpegLog.set(message) }
        }
    }

    /// Forgets this thread's last message; call before the FFmpeg calls whose failure you want explained.
    static func clear() { set(nil) }

    /// The last error-level message FFmpeg logged on this thread since `clear()`.
    static var lastError: String? {
        let key = thread
        return messages.withLock { $0[key] }
    }

    private static func set(_ message: String?) {
        let key = thread
        messages.withLock { $0[key] = message }
    }

    private static var thread: UInt {
        #if canImport(Darwin)
            UInt(bitPattern: pthread_self())
        #else
            UInt(pthread_self())
        #endif
    }
}
