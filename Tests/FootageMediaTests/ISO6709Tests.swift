import Testing

@testable import FootageMedia

@Suite struct ISO6709Tests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let latitude: Double
        let longitude: Double
        let altitude: Double?
        var testDescription: String { text }
    }

    static let valid: [Case] = [
        Case(text: "+27.5916+086.5640+8850/", latitude: 27.5916, longitude: 86.5640, altitude: 8850),
        Case(text: "+35.6812+139.7671/", latitude: 35.6812, longitude: 139.7671, altitude: nil),
        Case(text: "+33.3486+043.7834/", latitude: 33.3486, longitude: 43.7834, altitude: nil),
        Case(text: "-33.8688+151.2093/", latitude: -33.8688, longitude: 151.2093, altitude: nil),
        Case(text: "+40.7128-074.0060", latitude: 40.7128, longitude: -74.0060, altitude: nil),
        Case(text: "+4230-07130/", latitude: 42.5, longitude: -71.5, altitude: nil),
        Case(
            text: "+423015-0713030/", latitude: 42 + 30 / 60.0 + 15 / 3600.0,
            longitude: -(71 + 30 / 60.0 + 30 / 3600.0),
            altitude: nil),
        Case(text: "+36.3456+043.1575+221.000/", latitude: 36.3456, longitude: 43.1575, altitude: 221),
        Case(text: "+27.5916+086.5640+8850CRSWGS_84/", latitude: 27.5916, longitude: 86.5640, altitude: 8850),
        Case(text: " +90.0000-180.0000/ ", latitude: 90, longitude: -180, altitude: nil),
        Case(text: "+00.0000+000.0000-12.5/", latitude: 0, longitude: 0, altitude: -12.5),
    ]

    @Test(arguments: valid)
    func readsTheForms(_ item: Case) throws {
        let point = try #require(ISO6709(item.text))
        #expect(abs(point.latitude - item.latitude) < 1e-9)
        #expect(abs(point.longitude - item.longitude) < 1e-9)
        #expect(point.altitude == item.altitude)
    }

    static let invalid = [
        "", "/", "+", "hello", "+91.0000+000.0000/", "+45.0000+181.0000/", "+4560-07130/", "+4230-07160/",
        "+423060-0713030/", "+12.34/", "+1.0+2.0+3.0+4.0/", "+12..3+045.6/", "+12.3+045.6x/", "12.3+045.6/",
        "+1234567890+0/", "+12.+045.6/", "+١٢.٣+045.6/", "+12.3+045.6+99999999/",
        String(repeating: "+1", count: 100), "+12.3+04\u{0}5.6/",
    ]

    @Test(arguments: invalid)
    func rejectsWhatIsNotAValidPoint(_ text: String) {
        #expect(ISO6709(text) == nil)
    }
}
