import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// Files and folders written whole or not at all, under the one temporary name the leftover sweep knows.
struct AtomicFileTests {
    static func entries(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    @Test func aPlacedFileHasItsBytesUnderItsNameAndNothingElseRemains() throws {
        try withTemporaryFolder { folder in
            let path = try AtomicFile.write(Data("complete".utf8), as: "still.jpg", in: folder, durability: .flushed)
            #expect(path == folder.appendingPathComponent("still.jpg").path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("complete".utf8))
            #expect(try Self.entries(folder) == ["still.jpg"])
        }
    }

    @Test func untilItIsPlacedOnlyTheTemporaryNameExistsAndAFileGivenUpLeavesNothing() throws {
        try withTemporaryFolder { folder in
            try Data("before".utf8).write(to: folder.appendingPathComponent("report.html"))
            var file: AtomicFile? = try AtomicFile(in: folder)
            try file?.write(Data("half".utf8))
            let temporary = try #require(file?.temporaryPath)
            let name = URL(fileURLWithPath: temporary).lastPathComponent
            #expect(try Self.entries(folder) == [name, "report.html"].sorted())
            #expect(TemporaryName(name)?.writer == getpid())
            #expect(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8) == "before")
            file = nil
            #expect(try Self.entries(folder) == ["report.html"])
        }
    }

    @Test func placingReplacesTheOldFileAndCanMakeItReadOnly() throws {
        try withTemporaryFolder { folder in
            try AtomicFile.write(Data("old".utf8), as: "copy.mp4", in: folder, durability: .none)
            let file = try AtomicFile(in: folder, permissions: 0o600)
            try file.write(Data("new".utf8))
            let path = try file.place(as: "copy.mp4", durability: .flushed, readOnly: true)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
            #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o444)
            #expect(try Self.entries(folder) == ["copy.mp4"])
        }
    }

    @Test func aFailedStepSaysWhichAndWhy() throws {
        try withTemporaryFolder { folder in
            let missing = folder.appendingPathComponent("missing")
            let failure = try #require(throws: AtomicFile.Failure.self) {
                try AtomicFile.write(Data("x".utf8), as: "x", in: missing, durability: .none)
            }
            #expect(failure.step == .create && failure.code == ENOENT)
            #expect(failure.path.hasPrefix(missing.path + "/" + TemporaryName.prefix))
            // A folder where the file would go cannot be replaced by it; the temporary file goes.
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("taken/inside"),
                withIntermediateDirectories: true)
            let taken = try #require(throws: AtomicFile.Failure.self) {
                try AtomicFile.write(Data("x".utf8), as: "taken", in: folder, durability: .none)
            }
            #expect(taken.step == .place)
            #expect(try Self.entries(folder) == ["taken"])
        }
    }

    @Test func aFolderIsPlacedWholeOrRemovedWithWhatItHolds() throws {
        try withTemporaryFolder { parent in
            var given: AtomicFolder? = try AtomicFolder(in: parent)
            try Data("x".utf8).write(to: try #require(given?.url).appendingPathComponent("a.jpg"))
            given = nil
            #expect(try Self.entries(parent).isEmpty)

            let folder = try AtomicFolder(in: parent)
            #expect(TemporaryName(folder.url.lastPathComponent) != nil)
            try AtomicFile.write(Data("x".utf8), as: "a.jpg", in: folder.url, durability: .none)
            try folder.flushContents()
            let placed = try folder.place(as: "key-1234", durability: .flushed)
            #expect(try Self.entries(parent) == ["key-1234"])
            #expect(try Self.entries(placed) == ["a.jpg"])
        }
    }
}
