import Foundation
import Synchronization
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// The workflows the commands call: what they resolve, and that a real error reaches the caller as itself.
@Suite struct WorkflowTests {
    @Test func anArticleOrClaimIdThatNamesNothingSaysSo() throws {
        try withReportFixture { fixture in
            for (text, expected) in [("A9", "A9: no such article"), ("c99", "c99: no such claim")] {
                #expect {
                    _ = try CatalogSubject.resolve(text, in: fixture.catalog)
                } throws: { error in
                    (error as? CatalogError)?.description.hasPrefix(expected) == true
                }
            }
            guard case .claim(let claim) = try CatalogSubject.resolve("C2", in: fixture.catalog) else {
                Issue.record("C2 is not a claim")
                return
            }
            #expect(claim.id == 2)
            guard case .clip = try CatalogSubject.resolve("a1a1a1", in: fixture.catalog) else {
                Issue.record("a1a1a1 is not a clip")
                return
            }
        }
    }

    @Test func aBatchReportsEveryItemOnceAndCountsTheFailures() {
        struct Odd: Error {}
        let seen = Mutex<[Int: Bool]>([:])
        let failed = Batch.run(20, jobs: 4) { index in
            if index % 2 == 1 { throw Odd() }
            return index
        } report: { index, outcome in
            seen.withLock { seen in
                #expect(seen[index] == nil)
                seen[index] = (try? outcome.get()) == index
            }
        }
        #expect(failed == 10)
        seen.withLock { seen in
            #expect(seen.count == 20)
            #expect(seen.filter(\.value).map(\.key).sorted() == Array(stride(from: 0, to: 20, by: 2)))
        }
    }

    /// A path registered twice with different bytes names no one clip: `keyframes` must say so, not go looking for a
    /// file of that name outside the catalogue.
    @Test func anAmbiguousClipIsAnErrorNotAFileToLookFor() throws {
        try withReportFixture { fixture in
            let path = fixture.root.appendingPathComponent("renamed.mp4").path
            try Data("bytes".utf8).write(to: URL(fileURLWithPath: path))
            for seed in ["d4", "e5"] {
                _ = try fixture.catalog.register(
                    ClipRegistration(
                        clip: NewClip(sha256: String(repeating: seed, count: 32), size: 5, probeJson: "{}"),
                        streams: [], tags: [], locations: [(path: path, kind: .original)], acquisition: nil,
                        details: [:]), actor: "analyst")
            }
            let errors = Mutex<[String: String]>([:])
            let options = KeyframeJob.Options(analyst: "analyst")
            let missing = fixture.root.appendingPathComponent("missing.mp4").path
            let failed = KeyframeBatch.run([path, missing], catalog: fixture.catalog, options: options, jobs: 2) {
                target, outcome in
                if case .failure(let error) = outcome { errors.withLock { $0[target] = "\(error)" } }
            }
            #expect(failed == 2)
            errors.withLock { errors in
                #expect(errors[path]?.contains("different bytes") == true, "\(errors)")
                #expect(errors[missing] == KeyframeBatch.Unresolved.nothing(missing).description)
            }
            #expect(throws: CatalogError.self) { try LedgerLog.events(fixture.catalog, subject: path) }
        }
    }
}
