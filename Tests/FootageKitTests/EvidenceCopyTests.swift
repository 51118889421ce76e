import FootageCore
import FootageTestSupport
import Foundation
import Testing

@testable import FootageKit

@Suite struct EvidenceCopyTests {
    @Test func aCopyIsCheckedFlushedAndReadOnly() throws {
        try withTemporaryFolder { folder in
            let source = folder.appendingPathComponent("clip.mp4")
            let bytes = Data((0..<300_000).map { UInt8($0 % 251) })
            try bytes.write(to: source)
            let sha = Hashing.sha256Hex(bytes)
            let media = folder.appendingPathComponent("Media")
            let handle = try FolderHandle(path: folder.path).folder("Media", creating: true)
            let copy = try EvidenceCopy.store(source.path, sha256: sha, in: handle)
            #expect(copy == media.appendingPathComponent("\(sha).mp4").path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: copy)) == bytes)
            #expect(try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? Int == 0o444)
            #expect(try EvidenceCopy.store(source.path, sha256: sha, in: handle) == copy)
            #expect(throws: EvidenceCopy.Failure.self) {
                try EvidenceCopy.store(source.path, sha256: String(repeating: "0", count: 64), in: handle)
            }
            // The refused copy took its temporary file with it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: media.path) == ["\(sha).mp4"])
        }
    }
}
