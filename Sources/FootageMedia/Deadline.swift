#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A point on the monotonic clock after which long work (decoding a whole clip) gives up.
///
/// `FormatContext` bounds reading with its interrupt callback; decoding and encoding happen outside it, so
/// their loops ask a `Deadline` too.
struct Deadline: Sendable {
    private let endNanoseconds: UInt64
    /// The budget it was made with, for messages.
    let seconds: Double

    init(after seconds: Double) {
        self.seconds = seconds
        let budget = seconds.isFinite ? UInt64(max(0, min(seconds, 1e9)) * 1e9) : UInt64.max / 2
        endNanoseconds = Self.now() &+ budget
    }

    var hasPassed: Bool { Self.now() >= endNanoseconds }

    /// Seconds left, at least zero.
    var remaining: Double {
        let now = Self.now()
        return now >= endNanoseconds ? 0 : Double(endNanoseconds - now) / 1e9
    }

    /// Throws `timedOut` once the deadline has passed.
    func check(path: String, _ operation: String) throws {
        if hasPassed {
            throw MediaError(
                .timedOut, path: path, reason: "more than \(seconds.formatted(significantDigits: 3)) s \(operation)")
        }
    }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
