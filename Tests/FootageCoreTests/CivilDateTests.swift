import FootageCore
import Testing

/// Calendar arithmetic shared by article dates and media tags, checked against dates everyone can verify.
struct CivilDateTests {
    @Test func dayNumbersCountFromTheUnixEpoch() throws {
        #expect(try #require(CivilDate(year: 1970, month: 1, day: 1)).dayNumber == 0)
        #expect(try #require(CivilDate(year: 2000, month: 3, day: 1)).dayNumber == 11_017)
        // The QuickTime zero date, which media tags carry when nothing was set.
        #expect(CivilDate.dayNumber(year: 1904, month: 1, day: 1) == -24_107)
        #expect(CivilDate(dayNumber: -24_107).iso == "1904-01-01")
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: day).dayNumber == day)
        }
    }

    @Test func leapYearsWeekdaysAndDaysThatDoNotExist() throws {
        #expect(CivilDate.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilDate.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilDate.daysIn(month: 2, year: 2016) == 29)
        #expect(CivilDate(year: 2015, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 0, month: 1, day: 1) == nil)
        // 28 June 2016, the day of the convoy strike footage, was a Tuesday.
        let strike = try #require(CivilDate(isoPrefix: "2016-06-28T19:00:00Z"))
        #expect(strike.weekday == 2)
        #expect(strike.adding(days: 4).iso == "2016-07-02")
    }

    @Test func numbersArePaddedWithZerosToTheirWidth() {
        #expect(7.zeroPadded(2) == "07")
        #expect(123.zeroPadded(2) == "123")
        #expect(Int64(12).zeroPadded(6) == "000012")
        #expect(UInt32(0x1b).zeroPadded(4, radix: 16) == "001b")
    }
}
