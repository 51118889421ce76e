import CFFmpeg

/// One decoded picture's PDQ hash and where it lies in the clip.
public struct SampledFrame: Sendable, Equatable {
    /// Seconds from the stream start.
    public var time: Double
    /// Presentation timestamp in the stream's time base.
    public var pts: Int64
    public var pdq: PDQHash
    public var quality: Int

    public init(time: Double, pts: Int64, pdq: PDQHash, quality: Int) {
        self.time = time
        self.pts = pts
        self.pdq = pdq
        self.quality = quality
    }
}

/// PDQ hashes of a clip's pictures over time, for finding the same footage in other clips.
public enum FrameSampler {
    /// Decodes the whole video stream forward (no seeking) and hashes the first picture at or after each
    /// multiple of `seconds`, upright and at most 512 px on its long side (as keyframes are hashed).
    /// - Throws: `MediaError` as `KeyframeExtractor.extract` does.
    public static func sample(path: String, every seconds: Double, timeout: Double) throws -> [SampledFrame] {
        guard seconds.isFinite, seconds > 0 else {
            throw MediaError(.unsupported, path: path, reason: "the interval must be a positive number of seconds")
        }
        var next = 0.0
        return try hash(path: path, hasher: FrameHasher(), timeout: timeout) { time in
            guard time >= next - 1e-9 else { return false }
            next = (((time + 1e-9) / seconds).rounded(.down) + 1) * seconds
            return true
        }
    }

    /// Hashes every decoded picture.
    ///
    /// - Parameter nativeResolution: true hashes each picture at its decoded size, converted to RGB24 with
    ///   swscale's area filter and its default colour matrix, as the reference vPDQ tool does (for conformance
    ///   with its per-frame hashes); false hashes as `sample` does (upright, ≤ 512 px, colour metadata honoured).
    public static func hashEveryFrame(path: String, nativeResolution: Bool, timeout: Double = 600) throws
        -> [SampledFrame]
    {
        let hasher =
            nativeResolution
            ? FrameHasher(fit: .longestSide(nil), honoursColorDetails: false) : FrameHasher()
        return try hash(path: path, hasher: hasher, timeout: timeout) { _ in true }
    }

    private static func hash(path: String, hasher: FrameHasher, timeout: Double, keep: (Double) -> Bool) throws
        -> [SampledFrame]
    {
        try FFmpegLibrary.prepare(path: path)
        let deadline = Deadline(after: timeout)
        do {
            let reader = try VideoFrameReader(path: path, deadline: deadline, threads: 0, keyframesOnly: false)
            var frames: [SampledFrame] = []
            while let pts = try reader.nextFrame() {
                let time = reader.seconds(pts)
                guard keep(time) else { continue }
                let result = try hasher.hash(reader.frame, orientation: reader.orientation)
                frames.append(SampledFrame(time: time, pts: pts, pdq: result.hash, quality: result.quality))
            }
            guard !frames.isEmpty else {
                throw MediaError(.damaged, path: path, reason: "no decodable frames")
            }
            return frames
        } catch let error as MediaError {
            throw error.at(path: path)
        }
    }
}
