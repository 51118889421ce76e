import FootageTestSupport
import Foundation
import Testing

/// Articles, claims, evidence links and cross-references through the built binary.
@Suite(.serialized) struct ArticleEndToEndTests {
    let samples = FootageBinary.samples
    let example = Repository.exampleArticle

    /// A catalogue with the ministry and Pentagon samples registered and the example article imported.
    func withArticle(_ body: (FootageBinary, URL, [[String: Any]]) throws -> Void) throws {
        try withCatalogFolder { footage, root throws in
            _ = try footage.run([
                "register", samples.appendingPathComponent("ministry-upload.mp4").path,
                "--source", "Iraqi Ministry of Defence", "--platform", "YouTube",
            ])
            _ = try footage.run([
                "register", samples.appendingPathComponent("pentagon-release.webm").path,
                "--source", "Pentagon", "--platform", "defense.gov",
            ])
            let added = try footage.run(["article", "add", example.path, "--json"])
            #expect(added.status == 0, "\(added.stderr)")
            try body(footage, root, added.rows)
        }
    }

    func claim(_ rows: [[String: Any]], containing text: String) -> String? {
        rows.first { ($0["text"] as? String)?.contains(text) == true }?["id"] as? String
    }

    @Test func importingSplitsTheArticleIntoClaimsWithKinds() throws {
        try withArticle { footage, _, rows in
            let article = try #require(rows.first)
            #expect(article["status"] as? String == "imported")
            #expect(article["outlet"] as? String == "Example Wire")
            #expect((article["sha256"] as? String)?.count == 64)
            let claims = Array(rows.dropFirst())
            #expect(claims.count >= 8)
            let tweet = try #require(claims.first { ($0["text"] as? String)?.contains("55 ISIL trucks") == true })
            #expect(Set(tweet["kinds"] as? [String] ?? []).isSuperset(of: ["attribution", "figure", "quote"]))
            #expect((tweet["attribution"] as? String)?.contains("Garver") == true)
            // The speaker's kind travels in the claim's details, under the key the ClaimReview export reads.
            #expect((tweet["details"] as? [String: Any])?["speaker_kind"] as? String == "person")
            let again = try footage.run(["article", "add", example.path, "--json"])
            #expect(again.rows.first?["status"] as? String == "known")
            #expect(try footage.run(["list", "articles", "--json"]).rows.count == 1)
        }
    }

    @Test func aLinkIsALedgerEventAndShowsInEveryCrossReference() throws {
        try withArticle { footage, _, rows in
            let upload = try #require(claim(rows, containing: "YouTube"))
            let mp4 = samples.appendingPathComponent("ministry-upload.mp4").path
            let link = try footage.run([
                "link", upload, mp4, "--stance", "supports", "--from", "0:02", "--to", "14.5",
                "--confidence", "high", "--note", "column of vehicles", "--by", "analyst-2", "--json",
            ])
            #expect(link.status == 0, "\(link.stderr)")
            let row = try #require(link.rows.first)
            #expect(row["start"] as? Double == 2 && row["end"] as? Double == 14.5)
            #expect((row["clip_sha256"] as? String)?.count == 64)

            let article = try footage.run(["xref", "A1", "--json"]).rows
            let linked = try #require(article.first { $0["id"] as? String == upload })
            #expect((linked["evidence"] as? [[String: Any]])?.first?["stance"] as? String == "supports")
            #expect(
                (linked["evidence"] as? [[String: Any]])?.first?["publisher"] as? String == "Iraqi Ministry of Defence")
            let pentagon = try #require(article.first { ($0["text"] as? String)?.contains("Pentagon") == true })
            #expect(pentagon["has_evidence"] as? Bool == false)
            #expect((pentagon["candidates"] as? [[String: Any]])?.isEmpty == false)

            let byClip = try footage.run(["xref", mp4, "--json"]).rows
            #expect(byClip.map { $0["claim"] as? String } == [upload])
            let chain = try #require(try footage.run(["xref", upload, "--json"]).rows.first)
            #expect(
                (chain["events"] as? [[String: Any]])?.map { $0["action"] as? String } == ["claim.add", "link.add"])
            #expect((chain["events"] as? [[String: Any]])?.last?["actor"] as? String == "analyst-2")
            #expect(try footage.run(["verify"]).status == 0)

            let unlink = try footage.run(["unlink", "L1", "--note", "wrong seconds"])
            #expect(unlink.status == 0)
            let after = try footage.run(["xref", upload, "--json"]).rows.first
            #expect(after?["has_evidence"] as? Bool == false)
            #expect((after?["evidence"] as? [[String: Any]])?.first?["retracted_at"] is String)
        }
    }

    @Test func badLinksAreRefusedAndChangeNothing() throws {
        try withArticle { footage, _, rows in
            let upload = try #require(claim(rows, containing: "YouTube"))
            let mp4 = samples.appendingPathComponent("ministry-upload.mp4").path
            let before = try footage.run(["log", "--json"]).rows.count
            // The catalogue throws the facts; the command line names the flag or the command that helps.
            let cases: [([String], Int32, String)] = [
                (["link", upload, mp4, "--stance", "proves"], 64, "proves"),
                (["link", upload, mp4, "--stance", "supports", "--from", "-3"], 64, "--from"),
                (
                    ["link", upload, mp4, "--stance", "supports", "--from", "10", "--to", "5"], 64,
                    "--to (5.0 s) comes before --from (10.0 s)"
                ),
                (
                    ["link", upload, mp4, "--stance", "supports", "--from", "10", "--to", "45"], 1,
                    "footage: --to 45.0 s is past the end of clip"
                ),
                (
                    ["link", "C999", mp4, "--stance", "supports"], 1,
                    "footage: C999: no such claim; see `footage claims ARTICLE`"
                ),
                (
                    ["link", upload, "abcdef0123", "--stance", "supports"], 1,
                    "footage: abcdef0123: no clip with this SHA-256 prefix or path; see `footage list clips`"
                ),
                (["xref", "A99"], 1, "footage: A99: "),
                (["claims", "A99"], 1, "footage: A99: no such article; see `footage list articles`"),
                (["unlink", "L99"], 1, "footage: L99: no such link; see `footage xref`"),
            ]
            for (arguments, status, words) in cases {
                let result = try footage.run(arguments)
                #expect(result.status == status, "\(arguments): \(result.stderr)")
                #expect(result.stderr.contains(words), "\(arguments): \(result.stderr)")
            }
            #expect(try footage.run(["log", "--json"]).rows.count == before)
        }
    }

    /// A raw H.264 stream states no duration, so no clip end bounds a link's range. "88888888888888882:2" (5.3e18 s)
    /// was once accepted, stored, and then stopped footage when shown, as it would every later cross-reference.
    @Test(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg tool"))
    func aLinkOnAClipOfUnknownLengthRefusesATimeTooLargeToShow() throws {
        try withArticle { footage, root, rows in
            let stream = root.appendingPathComponent("stream.h264").path
            try ExternalTool.runFFmpeg(["-i", Samples.handheldRotated, "-c:v", "copy", "-an", "-f", "h264", stream])
            #expect(try footage.run(["register", stream, "--no-fingerprint"]).status == 0)
            let upload = try #require(claim(rows, containing: "YouTube"))
            let absurd = try footage.run(["link", upload, stream, "--stance", "context", "--to", "88888888888888882:2"])
            #expect(absurd.status == 64 && absurd.signal == nil, "\(absurd.stderr)")
            let far = try footage.run(["link", upload, stream, "--stance", "context", "--to", "999999999999"])
            #expect(far.status == 0 && far.stdout.contains("277777777:46:39.000"), "\(far.stdout)\(far.stderr)")
            #expect(try footage.run(["xref", upload]).signal == nil)
        }
    }

    @Test func searchFindsClaimsArticlesAndTags() throws {
        try withArticle { footage, _, _ in
            let hits = try footage.run(["search", "Garver", "--json"]).rows
            #expect(hits.contains { $0["kind"] as? String == "claim" })
            #expect(hits.contains { $0["kind"] as? String == "article" })
            #expect(hits.allSatisfy { ($0["snippet"] as? String)?.contains("[Garver]") == true })
            #expect(
                try footage.run(["search", "Fallujah", "--json"]).rows.contains {
                    $0["kind"] as? String == "acquisition"
                })
            #expect(try footage.run(["search", "NEAR(\"x", "--json"]).status == 0)
        }
    }

    @Test func badArticleFilesAreRefusedClearly() throws {
        try withCatalogFolder { footage, root throws in
            let empty = root.appendingPathComponent("empty.md")
            try Data().write(to: empty)
            let binary = root.appendingPathComponent("binary.html")
            try Data([0x00, 0x01, 0x02, 0xff, 0x00] + Array(repeating: 0x41, count: 100)).write(to: binary)
            for file in [empty, binary, root.appendingPathComponent("missing.md"), root] {
                let result = try footage.run(["article", "add", file.path])
                #expect(result.status == 1, "\(file.lastPathComponent)")
                #expect(result.stderr.contains(file.lastPathComponent))
                // One line like every other error: not swift-argument-parser's "Error: " with its usage text.
                #expect(result.stderr.hasPrefix("footage: "), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            }
            #expect(try footage.run(["list", "articles", "--json"]).rows.isEmpty)
        }
    }

    @Test func aClaimAddedByHandGetsKindsAndASpanWhenItIsInTheText() throws {
        try withArticle { footage, _, _ in
            let added = try footage.run([
                "claim", "add", "A1", "Another 120 vehicles were hit to the east of Ramadi, according to Garver.",
                "--json",
            ])
            let row = try #require(added.rows.first)
            #expect(row["origin"] as? String == "analyst")
            #expect((row["kinds"] as? [String])?.contains("figure") == true)
            #expect(row["start"] is Int)
            let free = try footage.run(["claim", "add", "A1", "The convoy was on the road to Ramadi.", "--json"]).rows
                .first
            #expect(free?["start"] == nil || free?["start"] is NSNull)
        }
    }
}
