import CFFmpeg
import Foundation

/// Extracts still images from a clip's best video stream: its coded keyframes, its scene changes or one
/// picture every N seconds, each written as an upright JPEG or PNG with its SHA-256 and PDQ hash.
public enum KeyframeExtractor {
    /// Extracts stills from the file at `path` as `request` says.
    ///
    /// Pictures that fail to decode are skipped and counted (`decodeErrors`). On any thrown error, every
    /// file this call wrote is removed again.
    /// - Throws: `MediaError`: the opener's errors, `notMedia` "no video stream", `unsupported` for absurd
    ///   picture sizes or an invalid request, `damaged` "no decodable keyframes", `timedOut`.
    public static func extract(path: String, request: KeyframeRequest) throws -> KeyframeExtraction {
        try extract(path: path, request: request, decodesEveryPicture: false)
    }

    /// Extracts stills from an open file, read through its descriptor. A file that changed by the end of the work
    /// (`MediaFile.checkUnchanged`) fails with every image removed.
    public static func extract(file: MediaFile, request: KeyframeRequest) throws -> KeyframeExtraction {
        try extract(file: file, request: request, decodesEveryPicture: false)
    }

    /// `extract`; `decodesEveryPicture` decodes the pictures between interval targets too (for tests: the stills are
    /// the same).
    static func extract(path: String, request: KeyframeRequest, decodesEveryPicture: Bool) throws
        -> KeyframeExtraction
    {
        try FFmpegLibrary.prepare(path: path)
        try validate(request, path: path)
        return try extract(file: MediaFile(path: path), request: request, decodesEveryPicture: decodesEveryPicture)
    }

    private static func extract(file: MediaFile, request: KeyframeRequest, decodesEveryPicture: Bool) throws
        -> KeyframeExtraction
    {
        let path = file.path
        try FFmpegLibrary.prepare(path: path)
        try validate(request, path: path)
        let deadline = Deadline(after: request.timeout)
        do {
            let keyOnly = request.mode == .key
            let reader = try VideoFrameReader(
                file: file, deadline: deadline, threads: keyOnly ? 1 : 0,
                keyframesOnly: keyOnly)
            let folder = try KeyframeFolder(request.folder)
            let writer = PipelinedKeyframeWriter(
                KeyframeWriter(request: request, folder: folder, timeBase: reader.timeBase),
                maxFrames: request.maxFrames)
            do {
                switch request.mode {
                case .key: try extractKeyframes(reader, writer)
                case .scene(let threshold): try extractSceneChanges(reader, writer, threshold: threshold)
                case .interval(let every):
                    try extractEvery(every, reader, writer, decodesEveryPicture: decodesEveryPicture)
                }
                let (frames, sheet) = try writer.finish()
                guard !frames.isEmpty else {
                    let errors = reader.decodeErrors
                    throw MediaError(
                        .damaged, path: path,
                        reason: "no decodable keyframes"
                            + (errors > 0 ? " (\(errors) decoding error\(errors == 1 ? "" : "s"))" : ""))
                }
                try deadline.check(path: path, "extracting keyframes")
                // Inside the scope that removes the images: stills of bytes other than those opened are not kept.
                try file.checkUnchanged()
                return KeyframeExtraction(
                    frames: frames, sheetFileName: sheet?.name,
                    sheetSha256: sheet?.sha256, streamIndex: reader.streamIndex,
                    decodeErrors: reader.decodeErrors, undecodedPackets: reader.skippedPackets)
            } catch {
                writer.cancel()
                folder.discard()
                throw error
            }
        } catch let error as MediaError {
            throw error.at(path: path)
        }
    }

    private static func validate(_ request: KeyframeRequest, path: String) throws {
        func invalid(_ reason: String) -> MediaError { MediaError(.unsupported, path: path, reason: reason) }
        switch request.mode {
        case .key: break
        case .scene(let threshold):
            guard threshold.isFinite, threshold >= 0, threshold <= 1 else {
                throw invalid("scene threshold must be between 0 and 1")
            }
        case .interval(let every):
            guard every.isFinite, every > 0 else { throw invalid("the interval must be a positive number of seconds") }
        }
        if let maxFrames = request.maxFrames, maxFrames < 1 { throw invalid("at most 0 images asked for") }
        if let width = request.width, width < 1 || width > VideoDecoder.maxSide {
            throw invalid("output width must be 1…\(VideoDecoder.maxSide) pixels")
        }
        guard request.timeout > 0 else { throw invalid("the timeout must be positive") }
    }

    /// Key mode: every picture the decoder gives is a keyframe (non-key packets are never sent to it).
    private static func extractKeyframes(_ reader: VideoFrameReader, _ writer: PipelinedKeyframeWriter) throws {
        while !writer.isFull, let pts = try reader.nextFrame() {
            try writer.keep(
                reader.frame, orientation: reader.orientation, pts: pts, time: reader.seconds(pts),
                score: nil)
        }
    }

    /// Scene mode: every picture is decoded and scored against the one before it.
    private static func extractSceneChanges(
        _ reader: VideoFrameReader, _ writer: PipelinedKeyframeWriter, threshold: Double
    )
        throws
    {
        let scorer = SceneScorer()
        var first = true
        while !writer.isFull, let pts = try reader.nextFrame() {
            let score = try scorer.score(reader.frame)?.combined
            if first || (score ?? 0) >= threshold {
                try writer.keep(
                    reader.frame, orientation: reader.orientation, pts: pts, time: reader.seconds(pts),
                    score: first ? nil : score)
                first = false
            }
        }
    }

    /// Interval mode: the first picture at or after each multiple of `every` seconds. Targets within two
    /// GOPs of the last decoded picture are reached by decoding forward; farther ones by seeking to the
    /// keyframe before them and decoding from there, so long clips are not decoded whole. Decoding forward leaves
    /// out what the fingerprint sampler leaves out (`VideoFrameReader.unwantedBefore`): pictures no other refers
    /// to, and everything before an IDR picture or key frame shown at or before the target.
    private static func extractEvery(
        _ every: Double, _ reader: VideoFrameReader, _ writer: PipelinedKeyframeWriter,
        decodesEveryPicture: Bool
    ) throws {
        var step = 0  // the target is step × every
        var lastTime: Double?
        while !writer.isFull {
            let target = Double(step) * every
            if !decodesEveryPicture { reader.unwantedBefore = target }
            let reachable = max(2 * reader.longestKeyframeInterval, 2.0)
            if let lastTime, target - lastTime > reachable {
                _ = reader.seek(toSeconds: target)  // when the container cannot seek, decode forward
            }
            var found: Int64?
            while let pts = try reader.nextFrame() {
                lastTime = reader.seconds(pts)
                if reader.seconds(pts) >= target - 1e-9 {
                    found = pts
                    break
                }
            }
            guard let pts = found else { break }
            let time = reader.seconds(pts)
            try writer.keep(reader.frame, orientation: reader.orientation, pts: pts, time: time, score: nil)
            // The next multiple after this picture (a gap in the footage skips the targets inside it).
            let next = ((time + 1e-9) / every).rounded(.down) + 1
            guard next < 1e15 else { break }
            step = max(step + 1, Int(next))
        }
    }
}
