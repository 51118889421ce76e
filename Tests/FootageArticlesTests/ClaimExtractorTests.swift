import Foundation
import Testing

@testable import FootageArticles

@Suite struct ClaimExtractorTests {
    private static func exampleClaims() throws -> (ImportedArticle, [ExtractedClaim]) {
        let article = try ArticleImporter.parse(
            data: Data(contentsOf: ArticleFixtures.example), fileName: "convoy-strike.md")
        return (
            article,
            ClaimExtractor.extract(from: article.body, headline: article.headline, published: article.published)
        )
    }

    private func claim(_ claims: [ExtractedClaim], containing words: String) -> ExtractedClaim? {
        claims.first { $0.text.contains(words) }
    }

    private func only(_ sentence: String, published: String? = nil) -> ExtractedClaim? {
        ClaimExtractor.extract(from: sentence, published: published).first
    }

    @Test func theTweetIsAQuotedAttributedFigure() throws {
        let (_, claims) = try Self.exampleClaims()
        let tweet = try #require(claim(claims, containing: "55 ISIL trucks"))
        #expect(tweet.kinds == [.attribution, .event, .figure, .quote])
        #expect(tweet.attribution == "Col. Chris Garver")
        #expect(tweet.attributionMedium == "tweet")
        #expect(
            tweet.quotes == [
                "The coalition destroyed 55 ISIL trucks southwest of Fallujah; Iraq Air Force destroyed more"
            ])
        #expect(tweet.figures == [Figure(value: 55, text: "55 ISIL trucks", noun: "trucks")])
    }

    @Test func theRamadiSentenceCounts120Vehicles() throws {
        let (_, claims) = try Self.exampleClaims()
        let ramadi = try #require(claim(claims, containing: "Ramadi, according to"))
        #expect(
            ramadi.figures == [Figure(value: 120, text: "Another 120 vehicles", noun: "vehicles", qualifier: "another")]
        )
        #expect(ramadi.attribution == "Garver")
        #expect(ramadi.kinds.contains(.event))
    }

    @Test func theYouTubeUploadNamesTheMinistryAndResolvesFriday() throws {
        let (_, claims) = try Self.exampleClaims()
        let upload = try #require(claim(claims, containing: "YouTube"))
        #expect(upload.kinds.contains(.footage))
        let reference = try #require(upload.footageReferences.first)
        #expect(reference.publishers == ["Iraqi Defence Ministry"])
        #expect(reference.platform == "YouTube")
        // 1 July 2016 was a Friday: "on Friday" in an article of that day is that day.
        #expect(reference.date == DateExpression(text: "on Friday", resolved: "2016-07-01"))
    }

    @Test func thePentagonReleaseNamesBothPublishers() throws {
        let (_, claims) = try Self.exampleClaims()
        let release = try #require(claim(claims, containing: "have released footage"))
        #expect(release.footageReferences.first?.publishers == ["Pentagon", "Iraqi army"])
        #expect(release.footageReferences.first?.cue == "footage")
    }

    @Test func vagueAndQualifiedQuantitiesAreFigures() throws {
        let (_, claims) = try Self.exampleClaims()
        let official = try #require(claim(claims, containing: "scores of vehicles"))
        #expect(official.figures == [Figure(value: nil, text: "scores of vehicles", noun: "vehicles")])
        #expect(official.attribution == "a US military official")
        let men = try #require(claim(claims, containing: "two of the men"))
        #expect(men.figures == [Figure(value: 2, text: "At least two of the men", noun: "men", qualifier: "at least")])
        let tractor = try #require(claim(claims, containing: "tractor"))
        #expect(tractor.figures.first?.value == 1)
        #expect(tractor.figures.first?.noun == "tractor")
    }

    @Test func promotionsAreNotClaims() throws {
        let (_, claims) = try Self.exampleClaims()
        #expect(!claims.contains { $0.text.contains("READ MORE") || $0.text.contains("residents describe") })
        #expect(claims.count == 12)
    }

    @Test func everySpanRoundTripsAsUnicodeScalars() throws {
        let (article, claims) = try Self.exampleClaims()
        let scalars = Array(article.body.unicodeScalars)
        for claim in claims {
            #expect(String(String.UnicodeScalarView(scalars[claim.start..<claim.end])) == claim.text)
            #expect(!claim.kinds.isEmpty)
            #expect(claim.kinds == claim.kinds.sorted())
        }
        let tricky = "Zo\u{EB} \u{1F1EE}\u{1F1F6} said the army destroyed 5 tanks. “Mixed e\u{301} text,” she said."
        let trickyScalars = Array(tricky.unicodeScalars)
        for claim in ClaimExtractor.extract(from: tricky) {
            #expect(String(String.UnicodeScalarView(trickyScalars[claim.start..<claim.end])) == claim.text)
        }
    }

    @Test func everyFormatYieldsTheSameClaims() throws {
        let files = try ArticleFixtures.convoyStrikeFiles()
        let claimSets = try files.map { name, data in
            let article = try ArticleImporter.parse(data: data, fileName: name)
            return ClaimExtractor.extract(from: article.body, headline: article.headline, published: "2016-07-01")
        }
        for claims in claimSets.dropFirst() { #expect(claims == claimSets[0]) }
    }

    @Test func attributionPatterns() {
        #expect(only("The army destroyed the bridge, Garver said.")?.attribution == "Garver")
        #expect(only("“We hit every vehicle in the column,” said Col. Jane Doe.")?.attribution == "Col. Jane Doe")
        #expect(
            only("According to the Interior Ministry, 12 people were detained.")?.attribution == "the Interior Ministry"
        )
        let told = only("A police spokesman told reporters that four men had been arrested.")
        #expect(told?.attribution == "A police spokesman")
        let statement = only("The ministry said in a statement that the convoy was destroyed near Ramadi.")
        #expect(statement?.attribution == "The ministry")
        #expect(statement?.attributionMedium == "statement")
        #expect(only("Both armies release footage they say shows the convoy.")?.attribution == "they")
        let tweeted = only("Officials in Baghdad tweeted that the road had been captured.")
        #expect(tweeted?.attribution == "Officials in Baghdad")
        #expect(tweeted?.attributionMedium == "tweet")
    }

    @Test func figurePatterns() {
        func figures(_ sentence: String) -> [Figure] { only(sentence)?.figures ?? [] }
        #expect(figures("The strikes destroyed 2,000 vehicles.").first?.value == 2_000)
        #expect(
            figures("Some 1.5 million people fled the city.").first
                == Figure(value: 1_500_000, text: "Some 1.5 million people", noun: "people", qualifier: "some"))
        #expect(
            figures("Damage was put at $4.2m by the ministry.").first
                == Figure(value: 4_200_000, text: "$4.2m", currency: "$"))
        #expect(figures("The militants lost twenty-five trucks and a dozen tanks.").map(\.value) == [25, 12])
        #expect(figures("Dozens of fighters were killed near Mosul.").first?.value == nil)
        #expect(figures("Dozens of fighters were killed near Mosul.").first?.noun == "fighters")
        #expect(figures("Turnout rose 5% in the province.").first?.noun == "%")
        #expect(figures("In 2016 the army retook Fallujah on 26 June at 10:30.").isEmpty)
        #expect(figures("The no one wanted to talk about.").isEmpty)
    }

    @Test func footageReferencePatterns() {
        let passive = only(
            "Video uploaded to Telegram on Monday by the Interior Ministry shows the raid.", published: "2016-07-01")
        let reference = passive?.footageReferences.first
        #expect(reference?.publishers == ["Interior Ministry"])
        #expect(reference?.platform == "Telegram")
        #expect(reference?.date == DateExpression(text: "on Monday", resolved: "2016-06-27"))

        let posted = only(
            "The clip was posted on X by a local journalist, Mosul Eye, yesterday.", published: "2016-07-01")
        #expect(posted?.footageReferences.first?.platform == "Twitter/X")
        #expect(posted?.footageReferences.first?.date == DateExpression(text: "yesterday", resolved: "2016-06-30"))

        let dated = only("The ministry released footage of the strike on 30 June.", published: "2016-07-01")
        #expect(dated?.footageReferences.first?.date == DateExpression(text: "on 30 June", resolved: "2016-06-30"))
        let unresolved = only("The ministry released footage of the strike on Friday.")
        #expect(unresolved?.footageReferences.first?.date == DateExpression(text: "on Friday", resolved: nil))
        let last = only("Footage aired last Friday.", published: "2016-07-01")
        #expect(last?.footageReferences.first?.date?.resolved == "2016-06-24")

        #expect(only("Prisoners were released on Friday by the court.")?.footageReferences.isEmpty ?? true)
    }

    @Test func publishersNamedByWhatTheyAreAreRecorded() {
        func publishers(_ sentence: String) -> [String] { only(sentence)?.footageReferences.first?.publishers ?? [] }
        #expect(publishers("Video posted on Telegram by a local channel shows the smoke.") == ["a local channel"])
        #expect(publishers("Footage broadcast by state television showed the buses.") == ["state television"])
        #expect(publishers("Dashcam video, shared by the police, shows the bus skidding.") == ["police"])
        #expect(
            publishers("The agency's press office released drone footage of the fields.") == ["agency's press office"])
        #expect(publishers("Video released by the Ostara News Agency shows the checkpoint.") == ["Ostara News Agency"])
        #expect(publishers("The video was filmed by the time the troops arrived.").isEmpty)
    }

    @Test func eventsNeedAnActionAndSomethingNamed() {
        #expect(only("Jets struck the convoy near Fallujah.")?.kinds == [.event])
        #expect(only("It struck them at dawn.") == nil)
        #expect(only("The weather was calm on Friday.") == nil)
    }

    @Test func shortQuotationsAreScareQuotes() {
        #expect(only("They called it a “victory” on the radio.") == nil)
        #expect(only("He spoke of ‘a total rout’ of the column.")?.quotes == ["a total rout"])
        #expect(only("The coalition’s jets didn’t stop.") == nil)
    }

    @Test func promotionLinesAreSkipped() {
        let body =
            "READ MORE: Strikes destroyed 55 trucks\n\nRelated | Army captured Mosul\n\n"
            + "Watch the army destroy 5 tanks near Mosul."
        let claims = ClaimExtractor.extract(from: body)
        #expect(claims.map(\.text) == ["Watch the army destroy 5 tanks near Mosul."])
    }

    @Test func theHeadlineRepeatedInTheBodyIsSkipped() {
        let claims = ClaimExtractor.extract(
            from: "Jets struck a convoy near Fallujah\n\nJets struck a convoy near Fallujah.",
            headline: "Jets struck a convoy near Fallujah")
        #expect(claims.map(\.text) == ["Jets struck a convoy near Fallujah."])
    }

    @Test func hostileBodiesAreHandledWithoutBlowingUp() {
        let words = String(repeating: "Army said “by the Ministry released video on Friday 5 trucks ", count: 2_000)
        let claims = ClaimExtractor.extract(from: words, published: "2016-07-01")
        // The open quotation never closes, so no sentence ends: the run is cut into sentences of bounded length.
        #expect(claims.count >= words.unicodeScalars.count / SentenceSplitter.maximumLength)
        #expect(claims.allSatisfy { $0.end - $0.start <= SentenceSplitter.maximumLength })
        let sentences = String(repeating: "Col. X said 3 vehicles. ", count: 2_000)
        #expect(ClaimExtractor.extract(from: sentences).count == 2_000)
        #expect(ClaimExtractor.extract(from: "").isEmpty)
        #expect(ClaimExtractor.extract(from: "“", headline: "", published: "garbage").isEmpty)
    }

    @Test func claimsEncodeAsJSON() throws {
        let (_, claims) = try Self.exampleClaims()
        let data = try JSONEncoder().encode(claims)
        #expect(try JSONDecoder().decode([ExtractedClaim].self, from: data) == claims)
    }

    @Test func extractionStopsOnceTheTextHoldsMoreClaimsThanOneArticleMay() {
        let sentence = "Police said 5 people were killed. "
        let body = String(repeating: sentence, count: ClaimExtractor.maximumClaims + 500)
        #expect(ClaimExtractor.extract(from: body).count == ClaimExtractor.maximumClaims + 1)
        let fewer = String(repeating: sentence, count: 20)
        #expect(ClaimExtractor.extract(from: fewer).count == 20)
    }
}
