import FootageCatalog
import Foundation

/// Turns a row (any `Encodable` value; the row types in this folder) into JSON: the one way footage writes a
/// `--json` line, and the way the HTTP workspace writes a response body, so both say the same thing the same way.
///
/// The text is `JSONValue`'s canonical form: keys sorted by their UTF-8 bytes, no white space, integers without a
/// fraction. A value that is absent (nil) is left out, key and all, as Swift's synthesised `Encodable` does with
/// any encoder; a list is always written, empty or not.
public enum JSONRow {
    /// The row as a JSON value.
    public static func value(_ row: some Encodable) -> JSONValue {
        do {
            return try JSONValueEncoder.value(of: row)
        } catch {
            // The encoder itself never throws, and no row type throws from `encode(to:)`: a row that does is a bug
            // in the row, not something the user can act on.
            preconditionFailure("\(type(of: row)) cannot be encoded: \(error)")
        }
    }

    /// The row as one line of JSON Lines (without the line feed).
    public static func line(_ row: some Encodable) -> String {
        value(row).canonicalText
    }
}
