import ArgumentParser
import Foundation

/// Dates given on the command line: `YYYY-MM-DD`, or ISO 8601 date-time with a zone.
enum DateText {
    static func isDate(_ text: String) -> Bool {
        let chars = Array(text)
        if chars.count == 10 {
            return (try? Date.ISO8601FormatStyle().year().month().day().parse(text)) != nil
        }
        return (try? Date.ISO8601FormatStyle().parse(text)) != nil
            || (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text)) != nil
    }

    /// Refuses an option's value that is not such a date, naming the option.
    static func check(_ option: String, _ value: String?) throws {
        if let value, !isDate(value) {
            throw ValidationError("\(option) takes a date like 2016-07-01 or 2016-07-01T14:05:00Z, not '\(value)'")
        }
    }
}
