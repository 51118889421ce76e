#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What tells one state of an open file from another: device and inode (which file), size, and the modification
/// and status-change times, read from the descriptor with `fstat`.
///
/// The status-change time (`st_ctime`) is what makes this hold: any write, truncation or change of the file's times
/// sets it to the current time, and no system call sets it to a value of the caller's choosing. So a rewrite of the
/// same size whose modification time is put back with `utime` or `touch -d` still changes the identity; size and
/// modification time alone did not (https://man7.org/linux/man-pages/man7/inode.7.html, "Last status change
/// timestamp").
///
/// Where it stops: the kernel stamps changes with a clock that advances in ticks of a few milliseconds, so a change
/// made in the same tick as the one before it could leave `st_ctime` as it was. `MediaFile` therefore takes a file's
/// identity only once the clock has moved past its `st_ctime` (`settled(_:)`): a later change then gets a later
/// time. A clock set back by the administrator, or a writer that mapped the file before it was opened and keeps
/// writing to pages it has already dirtied, is not noticed.
public struct FileIdentity: Sendable, Codable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modified: Timestamp
    public var statusChanged: Timestamp

    /// Seconds and nanoseconds since the epoch, as the kernel keeps them.
    public struct Timestamp: Sendable, Codable, Equatable, Comparable {
        public var seconds: Int
        public var nanoseconds: Int

        public init(seconds: Int, nanoseconds: Int) {
            self.seconds = seconds
            self.nanoseconds = nanoseconds
        }

        public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
            (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
        }

        /// Nanoseconds from `other` to this time (negative when this is earlier), saturating at the extremes.
        func nanoseconds(since other: Timestamp) -> Int {
            let difference = self.seconds.subtractingReportingOverflow(other.seconds)
            guard !difference.overflow, abs(difference.partialValue) < 1_000_000 else {
                return self < other ? Int.min : Int.max
            }
            return difference.partialValue * 1_000_000_000 + (nanoseconds - other.nanoseconds)
        }

        init(_ time: timespec) {
            seconds = Int(time.tv_sec)
            nanoseconds = Int(time.tv_nsec)
        }
    }

    public init(device: UInt64, inode: UInt64, size: Int64, modified: Timestamp, statusChanged: Timestamp) {
        (self.device, self.inode, self.size) = (device, inode, size)
        (self.modified, self.statusChanged) = (modified, statusChanged)
    }

    init(_ info: stat) {
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        self.modified = Timestamp(modified)
        statusChanged = Timestamp(changed)
    }

    /// The status of `descriptor`, read again until the coarse clock the kernel stamps changes with has passed its
    /// status-change time, so that any change after this returns shows in `st_ctime`. Waits only for a file changed
    /// within the last tick (one just written), a millisecond at a time and 25 at most. A status-change time more
    /// than 20 ms ahead of the clock is not waited for: it comes from another clock (a file server's) or a clock set
    /// back, and a change stamped by this one now would differ from it anyway.
    static func settled(_ descriptor: Int32) -> stat? {
        var info = stat()
        for _ in 0..<25 {
            guard fstat(descriptor, &info) == 0 else { return nil }
            let ahead = FileIdentity(info).statusChanged.nanoseconds(since: now())
            if ahead < 0 || ahead > 20_000_000 { return info }
            usleep(1000)
        }
        return fstat(descriptor, &info) == 0 ? info : nil
    }

    /// The clock the kernel stamps file changes with (`current_time`, a coarse-grained real-time clock).
    private static func now() -> Timestamp {
        var time = timespec()
        #if canImport(Glibc)
            clock_gettime(CLOCK_REALTIME_COARSE, &time)
        #else
            clock_gettime(CLOCK_REALTIME, &time)
        #endif
        return Timestamp(time)
    }
}
