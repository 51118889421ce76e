import FootageTestSupport
import Foundation
import Testing

/// The PROV-CONSTRAINTS checker (`Tests/Fixtures/prov/check_prov_constraints.py`, Python's standard library alone).
enum ProvConstraints {
    static let script = Repository.fixtures.appendingPathComponent("prov/check_prov_constraints.py").path

    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// The problems the checker finds in a PROV-JSON file; nil (with a note) without a Python.
    static func problems(_ file: URL) throws -> [String]? {
        guard let python else {
            print("note: no python3; PROV-CONSTRAINTS not checked")
            return nil
        }
        let result = try ExternalTool.run(python, [script, file.path])
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary != nil, "the checker printed no summary: \(result.stderr)")
        return summary?["problems"] as? [String] ?? ["no summary"]
    }

    /// Checks a catalogue's whole PROV-JSON export: `prov`'s round trip and `unified()`, then the constraints.
    static func check(_ footage: FootageBinary, _ root: URL, _ scope: [String] = []) throws {
        let file = root.appendingPathComponent("prov-\(scope.joined(separator: "-")).json")
        let result = try footage.run(["export", "--format", "prov-json", "-o", file.path] + scope)
        #expect(result.status == 0, "\(result.stderr)")
        _ = try ProvValidator.validate(file)
        if let problems = try problems(file) { #expect(problems.isEmpty, "\(problems)") }
    }
}

/// `footage claim dismiss`, `claim edit` and `verdict`, the reviewer and review URLs, run as a user would: each a
/// ledger event that `verify` replays, shown by `claims`, `xref` and the exports; every bad input one line, its exit
/// status, and nothing changed.
@Suite(.serialized) struct ClaimReviewEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }
    var pentagon: String { samples.appendingPathComponent("pentagon-release.webm").path }

    /// Two clips (the ministry's from a watch page, the Pentagon's from a file URL), the example article, two links.
    private func catalogue(_ footage: FootageBinary) throws -> [String] {
        #expect(
            try footage.run([
                "register", ministry, "--keyframes", "--source", "Iraqi Ministry of Defence", "--platform", "YouTube",
                "--url", "https://www.youtube.com/watch?v=abcdefghijk", "--no-sidecar",
            ]).status == 0)
        #expect(
            try footage.run([
                "register", pentagon, "--source", "Pentagon", "--url", "https://media.example.mil/strike.webm",
            ]).status == 0)
        let claims = try footage.run(["article", "add", Repository.exampleArticle.path, "--json"]).rows.dropFirst()
            .compactMap { $0["id"] as? String }
        #expect(
            try footage.run(["link", claims[0], ministry, "--stance", "supports", "--from", "2", "--to", "12"]).status
                == 0)
        #expect(
            try footage.run(["link", claims[1], pentagon, "--stance", "contradicts", "--by", "analyst-2"]).status == 0)
        return claims
    }

    private func ledgerLength(_ footage: FootageBinary) throws -> Int {
        try footage.run(["log", "--json"]).rows.count
    }

    @Test func reviewCommandsAreLedgerEventsShownByClaimsXrefAndTheExports() throws {
        try withCatalogFolder { footage, root throws in
            let claims = try catalogue(footage)
            let dismissed = try footage.run([
                "claim", "dismiss", claims[3], "--reason", "describes the video", "--json",
            ])
            #expect(dismissed.status == 0, "\(dismissed.stderr)")
            #expect(dismissed.rows.first?["status"] as? String == "dismissed")
            let edited = try footage.run([
                "claim", "edit", claims[1], "The ministry posted a video on Friday.", "--json",
            ])
            #expect(edited.status == 0, "\(edited.stderr)")
            #expect(edited.rows.first?["text"] as? String == "The ministry posted a video on Friday.")
            #expect((edited.rows.first?["original_text"] as? String)?.hasPrefix("In a video the Iraqi") == true)
            let rated = try footage.run([
                "verdict", claims[0], "mostly-true", "--explanation", "The strikes are visible", "--by", "checker",
                "--json",
            ])
            #expect(rated.status == 0, "\(rated.stderr)")
            let verdict = rated.rows.first?["verdict"] as? [String: Any]
            #expect(verdict?["rating"] as? String == "mostly-true")
            #expect(verdict?["rating_value"] as? Int == 5)
            #expect(verdict?["by"] as? String == "checker")
            // claims, in both forms.
            let rows = try footage.run(["claims", "A1", "--json"]).rows
            let status = Dictionary(
                uniqueKeysWithValues: rows.map { ($0["id"] as? String ?? "", $0["status"] as? String ?? "") })
            #expect(status[claims[0]] == "reviewed" && status[claims[3]] == "dismissed" && status[claims[2]] == "open")
            let table = try footage.run(["claims", "A1"]).stdout
            #expect(table.contains("\(claims[0])     mostly-true"), "\(table)")
            #expect(table.contains("dismissed"))
            // xref: the article's claims and one claim's chain with its review events.
            let xref = try footage.run(["xref", "A1", "--json"]).rows
            #expect(xref.contains { $0["id"] as? String == claims[0] && $0["status"] as? String == "reviewed" })
            let chain = try footage.run(["xref", claims[1], "--json"]).rows.first
            let actions = (chain?["events"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.contains("claim.edit"), "\(actions)")
            let byClip = try footage.run(["xref", ministry, "--json"]).rows
            #expect(byClip.first?["claim_status"] as? String == "reviewed", "\(byClip)")
            let text = try footage.run(["xref", "A1"]).stdout
            #expect(text.contains("verdict: Mostly true (5/6) by checker"), "\(text)")
            #expect(text.contains("extracted as: In a video the Iraqi"))
            // The exports.
            let json = try footage.run(["export", "--format", "json"]).stdout
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let exported = ((document["articles"] as? [[String: Any]])?.first?["claims"] as? [[String: Any]]) ?? []
            #expect(exported.contains { $0["status"] as? String == "dismissed" })
            #expect(exported.contains { ($0["verdict"] as? [String: Any])?["rating"] as? String == "mostly-true" })
            let csv = try footage.run(["export", "--format", "csv", "--table", "claims"]).stdout
            #expect(
                csv.split(separator: "\r\n").first?.hasSuffix("status,verdict,rating_value,explanation,original_text")
                    == true)
            #expect(csv.contains(",reviewed,mostly-true,5,The strikes are visible,"))
            // verify replays every review event.
            let verify = try footage.run(["verify"])
            #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
            let log = try footage.run(["log", "--json"]).rows.compactMap { $0["action"] as? String }
            #expect(
                Array(log.filter { $0.hasPrefix("claim.") }.suffix(3)) == [
                    "claim.dismiss", "claim.edit", "claim.verdict",
                ], "\(log)")
            try ProvConstraints.check(footage, root)
            try ProvConstraints.check(footage, root, ["--article", "A1"])
        }
    }

    @Test func badInputIsOneLineItsStatusAndNothingChanged() throws {
        try withCatalogFolder { footage, root throws in
            let claims = try catalogue(footage)
            #expect(try footage.run(["claim", "dismiss", claims[2], "--reason", "not a claim"]).status == 0)
            #expect(try footage.run(["verdict", claims[0], "false", "--explanation", "No"]).status == 0)
            let before = try ledgerLength(footage)
            let out = root.appendingPathComponent("reviews.jsonld")
            let cases: [([String], Int32, String)] = [
                (["verdict", claims[0], "pants-on-fire", "--explanation", "x"], 64, "pants-on-fire"),
                (["verdict", claims[0], "7", "--explanation", "x"], 64, "'7' is invalid"),
                (["verdict", claims[0], "true", "--explanation", "  "], 64, "--explanation is empty"),
                (["verdict", "C999", "true", "--explanation", "x"], 1, "C999: no such claim"),
                (["verdict", claims[2], "true", "--explanation", "x"], 1, "a dismissed claim takes no verdict"),
                (["claim", "dismiss", "C999", "--reason", "x"], 1, "C999: no such claim"),
                (["claim", "dismiss", claims[2], "--reason", "again"], 1, "was already dismissed"),
                (["claim", "dismiss", claims[1], "--reason", ""], 64, "--reason is empty"),
                (["claim", "edit", claims[1], "   "], 1, "the claim text is empty"),
                (["claim", "edit", claims[1], String(repeating: "x", count: 4001)], 1, "too long"),
                (["claim", "edit", "C999", "text"], 1, "C999: no such claim"),
                (["article", "review-url", "A1", "javascript:alert(1)"], 64, "http:// or https://"),
                (["article", "review-url", "A9", "https://x.example/r"], 1, "A9: no such article"),
                (["config", "reviewer", "Checks", "--url", "ftp://x"], 64, "http:// or https://"),
                // A ClaimReview needs a review URL and a reviewer; nothing is written without them.
                (["export", "--format", "claimreview", "-o", out.path], 1, "no review URL for the claims of A1"),
                (
                    ["export", "--format", "claimreview", "--review-url", "https://x.example/r", "-o", out.path], 1,
                    "no reviewing organisation set"
                ),
                (["export", "--format", "claimreview", "--review-url", "nope"], 64, "--review-url takes"),
                (
                    ["export", "--format", "json", "--review-url", "https://x.example/r"], 64,
                    "--format claimreview only"
                ),
            ]
            for (arguments, status, message) in cases {
                let result = try footage.run(arguments)
                #expect(result.status == status, "\(arguments): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
                if status == 1 {
                    #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
                }
                #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
                #expect(try ledgerLength(footage) == before, "\(arguments) changed the ledger")
            }
            #expect(!FileManager.default.fileExists(atPath: out.path))
            // An article whose claims have no verdict at all: refused too.
            #expect(try footage.run(["config", "reviewer", "Example Checks"]).status == 0)
            let other = try footage.run([
                "export", "--format", "claimreview", pentagon, "--review-url", "https://x.example/r",
            ])
            #expect(other.status == 1 && other.stderr.contains("no claim here has a verdict"), "\(other.stderr)")
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func theClaimReviewIsSchemaOrgAndCarriesWhatGoogleRequires() throws {
        try withCatalogFolder { footage, root throws in
            let claims = try catalogue(footage)
            #expect(
                try footage.run(["config", "reviewer", "Example Checks", "--url", "https://checks.example.org"]).status
                    == 0)
            #expect(try footage.run(["article", "review-url", "A1", "https://checks.example.org/convoy"]).status == 0)
            #expect(
                try footage.run(["verdict", claims[0], "true", "--explanation", "the release shows it"]).status == 0)
            #expect(
                try footage.run(["verdict", claims[1], "misleading", "--explanation", "older footage."]).status == 0)
            let file = root.appendingPathComponent("reviews.jsonld")
            let result = try footage.run(["export", "--format", "claimreview", "--article", "A1", "-o", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("no verdict, left out of the ClaimReview: \(claims[2])"), "\(result.stderr)")
            let document = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
            let graph = (document as? [String: Any])?["@graph"] as? [[String: Any]] ?? []
            let reviews = graph.filter { $0["@type"] as? String == "ClaimReview" }
            #expect(reviews.count == 2)
            for review in reviews {
                #expect(FactCheckMarkup.problems(review).isEmpty, "\(FactCheckMarkup.problems(review))")
                #expect(review["url"] as? String == "https://checks.example.org/convoy")
            }
            // The Garver quote's speaker is a person; none is a Person named "officials".
            for review in reviews {
                let author = (review["itemReviewed"] as? [String: Any])?["author"] as? [String: Any]
                #expect((author?["name"] as? String)?.lowercased() != "officials")
            }
            // The watch page is the video's url; only the file URL is a contentUrl.
            let videos = graph.filter { $0["@type"] as? String == "MediaReview" }.compactMap {
                $0["itemReviewed"] as? [String: Any]
            }
            #expect(
                videos.contains {
                    $0["url"] as? String == "https://www.youtube.com/watch?v=abcdefghijk" && $0["contentUrl"] == nil
                })
            #expect(videos.contains { $0["contentUrl"] as? String == "https://media.example.mil/strike.webm" })
            if let vocabulary = SchemaOrgVocabulary.installed {
                let problems = vocabulary.problems(in: document)
                #expect(problems.isEmpty, "\(problems)")
            }
            // The JSON export carries the publishing settings too.
            let json = try footage.run(["export", "--format", "json"]).stdout
            #expect(json.contains("\"review_url\": \"https://checks.example.org/convoy\""))
            #expect(json.contains("\"name\": \"Example Checks\""))
            // --review-url replaces the article's.
            let other = try footage.run([
                "export", "--format", "claimreview", "--review-url", "https://other.example/r",
            ])
            #expect(other.stdout.contains("\"url\": \"https://other.example/r\""))
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func theDemoCataloguesPROVIsUnifiedAndMeetsTheConstraints() throws {
        try withTemporaryFolder { root throws in
            // The demo, run on a copy of what it reads: the samples and the example article.
            let fileManager = FileManager.default
            try fileManager.createDirectory(at: root.appendingPathComponent("Media"), withIntermediateDirectories: true)
            try fileManager.createDirectory(
                at: root.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
            try fileManager.copyItem(at: samples, to: root.appendingPathComponent("Media/samples"))
            try fileManager.copyItem(
                at: Repository.root.appendingPathComponent("Catalog/examples"),
                to: root.appendingPathComponent("Catalog/examples"))
            let demo = try runProcess(
                "/bin/sh",
                [Repository.root.appendingPathComponent("Catalog/demo.sh").path, FootageBinary.path, root.path])
            #expect(demo.status == 0, "\(demo.stderr)")
            let footage = FootageBinary(catalog: root)
            try ProvConstraints.check(footage, root)
            try ProvConstraints.check(footage, root, ["--article", "A1"])
            let reviews = try footage.run(["export", "--format", "claimreview", "--article", "A1"])
            #expect(reviews.status == 0, "\(reviews.stderr)")
        }
    }
}
