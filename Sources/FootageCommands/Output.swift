import FootageCore
import FootageKit
import Foundation

/// Printing for people and for programs. Text from files (tags, titles, sidecars) is made safe for terminals:
/// control characters, including escape sequences that could rewrite the screen, are shown as `\u{…}`.
enum Output {
    static func line(_ text: String) {
        write(text + "\n", to: 1)
    }

    static func error(_ text: String) {
        write(text + "\n", to: 2)
    }

    /// Writes all of `text`. The process ignores SIGPIPE (a media worker that dies must not take it along), so a
    /// reader that went away (`footage list | head`) shows up here as EPIPE: end the way SIGPIPE would have, quietly.
    private static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes {
                Foundation.write(fd, $0.baseAddress! + offset, $0.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && errno == EPIPE {
                signal(SIGPIPE, SIG_DFL)
                raise(SIGPIPE)
            }
            if written <= 0 { return }
            offset += written
        }
    }

    /// One JSON Lines row (see `JSONRow`: keys sorted, absent values left out), so output is stable.
    static func row(_ row: some Encodable) {
        line(JSONRow.line(row))
    }

    /// Untrusted text, safe to print on a terminal (see `TerminalText`).
    static func safe(_ text: String?) -> String {
        text.map(TerminalText.safe) ?? ""
    }

    /// `1:02:03.5`, `2:03.0`, `0:07.3`.
    static func duration(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "-" }
        let tenths = Int((seconds * 10).rounded())
        let h = tenths / 36000, m = (tenths / 600) % 60, s = (tenths / 10) % 60, t = tenths % 10
        return h > 0 ? String(format: "%d:%02d:%02d.%d", h, m, s, t) : String(format: "%d:%02d.%d", m, s, t)
    }

    static func short(_ sha256: String) -> String { String(sha256.prefix(12)) }

    static func bytes(_ count: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(count)
        var unit = 0
        while value >= 1000 && unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// Columns padded to their widest cell.
    static func table(_ header: [String], _ rows: [[String]]) {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        for row in all {
            let cells = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }
            line(cells.joined(separator: "  "))
        }
    }
}
