import FootageTestSupport
import Foundation
import Testing

/// Headless Chromium, when it is installed (`make test` installs it), to render the page as a reader would see it.
extension ExternalTool {
    static var chromium: String? { find("chromium", "chromium-browser", "google-chrome") }

    /// Headless Chromium with a throw-away profile; `extra` are the mode arguments (`--screenshot=…`, `--dump-dom`).
    static func chromium(_ page: URL, _ extra: [String], profile: URL) throws -> ProcessOutcome {
        try run(
            chromium!,
            [
                "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                "--user-data-dir=\(profile.path)", "--window-size=1200,3000",
            ] + extra + [page.absoluteString],
            environment: ["HOME": profile.path])
    }
}

@Suite(.serialized) struct ReportEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }
    var pentagon: String { samples.appendingPathComponent("pentagon-release.webm").path }
    var article: String { Repository.exampleArticle.path }

    /// The demo case: two releases registered with keyframes, the article, links, an assessment, a verify.
    private func demoCatalogue(_ footage: FootageBinary) throws -> (article: String, claims: [String]) {
        #expect(
            try footage.run([
                "register", ministry, "--keyframes", "--source", "Iraqi Ministry of Defence",
                "--platform", "YouTube", "--by", "analyst-1",
            ]).status == 0)
        #expect(
            try footage.run([
                "register", pentagon, "--keyframes", "--source", "Pentagon", "--url",
                "https://www.defense.gov/", "--by", "analyst-1",
            ]).status == 0)
        let imported = try footage.run(["article", "add", article, "--json", "--by", "analyst-1"])
        let rows = imported.rows
        let id = try #require(rows.first?["id"] as? String)
        let claims = rows.dropFirst().compactMap { $0["id"] as? String }
        #expect(claims.count >= 3)
        #expect(
            try footage.run([
                "link", claims[1], ministry, "--stance", "supports", "--from", "2", "--to", "12",
                "--note", "convoy on the road", "--by", "analyst-1",
            ]).status == 0)
        #expect(
            try footage.run([
                "link", claims[2], pentagon, "--stance", "contradicts", "--from", "0:04",
                "--to", "0:09.5", "--by", "analyst-2",
            ]).status == 0)
        #expect(try footage.run(["link", claims[2], ministry, "--stance", "context", "--by", "analyst-2"]).status == 0)
        #expect(
            try footage.run([
                "assess", ministry, "--category", "original", "--note", "matches the channel",
                "--by", "analyst-1",
            ]).status == 0)
        #expect(try footage.run(["verify"]).status == 0)
        return (id, claims)
    }

    @Test func anArticleReportRendersInChromiumWithEveryClaimAndClip() throws {
        try withCatalogFolder { footage, root throws in
            let (article, claims) = try demoCatalogue(footage)
            let out = root.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let page = out.appendingPathComponent("report.html")
            let result = try footage.run(["report", article, "-o", page.path])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: page, encoding: .utf8)
            for claim in claims { #expect(html.contains("id=\"claim-\(claim)\"")) }
            #expect(html.contains("Iraqi Ministry of Defence"))
            #expect(html.contains("<svg class=\"timeline\""))
            #expect(html.contains("Verified "))
            #expect(html.contains("original footage"))
            #expect(HTMLCheck.scripts(in: html).isEmpty, "something could run in the report")
            let sources = HTMLCheck.imageSources(html)
            #expect(sources.count > 5)
            for source in sources {
                #expect(source.hasPrefix("data:image/"))
                let payload = source.split(separator: ",", maxSplits: 1).last.map(String.init) ?? ""
                #expect(
                    Data(base64Encoded: payload).map {
                        $0.starts(with: [0xff, 0xd8]) || $0.starts(with: [0x89, 0x50])
                    } == true)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["report.html"])

            guard ExternalTool.chromium != nil else {
                print("note: chromium is not installed; the report was not rendered (make test-deps installs it)")
                return
            }
            let shot = out.appendingPathComponent("report.png")
            let rendered = try ExternalTool.chromium(
                page, ["--screenshot=\(shot.path)"],
                profile: root.appendingPathComponent("chromium"))
            #expect(rendered.status == 0, "\(rendered.stderr)")
            let png = try Data(contentsOf: shot)
            #expect(png.starts(with: [0x89, 0x50, 0x4e, 0x47]))
            #expect(png.count > 50_000, "the screenshot is nearly empty (\(png.count) bytes)")
            if let keep = ProcessInfo.processInfo.environment["FOOTAGE_KEEP_SCREENSHOT"] {
                try? FileManager.default.removeItem(atPath: keep)
                try FileManager.default.copyItem(at: shot, to: URL(fileURLWithPath: keep))
            }
        }
    }

    @Test func hostileMetadataIsShownAsTextAndRunsNothing() throws {
        guard ExternalTool.ffmpeg != nil else {
            print("note: ffmpeg is not installed; skipping the hostile-metadata report test")
            return
        }
        try withCatalogFolder { footage, root throws in
            let clip = root.appendingPathComponent("hostile.mp4")
            try ExternalTool.runFFmpeg([
                "-i", Samples.checkpointCCTV, "-c", "copy",
                "-metadata", "title=<script>alert(1)</script>",
                "-metadata", "comment=\"><img src=x onerror=alert(1)>",
                "-metadata", "artist=<img src=y onerror=\"document.body.setAttribute('data-pwned','1')\">",
                clip.path,
            ])
            let sidecar = """
                {"id": "x1", "title": "\\"><img src=x onerror=alert(1)>", "webpage_url": "javascript:alert(1)",
                 "uploader": "<script>alert(2)</script>", "extractor_key": "Youtube", "upload_date": "20240101"}
                """
            try Data(sidecar.utf8).write(to: root.appendingPathComponent("hostile.info.json"))
            let registered = try footage.run(["register", clip.path, "--keyframes", "--by", "<b>analyst</b>"])
            #expect(registered.status == 0, "\(registered.stderr)")
            let imported = try footage.run(["article", "add", article, "--json"]).rows
            let claim = try #require(imported.dropFirst().first?["id"] as? String)
            #expect(
                try footage.run([
                    "link", claim, clip.path, "--stance", "unclear",
                    "--note", "<script>alert(3)</script>",
                ]).status == 0)
            let page = root.appendingPathComponent("clip.html")
            let result = try footage.run(["report", clip.path, "-o", page.path])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(HTMLCheck.scripts(in: html).isEmpty, "something could run in the clip report")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
            #expect(html.contains("&lt;b&gt;analyst&lt;/b&gt;"))
            #expect(!html.contains("href=\"javascript"))
            let images = HTMLCheck.imageSources(html).count

            guard ExternalTool.chromium != nil else {
                print("note: chromium is not installed; the DOM was not checked")
                return
            }
            let dom = try ExternalTool.chromium(page, ["--dump-dom"], profile: root.appendingPathComponent("chromium"))
            #expect(dom.status == 0, "\(dom.stderr)")
            #expect(dom.stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!dom.stdout.contains("data-pwned"))
            #expect(HTMLCheck.scripts(in: dom.stdout).isEmpty, "something could run in the rendered DOM")
            #expect(HTMLCheck.imageSources(dom.stdout).count == images, "an element was injected")
        }
    }

    @Test func picturesCanGoIntoAFolderBesideTheReport() throws {
        try withCatalogFolder { footage, root throws in
            let (article, _) = try demoCatalogue(footage)
            let page = root.appendingPathComponent("a1.html")
            let result = try footage.run(["report", article, "-o", page.path, "--images-folder", "--json"])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: page, encoding: .utf8)
            let sources = HTMLCheck.imageSources(html)
            #expect(!sources.isEmpty)
            for source in sources {
                #expect(source.hasPrefix("a1_files/"))
                #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(source).path))
            }
        }
    }

    @Test func missingKeyframeImagesAreNamedWhereThePictureWouldBe() throws {
        try withCatalogFolder { footage, root throws in
            let (article, _) = try demoCatalogue(footage)
            let keyframes = root.appendingPathComponent("Catalog/keyframes")
            try FileManager.default.removeItem(at: keyframes)
            let page = root.appendingPathComponent("report.html")
            let result = try footage.run(["report", article, "-o", page.path])
            #expect(result.status == 0, "\(result.stderr)")
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("Image missing"))
            #expect(HTMLCheck.imageSources(html).isEmpty)
        }
    }

    @Test func badInputGetsOneClearLineAndNoFile() throws {
        try withCatalogFolder { footage, root throws in
            _ = try demoCatalogue(footage)
            let page = root.appendingPathComponent("report.html")
            for (subject, message) in [("A99", "A99: no such article"), ("abcdef99", "no clip with this SHA-256")] {
                let result = try footage.run(["report", subject, "-o", page.path])
                #expect(result.status == 1)
                #expect(result.stderr.contains(message), "\(result.stderr)")
                #expect(result.stderr.split(separator: "\n").count == 1)
            }
            let nowhere = root.appendingPathComponent("missing/report.html")
            let result = try footage.run(["report", "A1", "-o", nowhere.path])
            #expect(result.status == 1)
            #expect(result.stderr.contains("no such folder"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: page.path))
            #expect(!FileManager.default.fileExists(atPath: nowhere.deletingLastPathComponent().path))
            // An article with no evidence still has a report, which says so.
            let bare = root.appendingPathComponent("bare.txt")
            try Data("A headline\n\nThe army said 40 vehicles were destroyed on Friday.\n".utf8).write(to: bare)
            let added = try #require(
                try footage.run(["article", "add", bare.path, "--json"]).rows.first?["id"] as? String)
            #expect(try footage.run(["report", added, "-o", page.path]).status == 0)
            #expect(
                try String(contentsOf: page, encoding: .utf8).contains(
                    "No claim of this article has footage evidence yet."))
            let unknownCategory = try footage.run(["assess", "A1", "--category", "fake"])
            #expect(unknownCategory.status == 64)
        }
    }
}
