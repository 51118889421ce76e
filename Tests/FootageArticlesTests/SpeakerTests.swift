import Foundation
import Testing

@testable import FootageArticles

/// Who said it: the speaker with title across the usual news shapes, its kind, and pronouns resolved across
/// the sentences of one article.
@Suite struct SpeakerTests {
    private func only(_ sentence: String) -> ExtractedClaim? { ClaimExtractor.extract(from: sentence).first }

    private func speaker(_ sentence: String) -> String? { only(sentence)?.attribution }

    private func kind(_ sentence: String) -> SpeakerKind? { only(sentence)?.speakerKind }

    /// (attribution, kind) of every claim of a body, in order.
    private func speakers(_ body: String) -> [String?] {
        ClaimExtractor.extract(from: body).map { claim in
            claim.attribution.map { "\($0) (\(claim.speakerKind?.rawValue ?? "unknown"))" }
        }
    }

    @Test func aRelativeClauseBetweenTheSpeakerAndTheVerbIsPassedOver() {
        let claim = only(
            "Lt. Col. Dana Whitlow, who led the operation, said the drivers were detained at the border post.")
        #expect(claim?.attribution == "Lt. Col. Dana Whitlow")
        #expect(claim?.speakerKind == .person)
    }

    @Test func anInstitutionsNameKeepsItsConnectives() {
        let claim = only("Seizures of the drug rose by a third last year, the U.N. Office on Drugs and Crime said.")
        #expect(claim?.attribution == "the U.N. Office on Drugs and Crime")
        #expect(claim?.speakerKind == .organization)
        #expect(
            speaker("Exports fell, the Ministry of Trade and Industry said.") == "the Ministry of Trade and Industry")
        // A connective before a platform or a day ends the name.
        #expect(speaker("The bridge was hit, according to Garver on Twitter.") == "Garver")
        #expect(speaker("The bridge was hit, according to the ministry on Tuesday.") == "the ministry")
    }

    @Test func theSpeakerBeforeTheVerb() {
        #expect(speaker("The army destroyed the bridge, Garver said.") == "Garver")
        #expect(speaker("A US military official said jets struck the convoy.") == "A US military official")
        #expect(speaker("On Tuesday the ministry said 12 people were arrested.") == "the ministry")
        #expect(speaker("On 3 March police said 12 people were arrested.") == "police")
        #expect(speaker("12 witnesses said the convoy was hit near Mosul.") == "12 witnesses")
        #expect(speaker("Officials have said the road is closed to traffic near Mosul.") == "Officials")
        let relative = only("“I heard three explosions,” a teacher who survived told the Perevik Herald.")
        #expect(relative?.attribution == "a teacher who survived")
        #expect(relative?.speakerKind == .person)
        #expect(speaker("The men who were detained said they had been beaten.") == "The men who were detained")
    }

    @Test func theSpeakerAfterTheVerb() {
        #expect(speaker("“We hit every vehicle in the column,” said Col. Jane Doe.") == "Col. Jane Doe")
        let appositive = only("Some 3,500 people have left their homes, said Tomas Reyel, a spokesman for the agency.")
        #expect(appositive?.attribution == "Tomas Reyel")
        #expect(appositive?.speakerKind == .person)
        // The words after the verb are what was said, not who said it.
        #expect(
            speaker("Maj. Ivo Sandor, a military spokesman, said the attackers escaped in a pickup.")
                == "Maj. Ivo Sandor")
        #expect(speaker("Col. Ana Ruiz, the commander, said the convoy was hit twice.") == "Col. Ana Ruiz")
    }

    @Test func anAppositiveNamesTheSpeakerAndTellsItsKind() {
        let named = only("A party spokeswoman, Lina Abara, said the rally had been approved weeks in advance.")
        #expect(named?.attribution == "Lina Abara")
        #expect(named?.speakerKind == .person)
        let company = only("The bus company, Lindqvist Coaches, said in a statement that the bus was checked.")
        #expect(company?.attribution == "Lindqvist Coaches")
        #expect(company?.speakerKind == .organization)
        #expect(company?.attributionMedium == "statement")
        #expect(kind("Rosa Imbert, 54, said the water rose 2 metres in an hour.") == .person)
        #expect(speaker("The agency, citing a security source, said the gunmen escaped.") == "The agency")
    }

    @Test func accordingTo() {
        let claim = only("According to the Interior Ministry, 12 people were detained.")
        #expect(claim?.attribution == "the Interior Ministry")
        #expect(claim?.speakerKind == .organization)
        #expect(kind("About 40 people died, according to Governor Pilar Essen.") == .person)
    }

    @Test func toldReportersAndTheMedium() {
        let told = only("A police spokesman told reporters that four men had been arrested.")
        #expect(told?.attribution == "A police spokesman")
        #expect(told?.speakerKind == .person)
        let tweet = only("The ministry said in a tweet that the convoy was destroyed near Ramadi.")
        #expect(tweet?.attribution == "The ministry")
        #expect(tweet?.attributionMedium == "tweet")
        #expect(only("Officials in Baghdad tweeted that the road had been captured.")?.attributionMedium == "tweet")
        #expect(
            only("The mayor said at a news conference that 30 homes burned.")?.attributionMedium == "news conference")
        #expect(only("“Justice was done,” Steen wrote on X.")?.attributionMedium == "Twitter/X")
        #expect(only("In a statement, the ministry said 12 people were detained.")?.attributionMedium == "statement")
    }

    @Test func aQuotationFollowedByItsAttribution() {
        let claim = only("“These accusations are invented from start to finish,” the ministry said.")
        #expect(claim?.attribution == "the ministry")
        #expect(claim?.speakerKind == .organization)
        #expect(claim?.kinds == [.attribution, .quote])
        // A speech verb inside the quotation is not the attribution.
        #expect(
            speaker("\"We warned people not to drive through water,\" Chief Inspector Mara Loft said.")
                == "Chief Inspector Mara Loft")
    }

    @Test func aPassiveVerbAttributesOnlyWithItsAgent() {
        #expect(only("No injuries were reported.") == nil)
        #expect(speaker("The blast was reported by the Ostara News Agency.") == "the Ostara News Agency")
        #expect(only("The convoy is said to have been hit near Mosul.")?.attribution == nil)
        #expect(only("The reported death toll rose to 40 people.")?.attribution == nil)
    }

    @Test func aPronounNamesThePreviousSpeaker() {
        let body = """
            Lt. Col. Dana Whitlow said the drone came from the east. "We saw it too late," he told reporters. \
            The Interior Ministry said 12 people were detained. It said the list was agreed in March. \
            Governor Pilar Essen said 23 people were killed. "Every hour counts," she said. \
            Police said 3 bridges were closed. They said the roads would reopen on Friday.
            """
        #expect(
            speakers(body) == [
                "Lt. Col. Dana Whitlow (person)", "Lt. Col. Dana Whitlow (person)",
                "The Interior Ministry (organization)", "The Interior Ministry (organization)",
                "Governor Pilar Essen (person)", "Governor Pilar Essen (person)",
                "Police (organization)", "Police (organization)",
            ])
    }

    @Test func heAndSheSkipAnOrganisationForThePersonBeforeIt() {
        let body = """
            Governor Pilar Essen said 23 people were killed. The ministry said 40 were injured. \
            She added that rescuers were still searching the old quarter.
            """
        #expect(speakers(body).last == "Governor Pilar Essen (person)")
    }

    @Test func aPronounWithNoEarlierSpeakerOrInsideAClauseStaysAsWritten() {
        #expect(speakers("He said 5 tanks were destroyed.") == ["He (person)"])
        #expect(only("Both armies release footage they say shows the convoy.")?.attribution == "they")
        let body = "Garver said 55 trucks were hit. Both armies released footage they say shows the convoy."
        #expect(speakers(body).last == "they (unknown)")
    }

    @Test func aSurnameTakesTheKindOfTheNameItShortens() {
        let body = """
            Seven passengers died, according to Inspector Joana Reis of the traffic police. \
            Reis said the driver had been detained. The candidate, Arvo Steen, welcomed the ruling. \
            “Justice has been done,” Steen wrote on X.
            """
        #expect(
            speakers(body) == [
                "Inspector Joana Reis of the traffic police (person)", "Reis (person)", "Steen (person)",
            ])
        #expect(kind("“Justice has been done,” Steen wrote on X.") == nil)
    }

    @Test func theKindComesFromTheHeadOfThePhrase() {
        #expect(kind("A US military official said 40 trucks were hit.") == .person)
        #expect(kind("The Interior Ministry's spokesman said 40 trucks were hit.") == .person)
        #expect(kind("The army's press office said 40 trucks were hit.") == .organization)
        #expect(kind("A spokesman for the Defence Ministry said 40 trucks were hit.") == .person)
        #expect(kind("The Ministry of Defence said 40 trucks were hit.") == .organization)
        #expect(kind("The Pentagon said 40 trucks were hit.") == .organization)
        #expect(kind("Reuters reported that 40 trucks were hit.") == .organization)
        #expect(kind("The AP news agency reported that 40 trucks were hit.") == .organization)
        #expect(kind("Brig. Gen. Helena Okonji said 40 trucks were hit.") == .person)
        #expect(kind("Observers from the Regional Democracy Mission said 27 complaints were filed.") == .person)
        #expect(kind("Police said 40 trucks were hit.") == .organization)
        #expect(kind("Marta Solis said 40 trucks were hit.") == nil)
        #expect(kind("The BBC reported that 40 trucks were hit.") == .organization)
        #expect(kind("The White House said 40 trucks were hit.") == .organization)
    }

    @Test func speakerKindIsStoredByItsRawValueAndOptional() throws {
        let claim = try #require(only("The ministry said 12 people were detained."))
        let json = String(decoding: try JSONEncoder().encode(claim), as: UTF8.self)
        #expect(json.contains(#""speakerKind":"organization""#))
        #expect(try JSONDecoder().decode(ExtractedClaim.self, from: Data(json.utf8)) == claim)
        // Claims encoded before the field existed still decode, with no kind.
        let old = #"{"text":"x","start":0,"end":1,"kinds":["figure"],"figures":[],"quotes":[],"footageReferences":[]}"#
        #expect(try JSONDecoder().decode(ExtractedClaim.self, from: Data(old.utf8)).speakerKind == nil)
    }
}
