import FootageCore
import Foundation
import Testing

struct IOErrorTests {
    @Test func aFullDiskSaysWhatItMeans() {
        let error = IOError(
            path: "/x/a.jpg", failure: "could not be written to the disk", code: ENOSPC,
            nothingKept: true)
        #expect(error.description.hasPrefix("/x/a.jpg: could not be written to the disk ("))
        #expect(error.description.contains("the disk is full or a file size limit was reached"))
        #expect(error.description.hasSuffix("; nothing was kept"))
    }

    @Test func aFoundationErrorKeepsItsSystemErrorNumber() {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/file")
        do {
            _ = try Data(contentsOf: missing)
            Issue.record("expected a read error")
        } catch {
            let wrapped = IOError(path: missing.path, failure: "cannot read", underlying: error)
            #expect(wrapped.code == ENOENT)
            #expect(wrapped.description == "\(missing.path): cannot read (\(String(cString: strerror(ENOENT))))")
        }
    }
}
