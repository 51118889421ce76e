import FootageCore
import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// The "Same footage" section of the report, and the timeline's alignment at a match's offset.
@Suite struct SameFootageReportTests {
    @Test func anArticleReportShowsEachMatchWithItsOffsetSharesTransformAndSegments() throws {
        try withSameFootageFixture { fixture in
            let html = try EvidenceReport.render(.article(fixture.base.article), catalog: fixture.base.catalog).html
            let section = try #require(html.range(of: "<h2>Same footage</h2>")).upperBound
            let part = String(html[section...]).components(separatedBy: "<h2>The footage</h2>")[0]
            #expect(part.contains("B starts 8.0 s into A."))
            #expect(part.contains("−8.0 s"))
            #expect(part.contains("47 % of its frames are found in B") && part.contains("70 % of its frames"))
            #expect(part.contains("B is A mirrored left to right (flipY)"))
            #expect(part.contains("<td class=\"mono nowrap\">0:08.000–0:22.000</td>"))
            #expect(part.contains("<td class=\"mono nowrap\">0:00.000–0:14.000</td>"))
            #expect(part.contains("<a href=\"#clip-\(fixture.base.plain.sha256)\">"))
            // The clip outside the article is named, its title escaped, and said to be outside.
            #expect(part.contains("A starts 3.0 s into B."))
            #expect(part.contains("=HYPERLINK(&quot;http://example.invalid&quot;)&lt;b&gt;x&lt;/b&gt;"))
            #expect(part.contains("(not in this report)"))
            #expect(!html.contains("<b>x</b>"))
            #expect(part.contains("class=\"shared\""))
            #expect(html.contains("drawn aligned at the offset between them"))
        }
    }

    @Test func aClipReportNamesEveryClipThatSharesItsFootage() throws {
        try withSameFootageFixture { fixture in
            let html = try EvidenceReport.render(.clip(fixture.base.plain), catalog: fixture.base.catalog).html
            #expect(html.contains("B starts 8.0 s into A."))
            #expect(html.contains("A starts 3.0 s into B."))
            #expect(html.components(separatedBy: "(not in this report)").count == 3)
        }
    }

    @Test func aReportWithoutMatchesSaysSoAndDrawsEveryClipFromZero() throws {
        try withReportFixture { fixture in
            let html = try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
            #expect(html.contains("No clip of this report is recorded as sharing footage"))
            #expect(!html.contains("drawn aligned"))
        }
    }

    @Test func matchedClipsAreDrawnAtTheirOffsetFromTheFirstOfThem() {
        func clip(_ id: Int64, _ duration: Double) -> ClipRecord {
            var fields = NewClip(sha256: String(repeating: "\(id)", count: 64), size: 1, probeJson: "{}")
            fields.duration = duration
            return ClipRecord(id: id, fields: fields)
        }
        func match(_ a: Int64, _ b: Int64, offset: Double) -> MatchRecord {
            MatchRecord(
                id: a * 10 + b,
                fields: NewMatch(
                    clipA: a, clipB: b, shareA: 1, shareB: 1, offset: offset, transform: nil, segments: [],
                    matchedFrames: 3, meanDistance: 0, rule: [:]))
        }
        let clips = [clip(1, 30), clip(2, 20), clip(3, 20), clip(4, 10)]
        // B's time ≈ A's time − 8: B starts 8 s into A; C's time ≈ B's time + 3: C starts 3 s before B.
        let offsets = ReportTimeline.sharedFootageOffsets(
            for: clips, matches: [match(1, 2, offset: -8), match(2, 3, offset: 3)])
        #expect(offsets == [clips[0].sha256: 0, clips[1].sha256: 8, clips[2].sha256: 5, clips[3].sha256: 0])
        // A clip that begins later than its match is moved so that the pair starts at zero.
        let later = ReportTimeline.sharedFootageOffsets(for: clips, matches: [match(1, 2, offset: 5)])
        #expect(later[clips[0].sha256] == 5 && later[clips[1].sha256] == 0)
        let svg = ReportTimeline.svg(
            [
                .init(clip: clips[0], label: "a", links: [], keyframeTimes: [], matched: [8...22]),
                .init(clip: clips[1], label: "b", links: [], keyframeTimes: [], matched: [0...14]),
            ], offsets: offsets
        ).markup
        // Both shared stretches begin at the same place on the axis.
        let starts = svg.components(separatedBy: "class=\"shared\"").dropLast().map {
            $0.components(separatedBy: "<rect x=\"").last?.prefix { $0 != "\"" } ?? ""
        }
        #expect(starts.count == 3 && starts[0] == starts[1], "\(starts)")
    }
}

/// The matches in the JSON, CSV and PROV-JSON exports.
@Suite struct SameFootageExportTests {
    private func json(_ fixture: SameFootageFixture, _ scope: CatalogSnapshot.Scope) throws -> JSONValue {
        let text = try CatalogExport.export(fixture.base.catalog, scope: scope, format: .json).files[0].text
        return try JSONValue(parsing: text)
    }

    @Test func theJSONExportListsEachMatchWithBothClipsAndLeavesOutWhatIsAbsent() throws {
        try withSameFootageFixture { fixture in
            let matches = try json(fixture, .all)["matches"]?.arrayItems ?? []
            #expect(matches.count == 2)
            let first = try #require(matches.first)
            #expect(first["a"]?.stringValue == fixture.base.hostile.sha256)
            #expect(first["b"]?.stringValue == fixture.base.plain.sha256)
            #expect(first["offset"]?.doubleValue == -8)
            #expect(first["transform"]?.stringValue == "flipY")
            #expect(first["segments"]?.arrayItems.first?["b_end"]?.doubleValue == 14)
            #expect(first["overlap"]?["a_start"]?.doubleValue == 8)
            #expect(first["rule"]?["sampling_interval"]?.doubleValue == 1)
            #expect(first["matched_by"]?.stringValue == "analyst <1>")
            let second = try #require(matches.last)
            #expect(second["transform"] == nil && second["b_title"]?.stringValue == SameFootageFixture.outsideTitle)
        }
    }

    @Test func anArticleOrClipExportHoldsTheMatchesOfItsClips() throws {
        try withSameFootageFixture { fixture throws in
            #expect(try json(fixture, .article(fixture.base.article.id))["matches"]?.arrayCount == 2)
            #expect(try json(fixture, .clip(fixture.base.hostile.id))["matches"]?.arrayCount == 1)
            #expect(try json(fixture, .clip(fixture.outside.id))["matches"]?.arrayCount == 1)
        }
    }

    @Test func theMatchesTableHasTheJSONRowsFieldsWithFormulasNeutralised() throws {
        try withSameFootageFixture { fixture in
            let export = try CatalogExport.export(fixture.base.catalog, scope: .all, format: .csv)
            #expect(export.files.map(\.name).contains("matches.csv"))
            let text = try CatalogExport.export(
                fixture.base.catalog, scope: .all, format: .csv, table: .matches
            ).files[0].text
            let rows = parseCSV(text)
            #expect(rows.count == 3)
            let header = rows[0]
            guard case .object(let first)? = try json(fixture, .all)["matches"]?.arrayItems.first else {
                Issue.record("no match in the JSON export")
                return
            }
            #expect(Set(header) == Set(first.keys))
            let outside = Dictionary(uniqueKeysWithValues: zip(header, rows[2]))
            #expect(outside["b_title"] == "'" + SameFootageFixture.outsideTitle)
            #expect(outside["offset"] == "3" && outside["transform"] == "")
            #expect(outside["segments"]?.hasPrefix("[{\"a_end\":17") == true)
            let raw = try CatalogExport.export(
                fixture.base.catalog, scope: .all, format: .csv, table: .matches, raw: true
            ).files[0].text
            #expect(parseCSV(raw)[2].contains(SameFootageFixture.outsideTitle))
        }
    }

    @Test func provRelatesMatchedClipsThroughTheMatchingAndItsFinding() throws {
        try withSameFootageFixture { fixture in
            let text = try CatalogExport.export(
                fixture.base.catalog, scope: .clip(fixture.base.hostile.id), format: .provJSON
            ).files[0].text
            let doc = try JSONValue(parsing: text)
            let relations = ProvRelations(doc)
            let a = ProvExport.clipID(fixture.base.hostile.sha256), b = ProvExport.clipID(fixture.base.plain.sha256)
            let pair = "\(fixture.base.hostile.sha256)/\(fixture.base.plain.sha256)"
            #expect(relations.contains("used", "prov:activity", prefix: "footage:matching/\(pair)", "prov:entity", a))
            #expect(relations.contains("used", "prov:activity", prefix: "footage:matching/\(pair)", "prov:entity", b))
            #expect(
                relations.contains(
                    "wasGeneratedBy", "prov:entity", prefix: "footage:match/\(pair)", "prov:activity",
                    "footage:matching/\(pair)"))
            #expect(
                relations.contains(
                    "wasDerivedFrom", "prov:generatedEntity", prefix: "footage:match/", "prov:usedEntity", b))
            let finding = try #require(doc["entity"]?["footage:match/\(pair)"])
            #expect(finding["footage:offset"]?.doubleValue == -8)
            #expect(finding["footage:transform"]?.stringValue == "flipY")
            #expect(finding["prov:label"]?.stringValue == "B starts 8.0 s into A")
            // The other clip is outside a clip export's snapshot, and an entity all the same.
            #expect(doc["entity"]?[b]?["footage:sha256"]?.stringValue == fixture.base.plain.sha256)
            #expect(
                doc["activity"]?["footage:matching/\(pair)"]?["prov:startTime"]?.stringValue?.hasSuffix("Z") == true)
        }
    }
}
