import FootageCore
import Testing

struct TimeTextTests {
    @Test(arguments: [
        ("12.5", 12.5), ("1:05", 65.0), ("0:01:05.250", 65.25), ("90", 90.0), ("2:03.0004", 123.0),
        ("01:05.250", 65.25), ("1:00:01.5", 3601.5), ("0", 0),
    ])
    func acceptedFormsReadAsSeconds(text: String, seconds: Double) {
        #expect(TimeText.seconds(text) == seconds)
    }

    @Test(arguments: [
        "", "-1", "1e3", "1:60", "1:2:3:4", " 1 2", "0x10", "1:-5", "nan", "inf", "a", "1.2.3", "1:",
        ":5", " ", "+3",
    ])
    func otherFormsAreRefused(text: String) {
        #expect(TimeText.seconds(text) == nil)
    }

    @Test func formattingIsTheInverseOfReading() {
        for seconds in [
            0.0, 0.5, 7.25, 59.999, 61.25, 3_599.5, 3_600, 3_601.125, 86_400.125, 99_999_999_999.999,
            TimeText.maximumSeconds,
        ] {
            #expect(TimeText.seconds(TimeText.format(seconds)) == seconds)
        }
    }

    /// Found by fuzzing (`make fuzz`, target `time`): "88888888888888882:2" read as 5.3e18 seconds, and showing it
    /// stopped the process (milliseconds beyond Int.max). A frame time or duration from a hostile file can be as large.
    @Test func hugeAndInfiniteTimesAreRefusedOrShownAtTheLimit() {
        #expect(TimeText.seconds("88888888888888882:2") == nil)
        #expect(TimeText.seconds(String(repeating: "9", count: 32)) == nil)
        #expect(TimeText.seconds("1000000000000") == TimeText.maximumSeconds)
        #expect(TimeText.seconds("1000000000000.001") == nil)
        let limit = TimeText.format(TimeText.maximumSeconds)
        #expect(limit == "277777777:46:40.000")
        for value in [5.3e18, 1e300, .infinity, .greatestFiniteMagnitude] { #expect(TimeText.format(value) == limit) }
        for value in [-1.0, -.infinity, .nan] { #expect(TimeText.format(value) == "0:00.000") }
    }
}

struct HexTests {
    @Test func sha256OfTextIsTheUsualHexForm() {
        #expect(Hashing.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
