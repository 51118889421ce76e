import Testing

@testable import FootageArticles

/// Times of day and dates are never figures; quantities next to them still are.
@Suite struct TimesAndDatesTests {
    private func values(_ sentence: String) -> [Double?] {
        ClaimExtractor.extract(from: sentence).first?.figures.map(\.value) ?? []
    }

    @Test func timesOfDayAreNotFigures() {
        #expect(values("Firefighters worked until 6 a.m. to contain the blaze near Varnesk.").isEmpty)
        #expect(values("The strike hit the depot at 6am on Thursday.").isEmpty)
        #expect(values("The exchange began at 2 p.m. local time at the Delvo crossing.").isEmpty)
        #expect(values("The alarm went off at 2.40am, police said.").isEmpty)
        #expect(values("The army retook Fallujah at 10:30.").isEmpty)
        #expect(values("Tugs brought the ship in by 0600 GMT, the coast guard said.").isEmpty)
        #expect(values("The curfew starts at 2200 hours, the army said.").isEmpty)
        #expect(values("The shelling began at six in the morning, residents said.").isEmpty)
        #expect(values("The bridge was closed by noon, police said.").isEmpty)
    }

    @Test func datesAreNotFigures() {
        #expect(values("The list was agreed on March 3, the ministry said.").isEmpty)
        #expect(values("The list was agreed on 3 March 2024, the ministry said.").isEmpty)
        #expect(values("The list was agreed on March 3, 2024, the ministry said.").isEmpty)
        #expect(values("The checkpoint was set up in 2024, the army said.").isEmpty)
        #expect(values("The 2024 vote was annulled, the court said.").isEmpty)
        #expect(values("In 2019 elections were held, the commission said.").isEmpty)
        #expect(values("The order was signed on 2024-03-03, the court said.").isEmpty)
        #expect(values("The order was signed on 3/3/2024, the court said.").isEmpty)
        #expect(values("The town has grown since the 1990s, the mayor said.").isEmpty)
        #expect(values("Turnout was lower four years ago, the board said.").isEmpty)
    }

    @Test func quantitiesBesideTimesAndDatesAreStillFigures() {
        #expect(values("At 6 a.m. on 3 March, 40 trucks were destroyed near Mosul.") == [40])
        #expect(values("Some 2000 people fled the city, officials said.") == [2000])
        #expect(values("Rescuers worked for five hours to reach the wreck.") == [5])
        #expect(values("Divers found two more mines in the lane, the navy said.") == [2])
        #expect(values("The strikes killed 6 people in Ramadi.") == [6])
    }
}
