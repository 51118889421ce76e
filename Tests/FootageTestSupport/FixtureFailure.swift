/// Why a fixture could not be had: reference data missing or malformed, a tool not installed or failing. Thrown
/// rather than recorded with Swift Testing's macros, so that this target builds without the Testing module (a static
/// release build has none, and `make release` builds every target); the test that calls it fails with the message.
public struct FixtureFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// `value`, or a `FixtureFailure` saying what was missing.
func required<T>(_ value: T?, _ what: @autoclosure () -> String) throws -> T {
    guard let value else { throw FixtureFailure(what()) }
    return value
}
