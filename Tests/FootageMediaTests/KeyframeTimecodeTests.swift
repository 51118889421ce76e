import Testing

@testable import FootageMedia

@Suite struct KeyframeTimecodeTests {
    @Test func labelsShowMinutesOrHours() {
        #expect(Timecode.label(0) == "0:00.000")
        #expect(Timecode.label(7.52) == "0:07.520")
        #expect(Timecode.label(62.0005) == "1:02.001")
        #expect(Timecode.label(3723.5) == "1:02:03.500")
        #expect(Timecode.label(-1) == "0:00.000")
        #expect(Timecode.label(.nan) == "0:00.000")
    }

    @Test func fileStemsSortByTimeAndHoldOnlyDigits() {
        #expect(Timecode.fileStem(12.345) == "000012.345")
        #expect(Timecode.fileStem(0) == "000000.000")
        #expect(Timecode.fileStem(.infinity) == "000000.000")
        #expect(Timecode.fileStem(1e20).allSatisfy { $0.isNumber || $0 == "." })
    }

    @Test func everyTimecodeCharacterIsInTheFont() {
        #expect("0123456789:.".allSatisfy(BitmapFont.has))
        #expect(BitmapFont.size(of: "1:02.500", scale: 2) == ((8 * 6 - 1) * 2, 14))
    }
}
