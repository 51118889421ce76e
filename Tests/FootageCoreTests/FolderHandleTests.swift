import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// Folders reached by descriptor: a link is refused where a folder is expected, removed as a name where a folder is
/// removed, and a name that is taken is never replaced.
struct FolderHandleTests {
    @Test func aLinkWhereAFolderIsExpectedIsRefusedNotFollowed() throws {
        try withTemporaryFolder { root in
            let victim = root.appendingPathComponent("victim")
            try fillWithSomeoneElsesFiles(victim)
            try FileManager.default.createSymbolicLink(
                at: root.appendingPathComponent("keyframes"), withDestinationURL: victim)
            let folder = try FolderHandle(path: root.path)
            for creating in [false, true] {
                let refusal = try #require(throws: SymbolicLinkRefused.self) {
                    try folder.folder("keyframes", creating: creating)
                }
                #expect(refusal.path == root.appendingPathComponent("keyframes").path)
            }
            #expect(folder.kind(of: "keyframes") == .link)
            #expect(folder.kind(of: "victim") == .folder)
            #expect(folder.kind(of: "nothing") == nil)
        }
    }

    @Test func removingAFolderRemovesALinkInsideItButNothingItPointsAt() throws {
        try withTemporaryFolder { root in
            let victim = root.appendingPathComponent("victim")
            try fillWithSomeoneElsesFiles(victim)
            let before = try folderContents(victim)
            let doomed = root.appendingPathComponent("doomed/inner", isDirectory: true)
            try FileManager.default.createDirectory(at: doomed, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                at: doomed.appendingPathComponent("link"), withDestinationURL: victim)
            try Data("x".utf8).write(to: doomed.appendingPathComponent("file"))
            try FolderHandle(path: root.path).removeFolder("doomed")
            #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["victim"])
            #expect(try folderContents(victim) == before)
        }
    }

    @Test func aTakenNameIsNeverReplaced() throws {
        try withTemporaryFolder { root in
            let folder = try FolderHandle(path: root.path)
            try Data("theirs".utf8).write(to: root.appendingPathComponent("still.jpg"))
            let file = try AtomicFile(in: folder)
            try file.write(Data("ours".utf8))
            #expect(try file.placeWithoutReplacing(as: "still.jpg") == false)
            #expect(try String(contentsOf: root.appendingPathComponent("still.jpg"), encoding: .utf8) == "theirs")
            let other = try AtomicFile(in: folder)
            try other.write(Data("ours".utf8))
            #expect(try other.placeWithoutReplacing(as: "other.jpg"))
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["other.jpg", "still.jpg"])
        }
    }

    @Test func aFileIsReadFromItsDescriptorWithinItsLimitAndNeverThroughALink() throws {
        try withTemporaryFolder { root in
            let file = root.appendingPathComponent("sidecar.json")
            try Data(repeating: 0x20, count: 100).write(to: file)
            #expect(try ReadOnlyFile(path: file.path).readAll(limit: 100).count == 100)
            #expect(throws: ReadOnlyFile.Failure.tooLarge(path: file.path, size: 100, limit: 99)) {
                try ReadOnlyFile(path: file.path).readAll(limit: 99)
            }
            let link = root.appendingPathComponent("link.json")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
            #expect(throws: ReadOnlyFile.Failure.symbolicLink(path: link.path)) { try ReadOnlyFile(path: link.path) }
            #expect(throws: ReadOnlyFile.Failure.notRegularFile(path: root.path, kind: "a folder")) {
                try ReadOnlyFile(path: root.path)
            }
        }
    }
}
