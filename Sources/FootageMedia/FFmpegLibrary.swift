import CFFmpeg

/// Versions of the FFmpeg libraries this process runs with, and the module's one-time FFmpeg setup.
public enum FFmpegLibrary {
    /// FFmpeg's own version string, e.g. "5.1.6-0+deb12u1" (`av_version_info()`).
    public static var versionInfo: String {
        guard (try? prepare(path: "")) != nil else { return "unavailable" }
        return String(cString: av_version_info())
    }

    /// The version of each library as "major.minor.micro", e.g. avformat "59.27.100".
    public struct Versions: Sendable, Codable, Equatable {
        public let avformat: String
        public let avcodec: String
        public let avutil: String
        public let swscale: String

        public init(avformat: String, avcodec: String, avutil: String, swscale: String) {
            (self.avformat, self.avcodec, self.avutil, self.swscale) = (avformat, avcodec, avutil, swscale)
        }
    }

    /// Library versions as loaded at run time (may differ from the headers built against).
    public static var versions: Versions {
        guard (try? prepare(path: "")) != nil else {
            return Versions(
                avformat: "unavailable", avcodec: "unavailable", avutil: "unavailable", swscale: "unavailable")
        }
        return Versions(
            avformat: dotted(avformat_version()),
            avcodec: dotted(avcodec_version()),
            avutil: dotted(avutil_version()),
            swscale: dotted(swscale_version())
        )
    }

    private static func dotted(_ version: UInt32) -> String {
        "\(version >> 16).\((version >> 8) & 0xFF).\(version & 0xFF)"
    }

    /// Runs before any FFmpeg call of this module: loads FFmpeg's shared libraries (once; they are not linked,
    /// see CFFmpeg.h) and sends FFmpeg's logging to `FFmpegLog`, not stderr.
    ///
    /// - Throws: `MediaError.libraryMissing` naming `path` when the libraries cannot be loaded.
    static func prepare(path: String) throws {
        if let failure = setUp { throw MediaError(.libraryMissing, path: path, reason: failure) }
    }

    /// Loads FFmpeg once; nil on success, else why it failed.
    private static let setUp: String? = {
        var message = [CChar](repeating: 0, count: 512)
        guard cffmpeg_load(&message, message.count) == 0 else { return String(nulTerminated: message) }
        FFmpegLog.install()
        return nil
    }()
}
