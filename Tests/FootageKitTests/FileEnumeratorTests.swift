import FootageTestSupport
import Foundation
import Testing

@testable import FootageKit

@Suite struct FileEnumeratorTests {
    @Test func foldersAreWalkedInOrderSkippingLinksAndCompanions() throws {
        try withTemporaryFolder { folder in
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("sub"),
                withIntermediateDirectories: true)
            for name in ["b.mp4", "a.mkv", "a.info.json", "thumb.jpg", "sub/c.webm", ".hidden.mp4"] {
                try Data("x".utf8).write(to: folder.appendingPathComponent(name))
            }
            try FileManager.default.createSymbolicLink(
                atPath: folder.appendingPathComponent("link.mp4").path,
                withDestinationPath: folder.appendingPathComponent("b.mp4").path)
            let entries = FileEnumerator.expand([folder.path])
            let base = folder.standardizedFileURL.path
            #expect(
                entries == [
                    .file(base + "/a.mkv"), .file(base + "/b.mp4"),
                    .skipped(path: base + "/link.mp4", reason: "symbolic link, not followed"),
                    .file(base + "/sub/c.webm"),
                ])
            // A file named explicitly is always tried.
            #expect(FileEnumerator.expand([folder.appendingPathComponent("thumb.jpg").path]).count == 1)
        }
    }
}
