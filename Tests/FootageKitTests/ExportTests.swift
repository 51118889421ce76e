import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// Reads RFC 4180 CSV back: quoted fields may hold commas, doubled quotes and line breaks.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var quoted = false, index = text.unicodeScalars.startIndex
    let scalars = text.unicodeScalars
    while index < scalars.endIndex {
        let c = scalars[index]
        let next = scalars.index(after: index)
        if quoted {
            if c == "\"" {
                if next < scalars.endIndex && scalars[next] == "\"" {
                    field += "\""
                    index = scalars.index(after: next)
                    continue
                }
                quoted = false
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field)
            field = ""
        } else if c == "\r" && next < scalars.endIndex && scalars[next] == "\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
            index = scalars.index(after: next)
            continue
        } else {
            field.unicodeScalars.append(c)
        }
        index = next
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}

@Suite struct ExportTests {
    @Test func csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        #expect(CSVExport.field("plain text") == "plain text")
        #expect(CSVExport.field("a,b") == "\"a,b\"")
        #expect(CSVExport.field("say \"no\"") == "\"say \"\"no\"\"\"")
        #expect(CSVExport.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVExport.field("crlf\r\nline") == "\"crlf\r\nline\"")
        #expect(CSVExport.field("cr\rline") == "\"cr\rline\"")
    }

    @Test func cellsASpreadsheetWouldRunAreWrittenAsText() {
        for formula in ["=HYPERLINK(\"http://x\")", "+1+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "=1"] {
            #expect(CSVExport.neutralised(formula) == "'" + formula)
        }
        for plain in ["-12.5", "+3", "-1e-07", "plain", "a=b", "", "'already"] {
            #expect(CSVExport.neutralised(plain) == plain)
        }
    }

    @Test func aHostileTitleIsNeutralisedUnlessRawIsAskedFor() throws {
        try withReportFixture { fixture in
            try fixture.catalog.write { db in
                try db.execute(
                    sql: "UPDATE clip SET title = '=cmd|'' /C calc''!A0' WHERE id = ?",
                    arguments: [
                        fixture.plain.id
                    ])
            }
            let safe = try CatalogExport.export(fixture.catalog, scope: .all, format: .csv, table: .clips)
            #expect(parseCSV(safe.files[0].text).contains { $0.contains("'=cmd|' /C calc'!A0") })
            let raw = try CatalogExport.export(fixture.catalog, scope: .all, format: .csv, table: .clips, raw: true)
            #expect(parseCSV(raw.files[0].text).contains { $0.contains("=cmd|' /C calc'!A0") })
        }
    }

    @Test func onlyWebAddressesReachPublishedDocuments() {
        #expect(WebAddress.http("https://www.youtube.com/watch?v=x") == "https://www.youtube.com/watch?v=x")
        #expect(WebAddress.http("HTTP://example.org/a") == "HTTP://example.org/a")
        for hostile in [
            "JaVaScRiPt:alert(4)", "javascript:alert(1)", "data:text/html,<b>", "file:///etc/passwd",
            "//example.org/x", "http://", "not a url", "vbscript:x",
        ] {
            #expect(WebAddress.http(hostile) == nil, "\(hostile)")
        }
    }

    @Test func aTitleWithCommasQuotesAndNewlinesSurvivesTheClipsTable() throws {
        try withReportFixture { fixture in
            let output = try CatalogExport.export(fixture.catalog, scope: .all, format: .csv, table: .clips)
            let text = output.files[0].text
            #expect(text.hasSuffix("\r\n"))
            let rows = parseCSV(text)
            #expect(rows.count == 3)
            #expect(rows.allSatisfy { $0.count == rows[0].count })
            let title = try #require(rows[0].firstIndex(of: "title"))
            #expect(rows.map { $0[title] }.contains(ReportFixture.awkwardTitle))
            #expect(rows.map { $0[title] }.contains(ReportFixture.hostileTitle))
        }
    }

    @Test func everyCSVTableHasItsHeaderAndRows() throws {
        try withReportFixture { fixture in
            let output = try CatalogExport.export(fixture.catalog, scope: .all, format: .csv)
            #expect(output.files.map(\.name) == ["clips.csv", "claims.csv", "links.csv", "matches.csv"])
            let claims = parseCSV(output.files[1].text)
            #expect(claims.count == 4)
            #expect(claims[1][claims[0].firstIndex(of: "evidence")!] == "Supported by footage")
            let links = parseCSV(output.files[2].text)
            #expect(links.count == 3)
            #expect(links[1][links[0].firstIndex(of: "event_hash")!].count == 64)
        }
    }

    @Test func theJSONExportIsTheSameBytesEveryTime() throws {
        try withReportFixture { fixture in
            let first = try CatalogExport.export(fixture.catalog, scope: .all, format: .json).files[0].text
            let second = try CatalogExport.export(fixture.catalog, scope: .all, format: .json).files[0].text
            #expect(first == second)
            let value = try JSONValue(parsing: first)
            #expect(value["clips"]?.arrayCount == 2)
            #expect(value["articles"]?.arrayItems.first?["claims"]?.arrayCount == 3)
            #expect(value["links"]?.arrayCount == 2)
            #expect(value["ledger"]?["head"]?.stringValue == (try fixture.catalog.ledgerHead().hash))
            let clip = try #require(value["clips"]?.arrayItems.first)
            #expect(clip["keyframes"]?.arrayCount == 4)
            #expect(clip["assessments"]?.arrayItems.first?["schema_org"] == "DecontextualizedContent")
            #expect(clip["acquisitions"]?.arrayCount == 1)
            #expect(clip["tags"]?.arrayCount == 1)
        }
    }

    @Test func anArticleExportHoldsOnlyItsClaimsLinksAndClips() throws {
        try withReportFixture { fixture in
            var other = NewClip(sha256: String(repeating: "9f", count: 32), size: 1, probeJson: "{}")
            other.duration = 5
            _ = try fixture.catalog.register(
                ClipRegistration(
                    clip: other, streams: [], tags: [], locations: [],
                    acquisition: nil, details: [:]), actor: "a")
            let text = try CatalogExport.export(fixture.catalog, scope: .article(fixture.article.id), format: .json)
                .files[0].text
            let value = try JSONValue(parsing: text)
            #expect(value["clips"]?.arrayCount == 2)
            #expect(value["scope"]?["article"] == .string(fixture.article.shortID))
        }
    }

    @Test func provJSONNamesEntitiesActivitiesAgentsAndRelations() throws {
        try withReportFixture { fixture in
            let text = try CatalogExport.export(fixture.catalog, scope: .all, format: .provJSON).files[0].text
            let doc = try JSONValue(parsing: text)
            #expect(doc["prefix"]?["footage"] != nil)
            let clipID = "footage:clip/\(fixture.hostile.sha256)"
            #expect(doc["entity"]?[clipID]?["footage:sha256"] == .string(fixture.hostile.sha256))
            let agents = doc["agent"]
            #expect(agents?["footage:tool/footage-\(FootageVersion.string)"] != nil)
            #expect(agents?["footage:analyst/analyst%20%3C1%3E"] != nil)
            let relations = ProvRelations(doc)
            #expect(
                relations.contains(
                    "wasDerivedFrom", "prov:generatedEntity", prefix: "footage:keyframe/",
                    "prov:usedEntity", clipID))
            #expect(
                relations.contains(
                    "wasGeneratedBy", "prov:entity", prefix: "footage:keyframe/",
                    "prov:activity", prefixed: "footage:extract/"))
            #expect(relations.contains("used", "prov:activity", prefix: "footage:linking/", "prov:entity", clipID))
            #expect(
                relations.contains(
                    "used", "prov:activity", prefix: "footage:linking/", "prov:entity",
                    prefixed: "footage:claim/"))
            #expect(
                relations.contains(
                    "wasAttributedTo", "prov:entity", prefix: clipID, "prov:agent",
                    prefixed: "footage:publisher/"))
            #expect(
                relations.contains(
                    "wasAttributedTo", "prov:entity", prefix: "footage:link/", "prov:agent",
                    prefixed: "footage:analyst/"))
            #expect(
                relations.contains(
                    "wasAssociatedWith", "prov:activity", prefix: "footage:register/", "prov:agent",
                    "footage:tool/footage-\(FootageVersion.string)"))
            let activities = doc["activity"]
            if case .object(let members)? = activities {
                #expect(members.values.allSatisfy { $0["prov:startTime"]?.stringValue?.hasSuffix("Z") == true })
            } else {
                Issue.record("no activities")
            }
            let again = try CatalogExport.export(fixture.catalog, scope: .all, format: .provJSON).files[0].text
            #expect(again == text)
        }
    }

    @Test func durationsAndOffsetsAreWrittenAsSchemaOrgExpects() {
        #expect(ClaimReviewExport.time(3725.5) == "01:02:05.500")
        #expect(ClaimReviewExport.isoDuration(62.5) == "PT1M2.5S")
        #expect(ClaimReviewExport.isoDuration(30) == "PT30S")
    }
}

/// The relations of a PROV-JSON document, for checking that one exists.
struct ProvRelations {
    let doc: JSONValue
    init(_ doc: JSONValue) { self.doc = doc }

    func contains(_ kind: String, _ firstKey: String, prefix first: String, _ secondKey: String, _ second: String)
        -> Bool
    {
        records(kind).contains {
            ($0[firstKey]?.stringValue ?? "").hasPrefix(first) && $0[secondKey]?.stringValue == second
        }
    }

    func contains(
        _ kind: String, _ firstKey: String, prefix first: String, _ secondKey: String, prefixed second: String
    ) -> Bool {
        records(kind).contains {
            ($0[firstKey]?.stringValue ?? "").hasPrefix(first) && ($0[secondKey]?.stringValue ?? "").hasPrefix(second)
        }
    }

    private func records(_ kind: String) -> [JSONValue] {
        if case .object(let members)? = doc[kind] { return Array(members.values) }
        return []
    }
}
