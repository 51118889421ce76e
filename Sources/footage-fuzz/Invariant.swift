import Foundation

/// Promises the parsers make, checked on every fuzzed input. A broken one stops the process (libFuzzer then
/// keeps the input), with a message that says which promise.
enum Invariant {
    static func check(_ condition: Bool, _ promise: @autoclosure () -> String) {
        if !condition { fatalError("broken promise: \(promise())") }
    }

    /// Offsets are Unicode scalar offsets: `Array(text.unicodeScalars)[start..<end]` is each piece's text.
    static func spans(_ pieces: [(text: String, start: Int, end: Int)], of text: String, _ what: String) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for piece in pieces {
            check(
                piece.start >= previousEnd && piece.start < piece.end && piece.end <= scalars.count,
                "\(what) span \(piece.start)..<\(piece.end) lies inside the text, in order")
            let slice = String(String.UnicodeScalarView(scalars[piece.start..<piece.end]))
            check(slice == piece.text, "\(what) text equals its span \(piece.start)..<\(piece.end)")
            previousEnd = piece.end
        }
    }

    static func location(_ latitude: Double, _ longitude: Double, _ altitude: Double?, _ text: String) {
        check((-90...90).contains(latitude) && (-180...180).contains(longitude), "\(text): coordinates in range")
        check(altitude.map(\.isFinite) ?? true, "\(text): altitude finite")
    }

    /// `2017-06-21T14:05:09Z`, optionally with a fraction of a second.
    static func isUTCTimestamp(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/) != nil
    }

    static func isDate(_ text: String) -> Bool {
        text.wholeMatch(of: /\d{4}-\d\d-\d\d/) != nil
    }
}
