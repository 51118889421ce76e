import CFFmpeg
import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// Files that are not what they claim. Each must fail with the right kind and one clear line, and never
/// yield another file's metadata.
@Suite struct HostileInputTests {
    @Test func anEmptyFileIsReportedEmpty() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/empty.mp4"
            try write("", to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .empty)
            #expect(error.description == "\(path): empty file (0 bytes)")
        }
    }

    @Test func aTextFileIsNotMedia() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/notes.mp4"
            try write("Convoy struck at dawn, 12 vehicles according to the spokesman.\n", to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .notMedia)
            #expect(error.description == "\(path): not a media file (no demuxer recognised it)")
        }
    }

    @Test func aTruncatedMP4IsDamaged() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/truncated.mp4"
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Samples.ministryUpload)).prefix(10 * 1024)
            try bytes.write(to: URL(fileURLWithPath: path))
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .damaged)
            #expect(error.description.hasPrefix("\(path): damaged or truncated media ("))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func aWebMNamedMP4IsReadAsWhatItIs() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/lying-extension.mp4"
            try FileManager.default.copyItem(atPath: Samples.pentagonRelease, toPath: path)
            let result = try Probe.probe(path: path)
            #expect(result.format.formatName == "matroska,webm")
            #expect(result.firstStream(ofType: "video")?.codecName == "vp9")
        }
    }

    @Test func aDirectoryIsNotARegularFile() throws {
        try withTemporaryDirectory { directory in
            let error = try #require(mediaError { try Probe.probe(path: directory) })
            #expect(error.kind == .notRegularFile)
            #expect(error.description == "\(directory): not a regular file (directory)")
        }
    }

    @Test func aFIFOIsNotARegularFileAndDoesNotBlock() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pipe.mp4"
            try #require(mkfifo(path, 0o600) == 0)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .notRegularFile)
            #expect(error.description == "\(path): not a regular file (FIFO (named pipe))")
        }
    }

    @Test func aDeviceIsNotARegularFile() throws {
        let error = try #require(mediaError { try FileHasher.sha256(path: "/dev/zero") })
        #expect(error.kind == .notRegularFile)
        #expect(error.reason == "character device")
    }

    @Test func aSymbolicLinkIsRefusedNotFollowed() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/link.mp4"
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: Samples.ministryUpload)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .symbolicLink)
            #expect(error.description.hasPrefix("\(path): refused: a symbolic link"))
            #expect(mediaError { try FileHasher.sha256(path: path) }?.kind == .symbolicLink)
        }
    }

    @Test func aMissingPathIsNotFound() {
        let path = "/nonexistent-footage-folder/clip.mp4"
        let error = mediaError { try Probe.probe(path: path) }
        #expect(error?.kind == .notFound)
        #expect(error?.description == "\(path): not found (no such file or directory)")
    }

    /// Root reads files whatever their mode, so the real check only runs for other users; the mapping of
    /// EACCES is checked for everyone in `MediaErrorTests`.
    @Test(.enabled(if: getuid() != 0, "running as root: a mode-000 file is still readable"))
    func anUnreadableFileIsPermissionDenied() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/locked.mp4"
            try FileManager.default.copyItem(atPath: Samples.handheldRotated, toPath: path)
            try #require(chmod(path, 0) == 0)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .permissionDenied)
            #expect(error.description == "\(path): permission denied (the file may not be read)")
        }
    }

    @Test func aConcatPlaylistDisguisedAsMP4IsRefused() throws {
        try withTemporaryDirectory { directory in
            try FileManager.default.copyItem(
                atPath: Samples.handheldRotated, toPath: directory + "/secret-neighbour.mp4")
            let path = directory + "/innocent.mp4"
            try write("ffconcat version 1.0\nfile secret-neighbour.mp4\n", to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .refused)
            #expect(error.description == "\(path): refused: a playlist (concat) that would open other files")
            #expect(mediaError { try MediaInspection.inspect(path: path) }?.kind == .refused)
        }
    }

    @Test func anHLSPlaylistPointingAtALocalFileIsRefused() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/upload.mp4"
            try write(
                """
                #EXTM3U
                #EXT-X-TARGETDURATION:30
                #EXTINF:30.0,
                file://\(Samples.handheldRotated)
                #EXT-X-ENDLIST

                """, to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .refused)
            #expect(error.description.hasPrefix("\(path): refused: a playlist (hls"))
            #expect(error.description.hasSuffix("that would open other files"))
        }
    }

    @Test func anHLSPlaylistPointingAtAServerContactsNoServer() throws {
        let listener = try LocalListener()
        try withTemporaryDirectory { directory in
            let path = directory + "/stream.mp4"
            try write(
                """
                #EXTM3U
                #EXT-X-VERSION:3
                #EXT-X-TARGETDURATION:10
                #EXT-X-MEDIA-SEQUENCE:0
                #EXTINF:10.0,
                http://127.0.0.1:\(listener.port)/segment0.ts
                #EXT-X-ENDLIST

                """, to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .refused)
        }
        #expect(listener.stop() == 0, "probing must not connect to the server named in the playlist")
    }

    /// The same playlist without the #EXTM3U line our sniffing looks for still opens nothing.
    @Test func aPlaylistFFmpegWouldNotRecogniseIsStillNotMedia() throws {
        let listener = try LocalListener()
        try withTemporaryDirectory { directory in
            let path = directory + "/bare.mp4"
            try write("http://127.0.0.1:\(listener.port)/segment0.ts\n", to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .notMedia)
        }
        #expect(listener.stop() == 0)
    }

    @Test func anAlreadyOpenDescriptorIsProbedThroughADuplicate() throws {
        let descriptor = open(Samples.checkpointCCTV, O_RDONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        let file = try MediaFile(duplicating: descriptor, path: "cctv.ts")
        let result = try Probe.probe(file: file)
        #expect(result.format.formatName == "mpegts")
        #expect(result.format.filename == "cctv.ts")
        #expect(fcntl(descriptor, F_GETFD) >= 0, "the caller's descriptor stays open")
    }

    @Test func aStillImageIsNotFootage() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/frame.mp4"
            var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
            png += [UInt8](repeating: 0, count: 64)
            try Data(png).write(to: URL(fileURLWithPath: path))
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .notMedia)
            #expect(error.description == "\(path): not a media file (a still image (png_pipe), not footage)")
        }
    }

    @Test func aSubtitleFileIsNotFootage() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/captions.mp4"
            try write(
                "1\n00:00:01,000 --> 00:00:04,000\nThe convoy is hit.\n\n"
                    + "2\n00:00:05,000 --> 00:00:08,000\nA second strike.\n",
                to: path)
            let error = try #require(mediaError { try Probe.probe(path: path) })
            #expect(error.kind == .notMedia)
            #expect(error.reason?.hasPrefix("a subtitle or text file (") == true)
        }
    }

    /// A demuxer that asks FFmpeg to open another file (as mov data references or playlists do) gets
    /// EPERM, and the error then names the attempt.
    @Test func nestedOpensAreRefusedAndExplained() throws {
        let context = try FormatContext(path: Samples.ministryUpload)
        var nested: UnsafeMutablePointer<AVIOContext>?
        let code = context.pointer.pointee.io_open(context.pointer, &nested, "file:///etc/passwd", AVIO_FLAG_READ, nil)
        #expect(code == cffmpeg_averror(EPERM))
        #expect(nested == nil)
        let error = context.error(code, "reading packets")
        #expect(error.kind == .refused)
        #expect(
            error.description
                == "\(Samples.ministryUpload): refused: the file tries to open other files (file:///etc/passwd)")
    }

    @Test func onlySelfContainedContainersAreAccepted() {
        for accepted in ["mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "mpegts", "avi", "mpeg", "flv", "ogg", "wav"] {
            #expect(InputPolicy.accepts(demuxer: accepted), "\(accepted)")
        }
        for refused in ["hls", "dash", "concat", "image2", "srt", "sdp", "rtsp", "data", "tty", "png_pipe", "lavfi"] {
            #expect(!InputPolicy.accepts(demuxer: refused), "\(refused)")
        }
        #expect(
            InputPolicy.rejection(of: "hls", path: "x.mp4").description
                == "x.mp4: refused: a playlist (hls) that would open other files")
        #expect(InputPolicy.rejection(of: "tty", path: "x.mp4").kind == .unsupported)
    }
}
