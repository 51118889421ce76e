import Foundation

/// Times on the command line: seconds (`12.5`), `MM:SS(.mmm)` or `HH:MM:SS(.mmm)`.
public enum TimeText {
    /// The longest time read or shown: about 31,700 years, still exact to the millisecond in a `Double`. Times read
    /// from hostile files (a duration, a frame's timestamp) can be far larger, or infinite; they are shown as this.
    public static let maximumSeconds = 1e12

    /// Seconds, or nil when the text is not one of the accepted forms. Minutes and seconds past the first field
    /// must be below 60; at most millisecond precision is kept; times above `maximumSeconds` are refused.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 32 else { return nil }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0.0
        for (index, part) in parts.enumerated() {
            let last = index == parts.count - 1
            guard let value = number(part, fraction: last) else { return nil }
            if index > 0 && value >= 60 { return nil }
            total = total * 60 + value
        }
        let seconds = (total * 1000).rounded() / 1000
        return seconds <= maximumSeconds ? seconds : nil
    }

    /// Digits, with a decimal fraction only where allowed; no signs, exponents or spaces.
    private static func number(_ text: Substring, fraction: Bool) -> Double? {
        guard !text.isEmpty else { return nil }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= (fraction ? 2 : 1) else { return nil }
        guard pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        return Double(text)
    }

    /// `1:02:03.500` or `2:03.500`: the inverse of `seconds`, for display. Negative times and NaN show as 0, times
    /// above `maximumSeconds` (infinity too) as `maximumSeconds`.
    public static func format(_ seconds: Double) -> String {
        let millis = Int((min(max(0, seconds), maximumSeconds) * 1000).rounded())
        let h = millis / 3_600_000, m = (millis / 60_000) % 60, s = (millis / 1000) % 60, ms = millis % 1000
        return h > 0 ? String(format: "%d:%02d:%02d.%03d", h, m, s, ms) : String(format: "%d:%02d.%03d", m, s, ms)
    }
}
