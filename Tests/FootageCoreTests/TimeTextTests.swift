import FootageCore
import Testing

struct TimeTextTests {
    @Test(arguments: [("12.5", 12.5), ("1:05", 65.0), ("0:01:05.250", 65.25), ("90", 90.0), ("2:03.0004", 123.0)])
    func acceptedFormsReadAsSeconds(text: String, seconds: Double) {
        #expect(TimeText.seconds(text) == seconds)
    }

    @Test(arguments: ["", "-1", "1e3", "1:60", "1:2:3:4", " 1 2", "0x10", "1:-5", "nan", "inf"])
    func otherFormsAreRefused(text: String) {
        #expect(TimeText.seconds(text) == nil)
    }

    @Test func formattingIsTheInverseOfReading() {
        for seconds in [0.0, 0.5, 59.999, 61.25, 3_599.5, 3_600, 86_400.125] {
            #expect(TimeText.seconds(TimeText.format(seconds)) == seconds)
        }
    }

    @Test func timesFromHostileFilesShowAtTheLimit() {
        #expect(TimeText.format(.infinity) == TimeText.format(TimeText.maximumSeconds))
        #expect(TimeText.format(-.infinity) == "0:00.000")
        #expect(TimeText.format(.nan) == "0:00.000")
    }
}

struct HexTests {
    @Test func sha256OfTextIsTheUsualHexForm() {
        #expect(Hashing.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
