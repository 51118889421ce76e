import FootageTestSupport
import Foundation
import Testing

/// `footage title REF TEXT`: a title of the analyst's, recorded as a `clip.title` event, shown by `show`, `list` and
/// the report, kept as typed (markup included) and escaped where shown; bad input changes nothing.
@Suite struct TitleEndToEndTests {
    var ministry: String { FootageBinary.samples.appendingPathComponent("ministry-upload.mp4").path }

    private func registered(_ footage: FootageBinary) throws {
        let result = try footage.run(["register", ministry, "--no-fingerprint", "--by", "analyst-1"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    private func ledgerLength(_ footage: FootageBinary) throws -> Int {
        try footage.run(["log", "--json"]).rows.count
    }

    @Test func aTitleIsRecordedShownAndVerified() throws {
        try withCatalogFolder { footage, _ in
            try registered(footage)
            let title = "Ministry upload <b>cut</b> & \"final\""
            let set = try footage.run(["title", ministry, title, "--json", "--by", "analyst-2"])
            #expect(set.status == 0, "\(set.stderr)")
            #expect(set.rows.first?["title"] as? String == title)
            #expect(set.rows.first?["created_by"] as? String == "analyst-2")

            let show = try footage.run(["show", ministry, "--json"])
            let titles = show.rows.first?["titles"] as? [[String: Any]]
            #expect(titles?.last?["title"] as? String == title)
            #expect(try footage.run(["show", ministry]).stdout.contains("given title    \(title)"))
            let list = try footage.run(["list", "clips", "--json"])
            #expect(list.rows.first?["given_title"] as? String == title)

            let export = try footage.run(["export", "--format", "json"])
            #expect(export.stdout.contains("\"created_by\": \"analyst-2\""), "the export carries the title's record")

            let log = try footage.run(["log", "--json"]).rows
            #expect(log.contains { $0["action"] as? String == "clip.title" })
            #expect(try footage.run(["verify", "--ledger-only"]).status == 0)
        }
    }

    @Test func anEmptyOrMultiLineTitleOrAnUnknownClipChangesNothing() throws {
        try withCatalogFolder { footage, _ in
            try registered(footage)
            let before = try ledgerLength(footage)
            let cases: [([String], String)] = [
                (["title", ministry, ""], "the title is empty"),
                (["title", ministry, "   "], "the title is empty"),
                (["title", ministry, "first line\nsecond line"], "on one line"),
                (["title", ministry, String(repeating: "x", count: 301)], "too long"),
                (["title", "ffffffffffff", "A title"], "ffffffffffff"),
            ]
            for (arguments, message) in cases {
                let result = try footage.run(arguments)
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
            #expect(try ledgerLength(footage) == before)
            let titles = try footage.run(["show", ministry, "--json"]).rows.first?["titles"] as? [Any]
            #expect(titles?.isEmpty == true)
        }
    }

    @Test func aTitleEditedBehindFootagesBackIsNamedByVerify() throws {
        try withCatalogFolder { footage, root in
            try registered(footage)
            #expect(try footage.run(["title", ministry, "Ministry upload"]).status == 0)
            let edit = try CatalogueInvariants.sqlite(root, "UPDATE clip_title SET title = 'Something else'")
            #expect(edit.status == 0, "\(edit.stderr)")
            let verify = try footage.run(["verify", "--ledger-only"])
            #expect(verify.status == 1)
            #expect(verify.stdout.contains("clip_title 1"), "\(verify.stdout)")
            #expect(verify.stdout.contains("Something else"), "the replay names the value: \(verify.stdout)")
        }
    }
}
