import FootageTestSupport
import Foundation
import Testing

/// A Python with the `prov` package (https://pypi.org/project/prov/), to validate PROV-JSON; `make test` installs
/// Debian's python3-prov for /usr/bin/python3.
enum ProvValidator {
    static let script = Repository.fixtures.appendingPathComponent("prov/validate_prov.py").path

    static let python: String? = {
        var candidates = ["/usr/bin/python3", "/usr/local/bin/python3"]
        if let explicit = ProcessInfo.processInfo.environment["FOOTAGE_PYTHON"] { candidates.insert(explicit, at: 0) }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path)
                && (try? ExternalTool.run(path, ["-c", "import prov"]).status) == 0
        }
    }()

    /// The validator's summary: record counts and every relation as [kind, first, second].
    static func validate(_ file: URL) throws -> [String: Any]? {
        guard let python else { return nil }
        let result = try ExternalTool.run(python, [script, file.path])
        #expect(result.status == 0, "the prov package refused the document: \(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
    }
}

@Suite(.serialized) struct ExportEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }
    var pentagon: String { samples.appendingPathComponent("pentagon-release.webm").path }
    var article: String { Repository.exampleArticle.path }

    private func catalogue(_ footage: FootageBinary) throws -> [String] {
        #expect(
            try footage.run(["register", ministry, "--keyframes", "--source", "Iraqi Ministry of Defence"]).status == 0)
        #expect(try footage.run(["register", pentagon, "--source", "Pentagon"]).status == 0)
        let claims = try footage.run(["article", "add", article, "--json", "--by", "analyst-1"]).rows.dropFirst()
            .compactMap { $0["id"] as? String }
        #expect(try footage.run(["claim", "add", "A1", "A title, with \"quotes\"\nand a second line."]).status == 0)
        #expect(
            try footage.run([
                "link", claims[0], ministry, "--stance", "supports", "--from", "2", "--to", "12",
                "--by", "analyst-1",
            ]).status == 0)
        #expect(
            try footage.run(["link", claims[1], pentagon, "--stance", "contradicts", "--by", "analyst-2"]).status == 0)
        return claims
    }

    @Test func theJSONExportIsByteIdenticalTwiceAndToAFile() throws {
        try withCatalogFolder { footage, root throws in
            _ = try catalogue(footage)
            let first = try footage.run(["export", "--format", "json"])
            let second = try footage.run(["export", "--format", "json"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == second.stdout)
            let file = root.appendingPathComponent("catalogue.json")
            #expect(try footage.run(["export", "--format", "json", "-o", file.path]).status == 0)
            #expect(try String(contentsOf: file, encoding: .utf8) == first.stdout)
            let value = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
            #expect((value["clips"] as? [Any])?.count == 2)
            #expect((value["links"] as? [Any])?.count == 2)
            let clip = try #require(
                try footage.run(["export", "--format", "json", ministry]).stdout.data(using: .utf8))
            let one = try #require(try JSONSerialization.jsonObject(with: clip) as? [String: Any])
            #expect((one["clips"] as? [Any])?.count == 1)
            #expect((one["links"] as? [Any])?.count == 1)
        }
    }

    @Test func csvTablesGoToAFolderOrOneToStdout() throws {
        try withCatalogFolder { footage, root throws in
            _ = try catalogue(footage)
            let folder = root.appendingPathComponent("tables")
            let result = try footage.run(["export", "--format", "csv", "-o", folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                    == ["claims.csv", "clips.csv", "links.csv", "matches.csv"])
            let claims = try footage.run(["export", "--format", "csv", "--table", "claims"]).stdout
            #expect(claims == (try String(contentsOf: folder.appendingPathComponent("claims.csv"), encoding: .utf8)))
            #expect(claims.hasPrefix("id,article,idx,text,"))
            #expect(claims.contains("\"A title, with \"\"quotes\"\"\nand a second line.\""))
            // --json: a line per file written, with the SHA-256 of what was written.
            let written = try footage.run(["export", "--format", "csv", "-o", folder.path, "--json"]).rows
            #expect(
                written.compactMap { $0["table"] as? String }.sorted() == ["claims", "clips", "links", "matches"])
            for row in written {
                let path = try #require(row["path"] as? String)
                #expect(try runProcess("/usr/bin/sha256sum", [path]).stdout.hasPrefix(row["sha256"] as? String ?? "-"))
            }
            #expect(try footage.run(["export", "--format", "json", "--json"]).status == 64)
            #expect(try footage.run(["export", "--format", "csv"]).status == 64)
            #expect(try footage.run(["export", "--format", "json", "--table", "clips"]).status == 64)
        }
    }

    @Test func provJSONIsReadByThePythonProvPackage() throws {
        try withCatalogFolder { footage, root throws in
            let claims = try catalogue(footage)
            let file = root.appendingPathComponent("prov.json")
            let result = try footage.run(["export", "--format", "prov-json", "-o", file.path])
            #expect(result.status == 0, "\(result.stderr)")
            if let problems = try ProvConstraints.problems(file) { #expect(problems.isEmpty, "\(problems)") }
            guard let summary = try ProvValidator.validate(file) else {
                print(
                    "note: no python3 with the 'prov' package; PROV-JSON not validated "
                        + "(make test-deps installs python3-prov)"
                )
                return
            }
            let relations = (summary["relations"] as? [[Any]] ?? []).map { $0.map { "\($0)" } }
            func has(_ kind: String, _ first: String, _ second: String) -> Bool {
                relations.contains {
                    $0.count == 3 && $0[0] == kind && $0[1].hasPrefix(first) && $0[2].hasPrefix(second)
                }
            }
            let sha = try #require(try footage.run(["show", ministry, "--json"]).rows.first?["sha256"] as? String)
            #expect(has("wasDerivedFrom", "footage:keyframe/", "footage:clip/\(sha)"))
            #expect(has("wasGeneratedBy", "footage:keyframe/", "footage:extract/"))
            #expect(has("used", "footage:extract/", "footage:clip/\(sha)"))
            #expect(has("used", "footage:linking/", "footage:clip/\(sha)"))
            #expect(has("used", "footage:linking/", "footage:claim/"))
            #expect(has("wasAttributedTo", "footage:clip/\(sha)", "footage:publisher/Iraqi"))
            #expect(has("wasAttributedTo", "footage:link/", "footage:analyst/analyst-1"))
            #expect(has("wasAssociatedWith", "footage:register/", "footage:tool/footage-"))
            #expect(has("wasAssociatedWith", "footage:linking/", "footage:analyst/analyst-2"))
            #expect(claims.count > 2)
        }
    }

    @Test func claimReviewCarriesTheAssessment() throws {
        try withCatalogFolder { footage, _ throws in
            let claims = try catalogue(footage)
            #expect(
                try footage.run(["assess", ministry, "--category", "decontextualized", "--note", "older"]).status == 0)
            // A ClaimReview is of rated claims, published by the reviewer at the review URL.
            for claim in claims.prefix(2) {
                #expect(try footage.run(["verdict", claim, "unproven", "--explanation", "Not yet shown"]).status == 0)
            }
            #expect(try footage.run(["config", "reviewer", "Example Checks"]).status == 0)
            #expect(try footage.run(["article", "review-url", "A1", "https://checks.example.org/a1"]).status == 0)
            let result = try footage.run(["export", "--format", "claimreview", "--article", "A1"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("has no assessment"))  // the Pentagon clip
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let graph = doc["@graph"] as? [[String: Any]] ?? []
            #expect(graph.filter { $0["@type"] as? String == "ClaimReview" }.count == 2)
            let media = graph.filter { $0["@type"] as? String == "MediaReview" }
            #expect(media.contains { $0["mediaAuthenticityCategory"] as? String == "DecontextualizedContent" })
            let log = try footage.run(["log", "--json"]).rows
            #expect(log.last?["action"] as? String == "article.review-url")
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func unknownSubjectsAndMissingFoldersAreOneLine() throws {
        try withCatalogFolder { footage, root throws in
            _ = try catalogue(footage)
            for arguments in [["--article", "A42"], ["ffffff00"]] {
                let result = try footage.run(["export", "--format", "json"] + arguments)
                #expect(result.status == 1)
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(result.stdout.isEmpty)
            }
            let nowhere = root.appendingPathComponent("missing/out.json")
            let result = try footage.run(["export", "--format", "json", "-o", nowhere.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("no such folder"))
        }
    }
}
