import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// Page one of the report, the clips' names and the appendix: what an editor reads first, clips that read apart,
/// every acquisition record in full, and long hashes kept to the appendix.
@Suite struct ReportPageOneTests {
    private func render(_ fixture: ReportFixture) throws -> String {
        try EvidenceReport.render(.article(fixture.article), catalog: fixture.catalog).html
    }

    @Test func pageOneHoldsTheArticleEveryClaimTheSharedFootageAndTheChronology() throws {
        try withReportFixture { fixture in
            let html = try render(fixture)
            let pageOne = try #require(html.range(of: "<section class=\"details\"")).lowerBound
            let first = String(html[..<pageOne])
            #expect(first.contains("<h1>"))
            #expect(first.contains("id=\"claims-at-a-glance\""))
            #expect(first.contains("id=\"same-footage-summary\""))
            #expect(first.contains("id=\"chronology\""))
            for claim in fixture.claims { #expect(first.contains(">\(claim.shortID)</span>")) }
            // The status of every claim comes from one place (`ReportClaimStatus`); none is reviewed here.
            #expect(first.components(separatedBy: "no verdict yet").count - 1 == fixture.claims.count)
            #expect(first.contains("Posted on YouTube"))
            #expect(first.contains("2016-07-01T10:00:00Z"))
        }
    }

    @Test func verdictsDismissalsAndEditsShowOnPageOneAndInTheClaimsSections() throws {
        try withReportFixture { fixture in
            let (rated, dismissed, edited) = (fixture.claims[0], fixture.claims[1], fixture.claims[2])
            _ = try fixture.catalog.verdict(
                claimId: rated.id, rating: .missingContext, explanation: "The clip is <b>older</b> than the strike.",
                actor: "test")
            _ = try fixture.catalog.dismiss(claimId: dismissed.id, reason: "a headline, not a claim", actor: "test")
            _ = try fixture.catalog.edit(claimId: edited.id, text: "Corrected wording of the claim.", actor: "test")
            let html = try render(fixture)
            let pageOne = try #require(html.range(of: "<section class=\"details\"")).lowerBound
            let first = String(html[..<pageOne])
            #expect(first.contains("st-missing-context\">Missing context</span>"))
            // The explanation is the analyst's text: escaped.
            #expect(first.contains("The clip is &lt;b&gt;older&lt;/b&gt; than the strike."))
            #expect(first.contains("st-dismissed\">dismissed</span>"))
            #expect(first.contains("a headline, not a claim"))
            #expect(first.contains("Corrected wording of the claim."))
            #expect(first.components(separatedBy: "no verdict yet").count - 1 == fixture.claims.count - 2)
        }
    }

    @Test func everyAcquisitionRecordIsShownInFull() throws {
        try withReportFixture { fixture in
            // The same bytes found again on another platform: a second acquisition record of the clip.
            let clip = NewClip(sha256: fixture.plain.sha256, size: 500_000, probeJson: "{}")
            var other = NewAcquisition()
            other.publisher = "Pentagon"
            other.platform = "X"
            other.url = "https://x.example/pentagon/status/42"
            other.published = "2016-07-02T09:00:00Z"
            other.retrieved = "2016-07-03"
            other.retrievedBy = "analyst-3"
            _ = try fixture.catalog.register(
                ClipRegistration(
                    clip: clip, streams: [], tags: [], locations: [(path: "/evidence/release-x.webm", kind: .original)],
                    acquisition: other, details: ["footage_version": "test"]), actor: "analyst-3")
            let html = try render(fixture)
            #expect(html.contains("Acquisition records (2)"))
            #expect(html.contains("<td>X</td>"))
            #expect(html.contains("href=\"https://x.example/pentagon/status/42\""))
            #expect(html.contains("2016-07-02T09:00:00Z"))
            #expect(html.contains("Retrieved by analyst-3 from"))
            #expect(html.contains("Published on X by Pentagon"))
        }
    }

    @Test func longHashesAreOnlyInTheAppendix() throws {
        try withReportFixture { fixture in
            let html = try render(fixture)
            let appendix = try #require(html.range(of: "<section class=\"appendix\" id=\"appendix\">")).lowerBound
            let body = String(html[..<appendix])
            let events = try fixture.catalog.ledgerEvents(subject: fixture.hostile.sha256)
            #expect(!events.isEmpty)
            for event in events { #expect(!body.contains(event.hash)) }
            for clip in [fixture.hostile, fixture.plain] {
                #expect(!body.replacingOccurrences(of: "clip-\(clip.sha256)", with: "").contains(clip.sha256))
                #expect(html[appendix...].contains(clip.sha256))
            }
            #expect(!body.contains(fixture.article.sha256))
            #expect(html[appendix...].contains(fixture.article.sha256))
        }
    }

    @Test func twoUntitledClipsOfOnePublisherAreNamedApart() {
        func clip(_ id: Int64, _ hex: String) -> ClipRecord {
            ClipRecord(id: id, fields: NewClip(sha256: String(repeating: hex, count: 32), size: 1, probeJson: "{}"))
        }
        func acquisition(_ id: Int64) -> AcquisitionRecord {
            var fields = NewAcquisition(clipId: id)
            fields.publisher = "Ministry"
            fields.platform = "YouTube"
            return AcquisitionRecord(id: id, fields: fields)
        }
        var snapshot = CatalogSnapshot(scope: .all)
        snapshot.clips = [clip(1, "c3"), clip(2, "d4")]
        snapshot.acquisitions = [acquisition(1), acquisition(2)]
        let index = SnapshotIndex(snapshot)
        #expect(index.name(of: 1) == "Ministry · YouTube · c3c3c3c3")
        #expect(index.name(of: 2) == "Ministry · YouTube · d4d4d4d4")
        // Titles that read alike once cut to fit the timeline get their short hash.
        let long = "A very long title that is the same for both releases"
        let rows = snapshot.clips.map { ReportTimeline.Row(clip: $0, label: long, links: [], keyframeTimes: []) }
        let labels = ReportTimeline.distinctLabels(rows)
        #expect(labels[0] != labels[1])
        #expect(labels[0].hasSuffix("c3c3c3c3") && labels[1].hasSuffix("d4d4d4d4"))
    }

    @Test func aGivenTitleComesBeforeTheFilesAndThePlatforms() throws {
        try withReportFixture { fixture in
            _ = try fixture.catalog.setTitle(clip: fixture.plain, title: "Pentagon <release> B", actor: "analyst-1")
            let html = try render(fixture)
            #expect(html.contains("Pentagon &lt;release&gt; B"))
            #expect(html.contains("title given by the analyst"))
            #expect(!html.contains("Pentagon <release> B"))
        }
    }

    @Test func whoPostedFirstIsSaidOnlyWhenTheTimesTellIt() {
        #expect(ReportChronology.comparable("2016-07-01", "2016-07-02T00:00:00Z"))
        #expect(!ReportChronology.comparable("2016-07-01", "2016-07-01T10:00:00Z"))
        #expect(ReportChronology.comparable("2016-07-01T09:00:00Z", "2016-07-01T10:00:00Z"))
    }

    @Test func aTitleMustSaySomethingOnOneLine() throws {
        #expect(try ClipTitle.checked("  Ministry upload  ") == "Ministry upload")
        #expect(try ClipTitle.checked("<b>markup</b> is text") == "<b>markup</b> is text")
        #expect(throws: ClipTitle.Failure.empty) { try ClipTitle.checked(" \t ") }
        #expect(throws: ClipTitle.Failure.controlCharacter) { try ClipTitle.checked("two\nlines") }
        #expect(throws: ClipTitle.Failure.tooLong(limit: 300)) {
            try ClipTitle.checked(String(repeating: "x", count: 301))
        }
    }
}
