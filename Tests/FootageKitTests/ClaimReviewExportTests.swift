import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// The ClaimReview export a publisher posts: a review per rated claim, with the verdict's rating on the 1–6 scale,
/// the review page's URL, the reviewing organisation and the speaker; every type and property checked against the
/// schema.org vocabulary itself, and the fields Google's fact-check markup requires.
@Suite struct ClaimReviewExportTests {
    /// The fixture with the reviewer set, a review URL for its article, a verdict on the first claim and the third
    /// dismissed.
    private func reviewed(_ fixture: ReportFixture) throws {
        _ = try fixture.catalog.setReviewer(name: "Example Checks", url: "https://checks.example.org", actor: "ed")
        _ = try fixture.catalog.setReviewURL(
            articleId: fixture.article.id, url: "https://checks.example.org/convoy", actor: "ed")
        _ = try fixture.catalog.verdict(
            claimId: fixture.claims[0].id, rating: .misleading, explanation: "the footage is older than the strike",
            actor: "analyst <1>")
        _ = try fixture.catalog.dismiss(claimId: fixture.claims[2].id, reason: "no footage bears on it", actor: "ed")
    }

    private func graph(_ output: CatalogExport.Output) throws -> [JSONValue] {
        try JSONValue(parsing: output.files[0].text)["@graph"]?.arrayItems ?? []
    }

    @Test func aRatedClaimIsAClaimReviewWithItsRatingURLAndReviewer() throws {
        try withReportFixture { fixture in
            try reviewed(fixture)
            let output = try CatalogExport.export(fixture.catalog, scope: .all, format: .claimReview)
            let reviews = try graph(output).filter { $0["@type"] == "ClaimReview" }
            #expect(reviews.count == 1)
            let review = try #require(reviews.first)
            #expect(review["url"] == "https://checks.example.org/convoy")
            #expect(review["claimReviewed"]?.stringValue == fixture.claims[0].text)
            #expect(review["reviewRating"]?["@type"] == "Rating")
            #expect(review["reviewRating"]?["ratingValue"] == .int(2))
            #expect(review["reviewRating"]?["worstRating"] == .int(1))
            #expect(review["reviewRating"]?["bestRating"] == .int(6))
            #expect(review["reviewRating"]?["alternateName"] == "Misleading")
            #expect(review["author"]?["@type"] == "Organization")
            #expect(review["author"]?["name"] == "Example Checks")
            #expect(review["itemReviewed"]?["@type"] == "Claim")
            #expect(review["itemReviewed"]?["appearance"]?["datePublished"] == "2016-07-01")
            #expect(review["itemReviewed"]?["firstAppearance"]?["headline"] == .string(fixture.article.headline))
            let body = try #require(review["reviewBody"]?.stringValue)
            #expect(body.hasPrefix("The footage is older than the strike. Clip "))
            #expect(body.hasSuffix("."))
            // The claim without a verdict and the dismissed one are named, not posted.
            #expect(output.notes.contains { $0.contains("no verdict") && $0.contains(fixture.claims[1].shortID) })
            #expect(output.notes.contains { $0.contains("dismissed") && $0.contains(fixture.claims[2].shortID) })
            // One MediaReview: the clip the rated claim's evidence rests on; a script address is never posted.
            let media = try graph(output).filter { $0["@type"] == "MediaReview" }
            #expect(media.count == 1)
            #expect(media.first?["itemReviewed"]?["identifier"]?["value"] == .string(fixture.hostile.sha256))
            #expect(media.first?["mediaAuthenticityCategory"] == "DecontextualizedContent")
            #expect(media.first?["itemReviewed"]?["contentUrl"] == nil)
            #expect(media.first?["itemReviewed"]?["url"] == nil)
        }
    }

    @Test func everyTypeAndPropertyIsSchemaOrgsAndGooglesFieldsAreThere() throws {
        try withReportFixture { fixture in
            try reviewed(fixture)
            _ = try fixture.catalog.verdict(
                claimId: fixture.claims[1].id, rating: .true, explanation: "Seen in the release", actor: "a")
            let text = try CatalogExport.export(fixture.catalog, scope: .all, format: .claimReview).files[0].text
            let document = try JSONSerialization.jsonObject(with: Data(text.utf8))
            let graph = (document as? [String: Any])?["@graph"] as? [[String: Any]] ?? []
            #expect(graph.count == 4)
            for review in graph where review["@type"] as? String == "ClaimReview" {
                #expect(FactCheckMarkup.problems(review).isEmpty, "\(FactCheckMarkup.problems(review))")
            }
            guard let vocabulary = SchemaOrgVocabulary.installed else { return }
            let problems = vocabulary.problems(in: document)
            #expect(problems.isEmpty, "against \(vocabulary.path): \(problems)")
        }
    }

    @Test func theVocabularyCheckFindsWhatIsNotSchemaOrg() throws {
        guard let vocabulary = SchemaOrgVocabulary.installed else { return }
        let wrong: [String: Any] = [
            "@type": "ClaimReview", "sha256": "x", "reviewRating": ["@type": "Rating", "headline": "h"],
            "itemReviewed": ["@type": "Claimz"], "author": ["@type": "Place", "name": "n"],
        ]
        let problems = vocabulary.problems(in: wrong)
        #expect(problems.contains { $0.contains("sha256 is not a schema.org property") }, "\(problems)")
        #expect(problems.contains { $0.contains("headline is not a property of Rating") }, "\(problems)")
        #expect(problems.contains { $0.contains("Claimz is not a schema.org class") }, "\(problems)")
        #expect(problems.contains { $0.contains("a Place is outside the range of author") }, "\(problems)")
        #expect(
            vocabulary.problems(in: ["@type": "MediaReview", "mediaAuthenticityCategory": "OriginalMediaContent"])
                .isEmpty)
        #expect(!vocabulary.problems(in: ["@type": "MediaReview", "mediaAuthenticityCategory": "True"]).isEmpty)
    }

    @Test func theExportsReviewURLStandsForEveryArticle() throws {
        try withReportFixture { fixture in
            try reviewed(fixture)
            let output = try CatalogExport.export(
                fixture.catalog, scope: .all, format: .claimReview, reviewURL: "https://checks.example.org/all")
            #expect(try graph(output).allSatisfy { $0["url"] == "https://checks.example.org/all" })
            let anchored = try CatalogExport.export(
                fixture.catalog, scope: .all, format: .claimReview, reviewURL: "https://checks.example.org/all#top")
            #expect(
                try graph(anchored).allSatisfy {
                    $0["@id"]?.stringValue?.hasPrefix("https://checks.example.org/all#") == true
                        && $0["@id"]?.stringValue?.contains("#top") == false
                })
        }
    }

    @Test func withoutVerdictsReviewURLOrReviewerNothingIsExported() throws {
        try withReportFixture { fixture in
            let catalog = fixture.catalog
            #expect(throws: WorkflowError.noVerdicts) {
                try CatalogExport.export(catalog, scope: .all, format: .claimReview)
            }
            _ = try catalog.verdict(claimId: fixture.claims[0].id, rating: .false, explanation: "No.", actor: "a")
            #expect(throws: WorkflowError.noReviewURL(articles: [fixture.article.shortID])) {
                try CatalogExport.export(catalog, scope: .all, format: .claimReview)
            }
            #expect(throws: WorkflowError.noReviewer) {
                try CatalogExport.export(catalog, scope: .all, format: .claimReview, reviewURL: "https://x.example/r")
            }
        }
    }

    @Test func aWatchPageIsTheVideosURLAndOnlyAFileItsContentURL() {
        #expect(!MediaReviewExport.isMediaFile("https://www.youtube.com/watch?v=abc"))
        #expect(!MediaReviewExport.isMediaFile("https://example.org/video?a=1&b=2"))
        #expect(!MediaReviewExport.isMediaFile("https://example.org/videos.mp4/page"))
        #expect(MediaReviewExport.isMediaFile("https://media.example.org/2016/strike.MP4?token=1"))
        #expect(MediaReviewExport.isMediaFile("https://example.org/release.webm"))
    }

    @Test func theSpeakerIsAPersonOrAnOrganisationAndAGroupIsNoOne() throws {
        func speaker(_ attribution: String?, _ details: JSONValue = .object([:])) -> ClaimSpeaker? {
            ClaimSpeaker(
                ClaimRecord(
                    id: 1,
                    fields: NewClaim(
                        text: "t", start: nil, end: nil, kinds: [], attribution: attribution, details: details,
                        origin: .extracted)))
        }
        #expect(speaker("Col. Chris Garver")?.kind == .person)
        #expect(speaker("the U.N. Office on Drugs and Crime")?.kind == .organization)
        #expect(speaker("Iraqi Ministry of Defence")?.kind == .organization)
        #expect(speaker("a US military official")?.kind == .person)
        #expect(speaker("a coalition spokesman, Col. Chris Garver")?.kind == .person)
        #expect(speaker("Lt. Col. Ahmed Hassan, who led the operation")?.kind == .person)
        #expect(speaker("the Pentagon")?.kind == .organization)
        #expect(speaker("officials") == nil)
        #expect(speaker("U.S. officials") == nil)
        #expect(speaker(nil) == nil)
        // What claim extraction recorded wins over the guess.
        #expect(speaker("Reuters", ["speaker_kind": "organization"])?.kind == .organization)
        #expect(speaker("Garver", ["speaker_kind": "person"])?.kind == .person)
        #expect(speaker("officials", ["speaker_kind": "organization"])?.value["@type"] == "Organization")
    }

    @Test func aReviewBodyIsMadeOfSentences() {
        #expect(Sentences.sentence("  the footage is older ") == "The footage is older.")
        #expect(Sentences.sentence("Is it?") == "Is it?")
        #expect(Sentences.sentence("He said “no.”") == "He said “no.”")
        #expect(Sentences.sentence("") == "")
    }

    @Test func reviewsAreActivitiesThatGenerateVerdictsDismissalsAndRevisionsInPROV() throws {
        try withReportFixture { fixture in
            try reviewed(fixture)
            _ = try fixture.catalog.edit(
                claimId: fixture.claims[0].id, text: "The ministry posted a video.", actor: "ed")
            let doc = try JSONValue(
                parsing: try CatalogExport.export(fixture.catalog, scope: .all, format: .provJSON)
                    .files[0].text)
            let relations = ProvRelations(doc)
            #expect(
                relations.contains(
                    "wasGeneratedBy", "prov:entity", prefix: "footage:verdict/", "prov:activity",
                    prefixed: "footage:reviewing/"))
            #expect(
                relations.contains(
                    "wasGeneratedBy", "prov:entity", prefix: "footage:dismissal/", "prov:activity",
                    prefixed: "footage:reviewing/"))
            #expect(
                relations.contains(
                    "wasGeneratedBy", "prov:entity", prefix: "footage:claim-revision/", "prov:activity",
                    prefixed: "footage:reviewing/"))
            #expect(
                relations.contains(
                    "used", "prov:activity", prefix: "footage:reviewing/", "prov:entity", prefixed: "footage:claim/"))
            #expect(
                relations.contains(
                    "used", "prov:activity", prefix: "footage:reviewing/", "prov:entity", prefixed: "footage:link/"))
            #expect(
                relations.contains(
                    "wasAssociatedWith", "prov:activity", prefix: "footage:reviewing/", "prov:agent",
                    "footage:analyst/ed"))
            #expect(
                relations.contains(
                    "wasDerivedFrom", "prov:generatedEntity", prefix: "footage:claim-revision/", "prov:usedEntity",
                    prefixed: "footage:claim/"))
            func members(_ kind: String) -> [String: JSONValue] {
                if case .object(let members)? = doc[kind] { return members }
                return [:]
            }
            let verdicts = members("entity").filter { $0.key.hasPrefix("footage:verdict/") }.map(\.value)
            #expect(verdicts.count == 1)
            #expect(verdicts.first?["footage:ratingValue"] == .int(2))
            // No identifier is both an entity and an activity or an agent.
            let kinds = ["entity", "activity", "agent"].map { Set(members($0).keys) }
            #expect(
                kinds[0].isDisjoint(with: kinds[1]) && kinds[0].isDisjoint(with: kinds[2])
                    && kinds[1].isDisjoint(with: kinds[2]))
        }
    }

    @Test func anEntityIsGeneratedOnceThoughTwoActivitiesMadeItsBytes() {
        var doc = ProvDocument()
        doc.relation("wasGeneratedBy", ["prov:entity": "footage:keyframe/x", "prov:activity": "footage:extract/1"])
        doc.relation("wasGeneratedBy", ["prov:entity": "footage:keyframe/x", "prov:activity": "footage:extract/2"])
        guard case .object(let generations)? = doc.value["wasGeneratedBy"] else {
            Issue.record("no generation")
            return
        }
        #expect(generations.count == 1)
        #expect(generations.values.first?["prov:activity"] == "footage:extract/1")
    }
}
