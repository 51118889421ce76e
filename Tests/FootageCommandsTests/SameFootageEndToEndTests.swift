import FootageTestSupport
import Foundation
import Testing

/// A sample and a trimmed copy of it, fingerprinted and matched through the built binary: the match reaches the
/// report, every export, `show` and `xref`, with B (the copy) starting 5 s into A (the sample).
@Suite(.serialized) struct SameFootageEndToEndTests {
    var ministry: String { FootageBinary.samples.appendingPathComponent("ministry-upload.mp4").path }

    @Test(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg command-line tool"))
    func aTrimmedCopyIsFoundAndShownInTheReportTheExportsShowAndXref() throws {
        try withCatalogFolder { footage, root throws in
            let copy = root.appendingPathComponent("trimmed.mp4").path
            // The copy begins at the sample's fifth second: copy time ≈ sample time − 5.
            try ExternalTool.runFFmpeg(["-ss", "5", "-i", ministry, "-t", "20", "-c:v", "libx264", "-an", copy])
            // One at a time, so that the sample is A (the clip registered first).
            #expect(try footage.run(["register", ministry, "--no-fingerprint"]).status == 0)
            #expect(try footage.run(["register", copy, "--no-fingerprint"]).status == 0)
            let fingerprinted = try footage.run(["fingerprint", ministry, copy])
            #expect(fingerprinted.status == 0, "\(fingerprinted.stderr)")
            let matched = try footage.run(["match", "--json"])
            #expect(matched.status == 0, "\(matched.stderr)")
            let offset = try #require(matched.rows.first?["offset"] as? Double)
            #expect(abs(offset + 5) <= 0.5, "offset \(offset)")
            let a = try #require(matched.rows.first?["a"] as? String)
            let b = try #require(matched.rows.first?["b"] as? String)

            let report = root.appendingPathComponent("report.html")
            #expect(try footage.run(["report", a, "-o", report.path]).status == 0)
            let html = try String(contentsOf: report, encoding: .utf8)
            #expect(html.contains("<h2>Same footage</h2>") && html.contains("B starts 5.0 s into A."), "\(html)")
            #expect(html.contains("aria-label=\"The two clips aligned at the offset\""))

            let json = try footage.run(["export", "--format", "json", copy])
            #expect(json.status == 0, "\(json.stderr)")
            let document = try #require(
                try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let row = try #require((document["matches"] as? [[String: Any]])?.first)
            #expect(row["a"] as? String == a && row["b"] as? String == b)
            #expect(abs((row["offset"] as? Double ?? 0) + 5) <= 0.5)

            let csv = try footage.run(["export", "--format", "csv", "--table", "matches"])
            let lines = csv.stdout.components(separatedBy: "\r\n")
            #expect(lines.first?.hasPrefix("match_id,a,b,") == true, "\(csv.stdout)")
            #expect(lines.count == 3 && lines[1].contains("\(a),\(b),") && lines[1].contains(",-"), "\(csv.stdout)")

            let prov = root.appendingPathComponent("prov.json")
            #expect(try footage.run(["export", "--format", "prov-json", "--output", prov.path]).status == 0)
            let provText = try String(contentsOf: prov, encoding: .utf8)
            #expect(provText.contains("\"footage:match/\(a)/\(b)\""))
            if let summary = try ProvValidator.validate(prov) {
                let relations = (summary["relations"] as? [[Any]] ?? []).map { $0.map { "\($0)" } }
                #expect(relations.contains(["used", "footage:matching/\(a)/\(b)", "footage:clip/\(b)"]))
                #expect(
                    relations.contains(["wasGeneratedBy", "footage:match/\(a)/\(b)", "footage:matching/\(a)/\(b)"]))
            } else {
                print("note: no python3 with the 'prov' package; PROV-JSON not validated")
            }
            if let problems = try ProvConstraints.problems(prov) { #expect(problems.isEmpty, "\(problems)") }

            let show = try #require(try footage.run(["show", copy, "--json"]).rows.first)
            let shared = try #require((show["shares_footage_with"] as? [[String: Any]])?.first)
            #expect(shared["clip"] as? String == a && abs((shared["offset"] as? Double ?? 0) - 5) <= 0.5)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func evidenceOnOneCopyIsShownAtTheSameSecondsOfTheOtherInXref() throws {
        let pentagon = FootageBinary.samples.appendingPathComponent("pentagon-release.webm").path
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", ministry, pentagon]).status == 0)
            #expect(try footage.run(["match"]).status == 0)
            let article = root.appendingPathComponent("a.md")
            try "---\ntitle: Strike\n---\nThe Pentagon released footage of the strike on Friday.\n"
                .write(to: article, atomically: true, encoding: .utf8)
            #expect(try footage.run(["article", "add", article.path]).status == 0)
            let claim = try #require(try footage.run(["claims", "A1", "--json"]).rows.first?["id"] as? String)
            #expect(
                try footage.run(["link", claim, pentagon, "--stance", "supports", "--from", "2", "--to", "10"]).status
                    == 0)

            // xref ARTICLE: the Pentagon's 0:02–0:10 is the ministry's 0:10–0:18.
            let rows = try footage.run(["xref", "A1", "--json"]).rows
            let evidence = try #require((rows.first?["evidence"] as? [[String: Any]])?.first)
            let same = try #require((evidence["same_footage"] as? [[String: Any]])?.first)
            #expect(abs((same["from"] as? Double ?? 0) - 10) <= 1, "\(same)")
            #expect(try footage.run(["xref", "A1"]).stdout.contains("same footage in clip"))
            // xref REF on the ministry release: the link made on the Pentagon's, with where it lies here.
            let via = try #require(try footage.run(["xref", ministry, "--json"]).rows.first?["via"] as? [String: Any])
            #expect(abs((via["this_from"] as? Double ?? 0) - 10) <= 1 && abs((via["from"] as? Double ?? 0) - 2) <= 1)
            #expect(abs((via["offset"] as? Double ?? 0) + 8) <= 0.5, "\(via)")
        }
    }
}
