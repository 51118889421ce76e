import FootageCore
import FootageTestSupport
import Foundation

@testable import FootageCatalog
@testable import FootageKit

/// A small catalogue made from records (no FFmpeg): two clips, one with hostile text in every field that comes from
/// a file, keyframe images (one missing, one changed after extraction), an article with three claims (one linked to
/// each clip, one without evidence) and an assessment.
struct ReportFixture {
    static let hostileTitle = "<script>alert(1)</script>"
    static let hostileAttribute = "\"><img src=x onerror=alert(1)>"
    static let awkwardTitle = "Release, \"final\"\ncut, 2016"

    let catalog: Catalog
    let root: URL
    let hostile: ClipRecord
    let plain: ClipRecord
    let article: ArticleRecord
    let claims: [ClaimRecord]

    /// Keyframe image bytes: a tiny JPEG-looking blob per index.
    static func image(_ index: Int) -> Data { Data([0xff, 0xd8, 0xff, 0xe0, UInt8(index), 0x10, 0x20, 0xff, 0xd9]) }

    static func make(at root: URL, withArticle: Bool = true) throws -> ReportFixture {
        let catalog = try Catalog.create(at: root)
        var first = NewClip(sha256: String(repeating: "a1", count: 32), size: 2_000_000, probeJson: "{}")
        first.title = hostileTitle
        first.duration = 30
        first.width = 1280
        first.height = 720
        first.videoCodec = "h264"
        first.warnings =
            JSONValue.array([.string("re-encoded by a platform: encoder Lavf58 \(hostileAttribute)")]).canonicalText
        var acquisition = NewAcquisition()
        acquisition.publisher = "Ministry \(hostileAttribute)"
        acquisition.platform = "YouTube"
        acquisition.url = "javascript:alert(1)"
        acquisition.platformTitle = hostileAttribute
        acquisition.platformUploadTime = "2016-07-01T10:00:00Z"
        acquisition.note = "<b>bold</b> & 'quoted'"
        var stream = StreamRecord(streamIndex: 0)
        stream.codecType = "video"
        stream.codecName = "h264"
        stream.width = 1280
        stream.height = 720
        let hostileResult = try catalog.register(
            ClipRegistration(
                clip: first, streams: [stream], tags: [NewTag(scope: "format", key: "title", value: hostileTitle)],
                locations: [(path: "/evidence/\(hostileAttribute).mp4", kind: .original)], acquisition: acquisition,
                details: ["footage_version": "test"]), actor: "analyst <1>")
        var second = NewClip(sha256: String(repeating: "b2", count: 32), size: 500_000, probeJson: "{}")
        second.title = awkwardTitle
        second.duration = 20
        var secondAcquisition = NewAcquisition()
        secondAcquisition.publisher = "Pentagon"
        secondAcquisition.url = "https://example.org/video?a=1&b=\"2\""
        let plainResult = try catalog.register(
            ClipRegistration(
                clip: second, streams: [], tags: [], locations: [(path: "/evidence/release.webm", kind: .original)],
                acquisition: secondAcquisition, details: ["footage_version": "test"]), actor: "analyst-2")
        let hostile = try catalog.clip(matching: hostileResult.sha256)
        let plain = try catalog.clip(matching: plainResult.sha256)

        // Keyframes at 3, 5, 8 and 20 s: the one at 5 s is never written (missing), the one at 8 s is changed.
        let folder = "Catalog/keyframes/\(hostile.sha256.prefix(12))"
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        var frames: [NewKeyframe] = []
        for (index, time) in [3.0, 5.0, 8.0, 20.0].enumerated() {
            let path = "\(folder)/frame-\(index).jpg"
            let bytes = image(index)
            frames.append(
                NewKeyframe(
                    idx: index + 1, pts: Int64(time * 1000), timeBase: "1/1000", time: time,
                    width: 160, height: 90, path: path, sha256: Hashing.sha256Hex(bytes),
                    pdq: String(repeating: "f0", count: 32), quality: 90))
            if time == 5 { continue }
            try (time == 8 ? Data("changed".utf8) : bytes).write(to: root.appendingPathComponent(path))
        }
        var extraction = NewExtraction(clipId: hostile.id, mode: .key, params: #"{"mode":"key"}"#, folder: folder)
        extraction.sheetPath = "\(folder)/sheet.jpg"
        extraction.sheetSha256 = Hashing.sha256Hex(image(9))
        try image(9).write(to: root.appendingPathComponent("\(folder)/sheet.jpg"))
        _ = try catalog.record(
            extraction, keyframes: frames, sha256: hostile.sha256, actor: "analyst <1>", details: [:])

        guard withArticle else {
            return ReportFixture(
                catalog: catalog, root: root, hostile: hostile, plain: plain,
                article: ArticleRecord(
                    id: 0,
                    fields: NewArticle(
                        sha256: "", format: "", headline: "",
                        body: "")),
                claims: [])
        }
        var article = NewArticle(
            sha256: String(repeating: "c3", count: 32), format: "markdown",
            headline: "Convoy \(hostileTitle) struck", body: "Body.")
        article.outlet = "Example <Wire>"
        article.url = "https://example.org/news?id=1&x=<y>"
        article.published = "2016-07-01"
        article.author = hostileAttribute
        let texts = [
            "The ministry posted a video \(hostileTitle).", "The Pentagon released footage, \"final\".",
            "Scores of vehicles were destroyed.",
        ]
        let stored = try catalog.add(
            article: article,
            claims: texts.map {
                NewClaim(
                    text: $0, start: nil, end: nil, kinds: ["footage"], attribution: hostileAttribute,
                    details: .object([:]), origin: .extracted)
            }, actor: "analyst <1>")
        _ = try catalog.link(
            claimId: stored.claims[0].id, clip: hostile, start: 2, end: 12, stance: .supports,
            confidence: .high, note: "convoy visible \(hostileAttribute)", actor: "analyst <1>")
        _ = try catalog.link(
            claimId: stored.claims[1].id, clip: plain, start: 0, end: 20, stance: .contradicts,
            confidence: .medium, note: nil, actor: "analyst-2")
        _ = try catalog.assess(
            clip: hostile, category: .decontextualized, note: "older footage \(hostileTitle)",
            actor: "analyst <1>")
        return ReportFixture(
            catalog: catalog, root: root, hostile: hostile, plain: plain, article: stored.article,
            claims: stored.claims)
    }
}

/// Runs `body` with the fixture in a temporary folder that is removed afterwards.
func withReportFixture<T>(withArticle: Bool = true, _ body: (ReportFixture) throws -> T) throws -> T {
    try withTemporaryFolder { root in try body(try ReportFixture.make(at: root, withArticle: withArticle)) }
}
