import FootageCore

/// How times appear on contact sheets and in keyframe file names.
enum Timecode {
    /// `M:SS.mmm` below an hour, `H:MM:SS.mmm` from an hour on; negative times are shown as 0.
    static func label(_ seconds: Double) -> String {
        let milliseconds = Self.milliseconds(seconds)
        let (hours, rest) = milliseconds.quotientAndRemainder(dividingBy: 3_600_000)
        let (minutes, rest2) = rest.quotientAndRemainder(dividingBy: 60_000)
        let (wholeSeconds, millis) = rest2.quotientAndRemainder(dividingBy: 1000)
        let tail = "\(wholeSeconds.zeroPadded(2)).\(millis.zeroPadded(3))"
        return hours > 0 ? "\(hours):\(minutes.zeroPadded(2)):\(tail)" : "\(minutes):\(tail)"
    }

    /// `000012.345`: seconds with six integer digits and milliseconds, so names sort by time. Built from
    /// digits only, so a file name can never carry anything a file's metadata said.
    static func fileStem(_ seconds: Double) -> String {
        let milliseconds = Self.milliseconds(seconds)
        let (whole, millis) = milliseconds.quotientAndRemainder(dividingBy: 1000)
        return "\(whole.zeroPadded(6)).\(millis.zeroPadded(3))"
    }

    /// Whole milliseconds, clamped to 0…about 31 years (no overflow whatever a file's timestamps say).
    private static func milliseconds(_ seconds: Double) -> Int64 {
        guard seconds.isFinite else { return 0 }
        return Int64((min(max(0, seconds), 999_999_999) * 1000).rounded())
    }
}
