import CFFmpeg

/// Chooses frames by what they show rather than by when: the frames at which the brightness of a quarter of the
/// picture peaks or bottoms out, so that two copies of the same footage, however each was trimmed, sampled or
/// re-timed, choose the same source frames.
///
/// Why: sampled at fixed instants (`1 / rate`), a copy trimmed at 1.7 s is sampled at other moments of the footage than
/// its original, and where the picture changes fast the nearest samples of the two are different pictures — on the
/// reference project's clips, frames a quarter of a second apart are a median 100–120 bits apart, and even adjacent
/// frames 20–50, far past the match distance of 31. A copy keeps its source's frames (a trim starts at a frame; a
/// re-encode, an overlay, a mirror or a frame-rate change keeps or repeats them), so frames chosen by their content
/// are the same frames in every copy, and a copy and its original share exact frames wherever the footage moves.
///
/// The signals are the mean grey levels of the four quarters of a 32×32 thumbnail: averages of hundreds of pixels,
/// which re-encoding barely moves; a static logo or caption shifts one quarter's level by a constant, which moves no
/// peak, and leaves the other quarters alone; mirroring swaps quarters. A frame is an anchor when one quarter's level
/// is higher (or lower) than on every frame within `window` seconds before it and at least as high (low) as on every
/// frame within `window` after, having risen (fallen) by at least `minimumSwing` from the lowest (highest) level of
/// the window before it, so that compression noise on a still picture makes none.
struct ContentAnchors {
    /// Seconds on each side of an anchor within which its quarter is at its highest or lowest.
    static let window = 0.5
    /// Grey levels (of 255) a quarter's level must have risen or fallen within the window before an anchor.
    static let minimumSwing = 0.5
    static let thumbnailSide = 32

    /// A frame that may still turn out to be an anchor, with its picture kept.
    final class Candidate {
        let time: Double
        let pts: Int64
        /// True when the frame was sampled already, as a regular sample or as an earlier anchor.
        var sampled: Bool
        let frame = FrameBuffer()

        init(time: Double, pts: Int64, sampled: Bool) {
            (self.time, self.pts, self.sampled) = (time, pts, sampled)
        }
    }

    /// One quarter's level followed in one direction (peaks, or troughs as peaks of the negated level).
    private struct Extremes {
        /// Levels of the frames within `window` before the latest.
        var recent: [(time: Double, level: Double)] = []
        /// In time order, each higher than every later one.
        var candidates: [(candidate: Candidate, level: Double)] = []

        /// Takes the level of the picture at `time`: moves the candidates no later picture can now outdo to
        /// `decided`, drops those this one outdoes, and says whether this picture is a candidate itself.
        mutating func follow(_ level: Double, at time: Double, decided: inout [Candidate]) -> Bool {
            while let first = candidates.first, first.candidate.time <= time - ContentAnchors.window {
                decided.append(candidates.removeFirst().candidate)
            }
            candidates.removeAll { $0.level <= level }
            recent.removeAll { $0.time < time - ContentAnchors.window }
            let highest = recent.allSatisfy { $0.level < level }
            let lowest = recent.map(\.level).min() ?? level
            recent.append((time, level))
            return highest && level - lowest >= ContentAnchors.minimumSwing
        }
    }

    private let scaler = FrameScaler(flags: SWS_AREA)
    private let thumbnail = FrameBuffer()
    private var extremes = [Extremes](repeating: Extremes(), count: 8)

    /// The mean grey levels of the four quarters of `frame`.
    mutating func levels(of frame: FrameBuffer) throws -> [Double] {
        let side = Self.thumbnailSide
        try scaler.scale(frame, into: thumbnail, format: AV_PIX_FMT_GRAY8, width: side, height: side)
        let (data, stride) = thumbnail.plane(0)
        var sums = [0, 0, 0, 0]
        for row in 0..<side {
            for column in 0..<side {
                sums[(row < side / 2 ? 0 : 2) + (column < side / 2 ? 0 : 1)] += Int(data[row * stride + column])
            }
        }
        let count = Double(side * side / 4)
        return sums.map { Double($0) / count }
    }

    /// Offers the frame just decoded, with its quarters' `levels`. Returns the frames now known to be anchors (each
    /// once). `keep` is called at most once, when the frame may be an anchor: it must move the picture into the
    /// candidate's buffer.
    mutating func offer(
        time: Double, pts: Int64, levels: [Double], sampled: Bool, keep: (FrameBuffer) -> Void
    ) -> [Candidate] {
        var decided: [Candidate] = []
        var kept: Candidate?
        for index in extremes.indices {
            let level = index < 4 ? levels[index] : -levels[index - 4]
            // In place: a copy taken out and written back would copy both arrays on every picture.
            if extremes[index].follow(level, at: time, decided: &decided) {
                if kept == nil {
                    let candidate = Candidate(time: time, pts: pts, sampled: sampled)
                    keep(candidate.frame)
                    kept = candidate
                }
                extremes[index].candidates.append((kept!, level))
            }
        }
        return Self.once(decided)
    }

    /// At the end of the stream: the candidates left are anchors (nothing after them went further).
    mutating func finish() -> [Candidate] {
        let left = extremes.flatMap { $0.candidates.map(\.candidate) }
        extremes = [Extremes](repeating: Extremes(), count: 8)
        return Self.once(left)
    }

    /// The candidates not sampled yet, each once, marked sampled.
    private static func once(_ candidates: [Candidate]) -> [Candidate] {
        var result: [Candidate] = []
        for candidate in candidates where !candidate.sampled {
            candidate.sampled = true
            result.append(candidate)
        }
        return result
    }
}
