import Foundation
import Testing

@testable import FootageMedia

@Suite struct MediaErrorTests {
    @Test func permissionErrorsReadAsPermissionDenied() {
        let error = MediaError.fromErrno(EACCES, path: "locked.mp4", operation: "opening")
        #expect(error.kind == .permissionDenied)
        #expect(error.description == "locked.mp4: permission denied (the file may not be read)")
        #expect(error.errno == EACCES)
    }

    @Test func otherSystemErrorsKeepTheirErrno() {
        let error = MediaError.fromErrno(EIO, path: "disk.mp4", operation: "reading")
        #expect(error.kind == .io)
        #expect(error.errno == EIO)
        #expect(error.description.hasPrefix("disk.mp4: read error (reading: "))
    }

    @Test func everyKindIsOneLine() {
        for kind in MediaError.Kind.allCases {
            let description = MediaError(kind, path: "clip.mp4").description
            #expect(description.hasPrefix("clip.mp4: "))
            #expect(!description.contains("\n"))
        }
    }

    @Test func textFromHostileFilesCannotBreakTheLine() {
        let error = MediaError(
            .refused, path: "evil\nname.mp4",
            reason: "the file tries to open other files (\u{1B}[31mhttp://x\r\n\u{202E})")
        #expect(!error.description.contains("\n"))
        #expect(!error.description.contains("\u{1B}"))
        #expect(!error.description.contains("\u{202E}"))
    }
}
