import CFFmpeg

/// Versions of the FFmpeg libraries this process runs with, and the module's one-time FFmpeg setup.
public enum FFmpegLibrary {
    /// FFmpeg's own version string, e.g. "5.1.6-0+deb12u1" (`av_version_info()`).
    public static var versionInfo: String { String(cString: av_version_info()) }

    /// The version of each library as "major.minor.micro", e.g. avformat "59.27.100".
    public struct Versions: Sendable, Codable, Equatable {
        public let avformat: String
        public let avcodec: String
        public let avutil: String
        public let swscale: String
    }

    /// Library versions as loaded at run time (may differ from the headers built against).
    public static var versions: Versions {
        Versions(
            avformat: dotted(avformat_version()),
            avcodec: dotted(avcodec_version()),
            avutil: dotted(avutil_version()),
            swscale: dotted(swscale_version())
        )
    }

    private static func dotted(_ version: UInt32) -> String {
        "\(version >> 16).\((version >> 8) & 0xFF).\(version & 0xFF)"
    }

    /// Runs once before any FFmpeg call of this module: FFmpeg's logging goes to `FFmpegLog`, not stderr.
    static func prepare() {
        _ = setUp
    }

    private static let setUp: Void = {
        FFmpegLog.install()
    }()
}
