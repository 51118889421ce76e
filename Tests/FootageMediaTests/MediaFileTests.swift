import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

#if canImport(Glibc)
    import Glibc
#endif

/// A file changed in place while it is read must not pass for the file that was opened (README, "One descriptor from
/// hash to pixels").
@Suite struct MediaFileTests {
    @Test func aSameSizeRewriteWithItsTimesPutBackIsNoticed() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/clip.mp4"
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            let file = try MediaFile(path: path)
            try file.checkUnchanged()
            var before = stat()
            #expect(stat(path, &before) == 0)

            // Other bytes of the same size, then the access and modification times set back as they were (`touch -d`,
            // `utime`): size and modification time say nothing changed.
            let writer = open(path, O_WRONLY)
            #expect(writer >= 0)
            let other = [UInt8](repeating: 0x42, count: 4096)
            #expect(pwrite(writer, other, other.count, 0) == other.count)
            close(writer)
            var times = [before.st_atim, before.st_mtim]
            #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
            var after = stat()
            #expect(stat(path, &after) == 0)
            #expect(after.st_size == before.st_size)
            #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)

            let error = mediaError { try file.checkUnchanged() }
            #expect(error?.kind == .io)
            #expect(error?.reason == "the file changed while it was being read")
        }
    }

    @Test func aDescriptorHandedOnIsRefusedWhenTheFileChangedSinceItWasOpened() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/clip.mp4"
            try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
            let file = try MediaFile(path: path)
            // What a media worker does with the descriptor it is sent, when nothing changed…
            let copy = try MediaFile(duplicating: file.descriptor, path: path, expecting: file.identity)
            #expect(copy.identity == file.identity)
            // …and when the file was appended to in between: it reads nothing of it.
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data([0x42]))
            try handle.close()
            let error = mediaError {
                try MediaFile(duplicating: file.descriptor, path: path, expecting: file.identity)
            }
            #expect(error?.reason == "the file changed while it was being read")
        }
    }
}
