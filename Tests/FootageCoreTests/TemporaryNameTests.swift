import FootageCore
import Foundation
import Testing

/// The one pattern of temporary names, and whose writer has ended.
struct TemporaryNameTests {
    @Test func aFreshNameIsOfThePatternAndNamesThisProcess() throws {
        let name = TemporaryName()
        #expect(name.text.hasPrefix(TemporaryName.prefix + "\(getpid())-"))
        let read = try #require(TemporaryName(name.text))
        #expect(read == name)
        #expect(!read.writerHasEnded)
        #expect(TemporaryName() != name)
    }

    static let uuid = "0B2E1D4C-6A4F-4E0B-9D7E-2C1A3F5B6D7E"

    @Test(arguments: [
        "", ".footage-tmp-", ".footage-tmp-12", ".footage-tmp-12-", ".footage-tmp--\(uuid)", ".footage-tmp-0-\(uuid)",
        ".footage-tmp-+12-\(uuid)", ".footage-tmp-12-\(uuid.lowercased())", ".footage-tmp-12-\(uuid).jpg",
        "x.footage-tmp-12-\(uuid)", ".footage-tmp-99999999999-\(uuid)", ".tmp-\(uuid)", ".report.html.0B2E1D4C.tmp",
        "0000002.000-k0001.jpg",
    ])
    func namesNotOfThePatternAreNotFootages(_ name: String) {
        #expect(TemporaryName(name) == nil)
    }

    @Test func aNameWhoseWriterEndedIsAbandoned() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let name = try #require(
            TemporaryName(
                "\(TemporaryName.prefix)\(process.processIdentifier)-\(Self.uuid)"))
        #expect(name.writer == process.processIdentifier)
        #expect(name.writerHasEnded)
    }
}
