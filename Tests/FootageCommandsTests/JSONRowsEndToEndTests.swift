import FootageTestSupport
import Foundation
import Testing

/// What `--json` rows and errors look like through the built binary.
@Suite(.serialized) struct JSONRowsEndToEndTests {
    let samples = FootageBinary.samples
    var article: String { Repository.exampleArticle.path }

    /// An id that names nothing, or a path that names several clips, is reported as what it is: never as "no clip"
    /// for an article id, nor as a file outside the catalogue for a registered path.
    @Test func theRealErrorReachesTheUser() throws {
        try withCatalogFolder { footage, root throws in
            let path = root.appendingPathComponent("release.mp4")
            for sample in ["ministry-upload.mp4", "checkpoint-cctv.ts"] {
                try? FileManager.default.removeItem(at: path)
                try FileManager.default.copyItem(at: samples.appendingPathComponent(sample), to: path)
                #expect(try footage.run(["register", path.path, "--no-fingerprint"]).status == 0)
            }
            for command in [["keyframes", path.path], ["log", "--subject", path.path], ["xref", path.path]] {
                let result = try footage.run(command + ["--json"])
                #expect(result.status == 1)
                #expect(result.stderr.contains("held different bytes"), "\(command): \(result.stderr)")
            }
            let article = try footage.run(["xref", "A9"])
            #expect(article.status == 1 && article.stderr.contains("A9: no such article"), "\(article.stderr)")
            let claim = try footage.run(["xref", "C9"])
            #expect(claim.status == 1 && claim.stderr.contains("C9: no such claim"), "\(claim.stderr)")
        }
    }

    /// `log`, `show` and `xref CLAIM` print a ledger event with the same fields: all that its hash covers.
    @Test func aLedgerEventHasTheSameFieldsWhereverItIsShown() throws {
        try withCatalogFolder { footage, _ throws in
            let ministry = samples.appendingPathComponent("ministry-upload.mp4").path
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            #expect(try footage.run(["article", "add", article]).status == 0)
            #expect(try footage.run(["link", "C2", ministry, "--stance", "supports"]).status == 0)
            let fields = ["action", "actor", "hash", "payload", "prev_hash", "seq", "subject", "time"]
            let log = try footage.run(["log", "--json"]).rows
            let show = try #require(try footage.run(["show", ministry, "--json"]).rows.first)
            let chain = try #require(try footage.run(["xref", "C2", "--json"]).rows.first)
            let embedded = (show["events"] as? [[String: Any]] ?? []) + (chain["events"] as? [[String: Any]] ?? [])
            for event in log + embedded {
                #expect(event.keys.sorted() == fields)
            }
            #expect((chain["events"] as? [Any])?.count == 2)
            // An absent value is left out: the claim was linked without a note.
            let link = try #require((chain["evidence"] as? [[String: Any]])?.first)
            #expect(link["note"] == nil && link["id"] as? String == "L1")
        }
    }
}
