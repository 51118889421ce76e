import Foundation

/// Files named `.mp4` that would make a naive reader open something else: HLS and DASH playlists, ffconcat lists,
/// session descriptions, and QuickTime movies whose data references (`dref`) point outside the file. Each points at
/// `secret` (a local file the reader must never open) and at `port` on the loopback interface (a listener that must
/// never be contacted), in the spellings that slip past simple checks: byte order marks, leading blank lines, CRLF,
/// relative paths, `file:` URLs.
enum DisguisedMedia {
    static func variants(secret: URL, neighbour: URL, port: UInt16, samples: URL) throws
        -> [(name: String, bytes: [UInt8])]
    {
        let server = "http://127.0.0.1:\(port)"
        let relative = "../\(secret.deletingLastPathComponent().lastPathComponent)/\(secret.lastPathComponent)"
        let hls = """
            #EXTM3U
            #EXT-X-VERSION:3
            #EXT-X-TARGETDURATION:10
            #EXTINF:10.0,
            %@
            #EXT-X-ENDLIST

            """
        let master = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n\(server)/variant.m3u8\n"
        let dash = """
            <?xml version="1.0"?>
            <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static" mediaPresentationDuration="PT10S"
                 minBufferTime="PT1S" profiles="urn:mpeg:dash:profile:isoff-on-demand:2011">
            <BaseURL>%@</BaseURL>
            <Period><AdaptationSet mimeType="video/mp4">
            <Representation id="1" bandwidth="800000" codecs="avc1.64001e" width="640" height="360">
            <SegmentTemplate initialization="%init" media="segment$Number$.m4s" startNumber="1" duration="10"
                             timescale="1"/>
            </Representation></AdaptationSet></Period></MPD>

            """
        let sdp =
            "v=0\no=- 0 0 IN IP4 127.0.0.1\ns=stream\nc=IN IP4 127.0.0.1\nt=0 0\n"
            + "m=video \(port) RTP/AVP 96\na=rtpmap:96 H264/90000\n"
        var result: [(String, [UInt8])] = [
            ("hls-file-url.mp4", text(hls, "file://\(secret.path)")),
            ("hls-path.mp4", text(hls, secret.path)),
            ("hls-relative.mp4", text(hls, relative)),
            ("hls-neighbour-video.mp4", text(hls, "file://\(neighbour.path)")),
            ("hls-server.mp4", text(hls, "\(server)/segment0.ts")),
            ("hls-master-server.mp4", Array(master.utf8)),
            ("hls-byte-order-mark.mp4", [0xEF, 0xBB, 0xBF] + text(hls, "\(server)/segment0.ts")),
            (
                "hls-blank-lines-crlf.mp4",
                text("\r\n\r\n" + hls.replacingOccurrences(of: "\n", with: "\r\n"), "\(server)/segment0.ts")
            ),
            ("dash-server.mp4", manifest(dash, base: "\(server)/")),
            (
                "dash-file-url.mp4",
                manifest(
                    dash, base: "file://\(secret.deletingLastPathComponent().path)/",
                    initialization: secret.lastPathComponent)
            ),
            // A comment first: not the `<?xml`/`<MPD` opening a quick look checks for; FFmpeg's DASH probe finds it.
            ("dash-after-comment.mp4", manifest("<!-- manifest -->\n" + dash, base: "\(server)/")),
            ("ffconcat-relative.mp4", Array("ffconcat version 1.0\nfile '\(relative)'\n".utf8)),
            (
                "ffconcat-absolute.mp4",
                Array("ffconcat version 1.0\nfile '\(secret.path)'\nfile '\(neighbour.path)'\n".utf8)
            ),
            ("ffconcat-server.mp4", Array("\n ffconcat version 1.0\nfile '\(server)/clip.mp4'\n".utf8)),
            ("sdp-loopback.mp4", Array(sdp.utf8)),
            ("bare-url.mp4", Array("\(server)/segment0.ts\n".utf8)),
        ]
        // The phone clip keeps its movie header after its media data, so its data references can grow in place.
        let movie = MP4Boxes(try AbsurdMedia.bytes(samples.appendingPathComponent("handheld-rotated.mov")))
        result.append(("dref-alias-secret.mp4", externalReference(movie, aliasEntry(path: secret.path))))
        result.append(("dref-alias-server.mp4", externalReference(movie, aliasEntry(path: "\(server)/media.mov"))))
        result.append(("dref-url-server.mp4", externalReference(movie, urlEntry("\(server)/media.mov"))))
        return result
    }

    private static func text(_ format: String, _ target: String) -> [UInt8] {
        Array(format.replacingOccurrences(of: "%@", with: target).utf8)
    }

    private static func manifest(_ format: String, base: String, initialization: String = "init.mp4") -> [UInt8] {
        text(format.replacingOccurrences(of: "%init", with: initialization), base)
    }

    /// The movie with every track's data reference replaced by `entry`.
    private static func externalReference(_ movie: MP4Boxes, _ entry: [UInt8]) -> [UInt8] {
        var copy = movie
        let references = MP4Boxes.box("dref", [0, 0, 0, 0, 0, 0, 0, 1] + entry)
        // Replace from the last one, so the offsets of those not yet replaced stay valid.
        for reference in copy.boxes("dref").reversed() { copy.replace(reference, with: references) }
        return copy.bytes
    }

    /// A Macintosh alias record (`alis`) whose absolute path (record type 18) is `path`: what FFmpeg's mov demuxer
    /// opens when data references are enabled. Fixed part as FFmpeg reads it: 10 bytes, volume name (1 + 27),
    /// 12 bytes, file name (1 + 63), 16 bytes, levels from and to (2 + 2), 16 bytes; then type-length-value records
    /// ending with type −1. See libavformat/mov.c, `mov_read_dref`.
    static func aliasEntry(path: String) -> [UInt8] {
        var fixed = [UInt8](repeating: 0, count: 150)
        fixed[131] = 1  // nlvl_from
        fixed[133] = 1  // nlvl_to
        var name = Array(path.utf8)
        let length = UInt16(name.count)
        if name.count % 2 == 1 { name.append(0) }
        let records = [0x00, 0x12, UInt8(length >> 8), UInt8(length & 0xFF)] + name + [0xFF, 0xFF, 0x00, 0x00]
        return MP4Boxes.box("alis", [0, 0, 0, 0] + fixed + records)
    }

    /// A `url ` entry without the self-contained flag: the media data is said to be at `location`.
    static func urlEntry(_ location: String) -> [UInt8] {
        MP4Boxes.box("url ", [0, 0, 0, 0] + Array(location.utf8) + [0])
    }
}
