/// The frames of two clips that agree at one time offset: pairs with `|tB − tA − offset|` at most one sampling
/// interval and within the match distance.
struct FrameAlignment: Sendable {
    struct MatchedFrame: Sendable {
        var frameOfA: Int
        var closestDistance: Int
        /// The earliest and latest times of the B frames it matches.
        var firstTimeInB: Double
        var lastTimeInB: Double
    }

    var offset: Double
    /// In A's time order.
    var matchedFramesOfA: [MatchedFrame]
    var matchedFramesOfB: Set<Int>
    var matchedImagesOfA: Int
    var matchedImagesOfB: Int

    init(_ comparison: FrameComparison, offset: Double, excluding exclusion: FrameComparison.Exclusion) {
        self.offset = offset
        let interval = comparison.rule.samplingInterval
        var matchedFramesOfA: [MatchedFrame] = []
        var matchedFramesOfB = Set<Int>()
        for i in comparison.a.times.indices {
            let expected = comparison.a.times[i] + offset
            var matched: MatchedFrame?
            comparison.forEachMatch(ofA: i, inB: (expected - interval)...(expected + interval)) { j, distance in
                guard !exclusion.excludes(i, j) else { return }
                matchedFramesOfB.insert(j)
                let time = comparison.b.times[j]
                if var current = matched {
                    current.closestDistance = min(current.closestDistance, distance)
                    current.firstTimeInB = min(current.firstTimeInB, time)
                    current.lastTimeInB = max(current.lastTimeInB, time)
                    matched = current
                } else {
                    matched = MatchedFrame(
                        frameOfA: i, closestDistance: distance, firstTimeInB: time, lastTimeInB: time)
                }
            }
            if let matched { matchedFramesOfA.append(matched) }
        }
        self.matchedFramesOfA = matchedFramesOfA
        self.matchedFramesOfB = matchedFramesOfB
        matchedImagesOfA = Set(matchedFramesOfA.map { comparison.a.images[$0.frameOfA] }).count
        matchedImagesOfB = Set(matchedFramesOfB.map { comparison.b.images[$0] }).count
    }

    var meanDistance: Double {
        guard !matchedFramesOfA.isEmpty else { return 0 }
        return Double(matchedFramesOfA.reduce(0) { $0 + $1.closestDistance }) / Double(matchedFramesOfA.count)
    }

    /// Runs of matched A frames, merged across gaps of up to two sampling intervals or two seconds, whichever is
    /// longer (samples lost to a logo, a cut, or fast motion a lower-quality copy blurs); each B range is the A range
    /// moved by the offset, kept within the B frames the run matched.
    func segments(_ comparison: FrameComparison) -> [MatchSegment] {
        let times = comparison.a.times
        let maximumGap = max(2 * comparison.rule.samplingInterval, 2) + 1e-9
        var segments: [MatchSegment] = []
        var run: (start: Double, end: Double, firstInB: Double, lastInB: Double)?
        func close() {
            guard let run else { return }
            func clamped(_ time: Double) -> Double { min(max(time, run.firstInB), run.lastInB) }
            segments.append(
                MatchSegment(
                    aStart: run.start, aEnd: run.end,
                    bStart: clamped(run.start + offset), bEnd: clamped(run.end + offset)))
        }
        for frame in matchedFramesOfA {
            let time = times[frame.frameOfA]
            if var current = run, time - current.end <= maximumGap {
                current.end = time
                current.firstInB = min(current.firstInB, frame.firstTimeInB)
                current.lastInB = max(current.lastInB, frame.lastTimeInB)
                run = current
            } else {
                close()
                run = (time, time, frame.firstTimeInB, frame.lastTimeInB)
            }
        }
        close()
        return segments
    }
}
