/// Which FFmpeg demuxers may read an untrusted file, and how to explain the ones that may not.
///
/// FFmpeg chooses a demuxer by content, not by file name, and some demuxers open other files or the
/// network (hls, dash, concat, image2 sequences, sdp/rtsp…). Only self-contained media containers are
/// accepted; everything else is refused or reported as not media, before FFmpeg reads the header.
enum InputPolicy {
    /// Demuxers accepted, as FFmpeg names them (a name matches any comma-separated part of a demuxer's
    /// name, e.g. "mov" matches "mov,mp4,m4a,3gp,3g2,mj2").
    ///
    /// - mov: MP4/MOV/M4A/3GP — phones, cameras, most platform downloads
    /// - matroska: MKV/WebM; avi; flv; asf (WMV); mxf (broadcast); dv; gxf
    /// - mpegts, mpeg (program stream: VOB, MPG)
    /// - ogg; wav, w64; mp3, aac, ac3, eac3, flac, amr (audio-only evidence, e.g. calls)
    /// - h264, hevc, mpegvideo, m4v, ivf: raw video elementary streams
    ///
    /// Not accepted, on purpose: hls, dash, concat, image2 and the image pipes, subtitle formats,
    /// sdp/rtp/rtsp, data, tee, ffmetadata, and anything else.
    static let formatWhitelist = [
        "mov", "matroska", "avi", "flv", "asf", "mxf", "dv", "gxf",
        "mpegts", "mpeg",
        "ogg", "wav", "w64", "mp3", "aac", "ac3", "eac3", "flac", "amr",
        "h264", "hevc", "mpegvideo", "m4v", "ivf",
    ]

    /// The whitelist as FFmpeg's `format_whitelist` option wants it.
    static var formatWhitelistOption: String { formatWhitelist.joined(separator: ",") }

    /// Whether a demuxer name (possibly "a,b,c") is accepted.
    static func accepts(demuxer name: String) -> Bool {
        name.split(separator: ",").contains { formatWhitelist.contains(String($0)) }
    }

    /// Demuxers that open other files or network resources named inside the file.
    private static let opensOtherFiles: [String: String] = [
        "hls": "a playlist (hls) that would open other files",
        "applehttp": "a playlist (hls) that would open other files",
        "dash": "a manifest (dash) that would open other files",
        "concat": "a playlist (concat) that would open other files",
        "sdp": "a session description (sdp) that would open network streams",
        "rtsp": "a stream address (rtsp) that would open the network",
        "rtp": "a stream description (rtp) that would open the network",
        "sap": "a session announcement (sap) that would open the network",
        "image2": "an image sequence (image2) that would open other files",
        "ffmetadata": "an FFmpeg metadata file, not footage",
        "tee": "a tee description that would open other files",
    ]

    private static let subtitleDemuxers: Set<String> = [
        "srt", "ass", "webvtt", "microdvd", "mpl2", "subviewer", "subviewer1", "sami", "realtext",
        "jacosub", "pjs", "stl", "vplayer", "lrc", "mcc", "scc", "aqtitle", "tedcaptions", "sup", "mpsub",
        "vobsub", "dvbsub", "dvbtxt",
    ]

    /// The error for a file FFmpeg recognised as `demuxer` when that demuxer is not accepted.
    static func rejection(of demuxer: String, path: String) -> MediaError {
        let parts = demuxer.split(separator: ",").map(String.init)
        for part in parts {
            if let reason = opensOtherFiles[part] { return MediaError(.refused, path: path, reason: reason) }
        }
        if parts.contains(where: { subtitleDemuxers.contains($0) }) {
            return MediaError(.notMedia, path: path, reason: "a subtitle or text file (\(demuxer)), not footage")
        }
        if parts.contains(where: { $0.hasSuffix("_pipe") || $0.hasPrefix("image") }) {
            return MediaError(.notMedia, path: path, reason: "a still image (\(demuxer)), not footage")
        }
        return MediaError(
            .unsupported, path: path, reason: "format \(demuxer) is not on the list of accepted containers")
    }

    /// Recognises playlists and manifests from their first bytes, whatever FFmpeg's own probes say (a
    /// playlist with an unusual extension may not be detected by FFmpeg yet still be one).
    static func sniffRefusal(_ head: [UInt8], path: String) -> MediaError? {
        var bytes = head[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }  // UTF-8 byte order mark
        bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let text = String(decoding: bytes.prefix(512), as: UTF8.self)
        if text.hasPrefix("#EXTM3U") {
            return MediaError(.refused, path: path, reason: "a playlist (hls/m3u) that would open other files")
        }
        if text.hasPrefix("ffconcat version") {
            return MediaError(.refused, path: path, reason: "a playlist (concat) that would open other files")
        }
        if text.hasPrefix("<?xml") || text.hasPrefix("<MPD"), text.contains("<MPD") {
            return MediaError(.refused, path: path, reason: "a manifest (dash) that would open other files")
        }
        if text.hasPrefix("v=0\n") || text.hasPrefix("v=0\r\n") {
            return MediaError(
                .refused, path: path, reason: "a session description (sdp) that would open network streams")
        }
        return nil
    }
}
