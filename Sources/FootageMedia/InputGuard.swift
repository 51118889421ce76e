import CFFmpeg

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the C callbacks of one open input share: the monotonic deadline checked by FFmpeg's interrupt
/// callback and by our read callback, and the nested opens that FFmpeg attempted and we refused.
///
/// Passed to C as an unretained opaque pointer; the `FormatContext` that owns it outlives every callback.
final class InputGuard {
    private(set) var deadlineNanoseconds: UInt64
    /// Set once the deadline was found passed; FFmpeg calls then fail with AVERROR_EXIT.
    private(set) var deadlineExceeded = false
    /// URLs FFmpeg tried to open from inside the file (all refused).
    private(set) var nestedOpens: [String] = []
    /// The `errno` of the last failed read of the file, if any.
    var readErrno: Int32?

    init(timeout seconds: Double) {
        deadlineNanoseconds = 0
        setDeadline(after: seconds)
    }

    /// Moves the deadline to `seconds` from now (for example before decoding a long file).
    func setDeadline(after seconds: Double) {
        let budget = seconds.isFinite ? UInt64(max(0, seconds) * 1e9) : UInt64.max / 2
        deadlineNanoseconds = Self.now() &+ budget
        deadlineExceeded = false
    }

    /// True once the deadline has passed (and stays true until the deadline is moved).
    func checkDeadline() -> Bool {
        if !deadlineExceeded && Self.now() >= deadlineNanoseconds { deadlineExceeded = true }
        return deadlineExceeded
    }

    func recordNestedOpen(_ url: String) {
        if nestedOpens.count < 16 { nestedOpens.append(url) }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer) -> InputGuard {
        Unmanaged<InputGuard>.fromOpaque(opaque).takeUnretainedValue()
    }

    /// FFmpeg's interrupt callback: non-zero aborts the blocking operation.
    static let interruptCallback: @convention(c) (UnsafeMutableRawPointer?) -> Int32 = { opaque in
        guard let opaque else { return 1 }
        return InputGuard.from(opaque).checkDeadline() ? 1 : 0
    }

    /// FFmpeg's `io_open`: every attempt of a demuxer to open another file or URL is recorded and refused.
    static let refuseNestedOpen:
        @convention(c) (
            UnsafeMutablePointer<AVFormatContext>?, UnsafeMutablePointer<UnsafeMutablePointer<AVIOContext>?>?,
            UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<OpaquePointer?>?
        ) -> Int32 = { context, _, url, _, _ in
            if let opaque = context?.pointee.opaque {
                InputGuard.from(opaque).recordNestedOpen(url.map { String(cString: $0) } ?? "")
            }
            return cffmpeg_averror(EPERM)
        }
}
