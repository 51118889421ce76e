import FootageCore
import FootageTestSupport
import Foundation

@testable import FootageCatalog
@testable import FootageKit

/// The report fixture with matches: its two clips share footage (the second starts 8 s into the first, mirrored),
/// and a third clip, in no article, shares footage with the second (it starts 3 s before it).
struct SameFootageFixture {
    /// A title a spreadsheet would run, and markup, on the clip outside the article.
    static let outsideTitle = "=HYPERLINK(\"http://example.invalid\")<b>x</b>"

    let base: ReportFixture
    let outside: ClipRecord

    static func make(at root: URL) throws -> SameFootageFixture {
        let base = try ReportFixture.make(at: root)
        var clip = NewClip(sha256: String(repeating: "d4", count: 32), size: 100_000, probeJson: "{}")
        clip.title = outsideTitle
        clip.duration = 25
        let registered = try base.catalog.register(
            ClipRegistration(
                clip: clip, streams: [], tags: [], locations: [(path: "/evidence/repost.mp4", kind: .original)],
                acquisition: nil, details: ["footage_version": "test"]), actor: "analyst-2")
        let outside = try base.catalog.clip(matching: registered.sha256)
        let rule: JSONValue = ["sampling_interval": 1, "minimum_share": 0.3]
        _ = try base.catalog.record(
            NewMatch(
                clipA: base.hostile.id, clipB: base.plain.id, shareA: 0.47, shareB: 0.7, offset: -8, transform: .flipY,
                segments: [["a_start": 8, "a_end": 22, "b_start": 0, "b_end": 14]], matchedFrames: 14,
                meanDistance: 6.5, rule: rule), actor: "analyst <1>")
        _ = try base.catalog.record(
            NewMatch(
                clipA: base.plain.id, clipB: outside.id, shareA: 0.9, shareB: 0.72, offset: 3, transform: nil,
                segments: [["a_start": 0, "a_end": 17, "b_start": 3, "b_end": 20]], matchedFrames: 18,
                meanDistance: 4, rule: rule), actor: "analyst-2")
        return SameFootageFixture(base: base, outside: outside)
    }
}

/// Runs `body` with the fixture in a temporary folder that is removed afterwards.
func withSameFootageFixture<T>(_ body: (SameFootageFixture) throws -> T) throws -> T {
    try withTemporaryFolder { root in try body(try SameFootageFixture.make(at: root)) }
}
