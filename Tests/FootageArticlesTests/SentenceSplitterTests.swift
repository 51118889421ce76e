import Foundation
import Testing

@testable import FootageArticles

@Suite struct SentenceSplitterTests {
    private func sentences(_ text: String) -> [String] { SentenceSplitter.split(text).map(\.text) }

    @Test func plainSentencesSplitAtFinalPunctuation() {
        #expect(
            sentences("The convoy left at dawn. It was hit at noon! Who filmed it? Nobody knows.")
                == ["The convoy left at dawn.", "It was hit at noon!", "Who filmed it?", "Nobody knows."])
    }

    @Test func abbreviationsAndTitlesDoNotEndSentences() {
        #expect(
            sentences("Col. Chris Garver and Lt. Gen. Smith spoke. Dr. Jones and Mr. Brown agreed.")
                == ["Col. Chris Garver and Lt. Gen. Smith spoke.", "Dr. Jones and Mr. Brown agreed."])
        #expect(
            sentences("The U.S. Army and the U.K. government agreed. The talks ended.")
                == ["The U.S. Army and the U.K. government agreed.", "The talks ended."])
        #expect(
            sentences("Forces from the U.S. The next day, others came.")
                == ["Forces from the U.S.", "The next day, others came."])
        #expect(
            sentences("It lies on St. George Street, approx. 3 km away, e.g. near No. 5 and i.e. the mosque.")
                .count == 1)
        #expect(sentences("The strike came on Jan. 5 near the base. It was filmed.").count == 2)
    }

    @Test func initialsStayWithTheirNames() {
        #expect(
            sentences("The clip was posted by J. Smith of the agency. It spread fast.")
                == ["The clip was posted by J. Smith of the agency.", "It spread fast."])
    }

    @Test func numbersDecimalsAndMoneyStayWhole() {
        #expect(
            sentences("Losses reached $4.2m and 3.5 percent of 1,200 vehicles. A further 2.5 million fled.")
                == ["Losses reached $4.2m and 3.5 percent of 1,200 vehicles.", "A further 2.5 million fled."])
        #expect(
            sentences("The count rose in 2016. 55 trucks were hit.") == [
                "The count rose in 2016.", "55 trucks were hit.",
            ])
    }

    @Test func ellipsesEndSentencesOnlyBeforeACapital() {
        #expect(
            sentences("We waited... and waited. Then… Silence fell.")
                == ["We waited... and waited.", "Then…", "Silence fell."])
    }

    @Test func closingQuotesStayWithTheirSentence() {
        #expect(
            sentences("He said: “We hit them.” Then he left. She asked \"Why?\" Nobody replied.")
                == ["He said: “We hit them.”", "Then he left.", "She asked \"Why?\"", "Nobody replied."])
    }

    @Test func aQuotationFollowedByItsAttributionIsOneSentence() {
        #expect(
            sentences("“We destroyed them. Nothing escaped,” he said. The next strike came later.")
                == ["“We destroyed them. Nothing escaped,” he said.", "The next strike came later."])
        #expect(
            sentences("“Is it real? We checked,” said Garver. Then we went.")
                == ["“Is it real? We checked,” said Garver.", "Then we went."])
        #expect(sentences("\"One. Two.\" he said quietly.") == ["\"One. Two.\" he said quietly."])
        #expect(
            sentences("“It ended. We left.” The army confirmed it.")
                == ["“It ended.", "We left.”", "The army confirmed it."])
    }

    @Test func lineAndParagraphBreaksEndSentences() {
        #expect(
            sentences("Headline without a full stop\nFirst sentence. Second\n\nThird paragraph")
                == ["Headline without a full stop", "First sentence.", "Second", "Third paragraph"])
        #expect(
            sentences("“An unclosed quotation. It runs on\nNew line here.")
                == ["“An unclosed quotation.", "It runs on", "New line here."])
    }

    @Test func addressesDoNotSplit() {
        #expect(
            sentences("See https://example.org/a.b?c=1.2 for the clip. Write to desk.team@example.org. Thanks.")
                == ["See https://example.org/a.b?c=1.2 for the clip.", "Write to desk.team@example.org.", "Thanks."])
    }

    @Test func spansAreUnicodeScalarOffsets() {
        let text = "Caf\u{E9} “bombs” 👍🏽 hit. Next e\u{301} one.\n\nLast"
        let scalars = Array(text.unicodeScalars)
        let found = SentenceSplitter.split(text)
        #expect(found.count == 3)
        for sentence in found {
            #expect(String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end])) == sentence.text)
        }
        #expect(found[1].start == 21)
    }

    @Test func emptyAndPunctuationOnlyTextHasNoSentences() {
        #expect(sentences("").isEmpty)
        #expect(sentences(" \n\n --- \n • \n").isEmpty)
    }

    @Test func longHostileTextIsSplit() {
        let quotes = String(repeating: "“a. ", count: 5_000)
        #expect(!SentenceSplitter.split(quotes).isEmpty)
        let dots = String(repeating: "U.S. ", count: 5_000) + String(repeating: ".", count: 10_000)
        #expect(!SentenceSplitter.split(dots).isEmpty)
    }

    @Test func aRunOfTextWithoutAnEndIsCutAtItsLastSpaceBeforeTheMaximumLength() {
        let words = (0..<2_000).map { "word\($0 % 10)" }
        let text = words.joined(separator: " ")
        let sentences = SentenceSplitter.split(text)
        #expect(sentences.count > 1)
        #expect(sentences.allSatisfy { $0.end - $0.start <= SentenceSplitter.maximumLength })
        // Cut between words: every piece is whole words, and together they are the text.
        #expect(sentences.map(\.text).joined(separator: " ") == text)
    }

    @Test func aRunWithoutSpacesIsCutAtTheMaximumLength() {
        let text = String(repeating: "a", count: SentenceSplitter.maximumLength * 2 + 5)
        let lengths = SentenceSplitter.split(text).map { $0.end - $0.start }
        #expect(lengths == [SentenceSplitter.maximumLength, SentenceSplitter.maximumLength, 5])
    }

    @Test func sentencesOfOrdinaryLengthAreNotCut() {
        let long = "The convoy of " + Array(repeating: "trucks", count: 250).joined(separator: " ") + " was hit."
        #expect(long.unicodeScalars.count < SentenceSplitter.maximumLength)
        #expect(SentenceSplitter.split(long + " Then it burned.").map(\.text) == [long, "Then it burned."])
    }
}
