extension MediaError {
    /// This error with `path` filled in, for errors raised by helpers that do not know the file
    /// (scalers, encoders).
    public func at(path: String) -> MediaError {
        guard self.path.isEmpty else { return self }
        return MediaError(kind, path: path, reason: reason, ffmpegCode: ffmpegCode, errno: errno)
    }
}
