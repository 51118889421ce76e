/// Finding the time offset at which two fingerprints agree most.
///
/// Every matching frame pair votes for its offset `tB − tA` in bins of half the sampling interval, so that clips
/// sampled at different phases (offsets such as 7.5 s) still fall in one bin. A bin's strength is the number of
/// distinct images — not frames — that vote for it or its two neighbours: a title card held for ten seconds in
/// both clips votes once at each of many offsets rather than ten times at one, and so cannot outvote real
/// footage or make an offset on its own. Between offsets that explain as many images and frames — static footage,
/// a test card with a clock — the one whose pairs are closest wins: the small part that moves (the clock's digits)
/// is only right at the right offset.
extension FrameComparison {
    private struct Tally {
        var imagesOfA: Set<Int> = []
        var imagesOfB: Set<Int> = []
        var frames = 0
        var lastFrameOfA = -1
        var pairs = 0
        var distances = 0
    }

    private var binWidth: Double { rule.samplingInterval / 2 }

    /// The winning offset in seconds (the median of its pairs, each A frame's closest pair counted once), or nil
    /// when no pair is left.
    func winningOffset(excluding exclusion: Exclusion = Exclusion()) -> Double? {
        var tallies: [Int: Tally] = [:]
        forEachMatchingPair { i, j, distance in
            guard !exclusion.excludes(i, j) else { return }
            let bin = Int(((b.times[j] - a.times[i]) / binWidth).rounded())
            tallies[bin, default: Tally()].imagesOfA.insert(a.images[i])
            tallies[bin, default: Tally()].imagesOfB.insert(b.images[j])
            tallies[bin]!.pairs += 1
            tallies[bin]!.distances += distance
            // Pairs arrive grouped by A frame, so this counts each A frame once per bin.
            if tallies[bin]!.lastFrameOfA != i {
                tallies[bin]!.lastFrameOfA = i
                tallies[bin]!.frames += 1
            }
        }
        let separation = 2 * rule.samplingInterval
        var best: (bin: Int, score: (Int, Int, Double, Int))?
        for bin in tallies.keys {
            let centre = Double(bin) * binWidth
            guard !exclusion.offsets.contains(where: { abs(centre - $0) < separation }) else { continue }
            var imagesOfA = Set<Int>()
            var imagesOfB = Set<Int>()
            var frames = 0
            for neighbour in bin - 1...bin + 1 {
                guard let tally = tallies[neighbour] else { continue }
                imagesOfA.formUnion(tally.imagesOfA)
                imagesOfB.formUnion(tally.imagesOfB)
                frames += tally.frames
            }
            // The bin's own pairs' mean distance: its neighbours' pairs are shared with the bins beside it.
            let own = tallies[bin]!
            let meanDistance = own.pairs > 0 ? Double(own.distances) / Double(own.pairs) : Double.infinity
            // Ties go to more frames, then to closer pairs, then to the offset nearer zero, so the answer does not
            // depend on hashing order.
            let score = (min(imagesOfA.count, imagesOfB.count), frames, -meanDistance, -abs(bin))
            if best == nil || score > best!.score { best = (bin, score) }
        }
        guard let bin = best?.bin else { return nil }
        return refinedOffset(around: Double(bin) * binWidth, excluding: exclusion)
    }

    /// The median offset of the pairs in the winning bin and its neighbours, each refined between samples.
    ///
    /// A copy trimmed at 1.7 s and sampled on its own grid shows, at each sample, a picture that lies between two of
    /// the other clip's samples, so the closest pair is off by up to half an interval. Where the picture moves, the
    /// distance to the B samples before and after the closest one says which way and how far: a parabola through the
    /// three distances puts the best offset at its lowest point (at most half an interval from the closest sample).
    /// Static pictures, whose three distances are flat, keep the closest sample's offset.
    private func refinedOffset(around centre: Double, excluding exclusion: Exclusion) -> Double {
        let reach = 1.5 * binWidth
        var offsets: [Double] = []
        for i in a.times.indices {
            var closest: (j: Int, distance: Int, offset: Double)?
            let window = (a.times[i] + centre - reach)...(a.times[i] + centre + reach)
            forEachMatch(ofA: i, inB: window) { j, distance in
                guard !exclusion.excludes(i, j) else { return }
                let offset = b.times[j] - a.times[i]
                if closest == nil || distance < closest!.distance
                    || (distance == closest!.distance && abs(offset - centre) < abs(closest!.offset - centre))
                {
                    closest = (j, distance, offset)
                }
            }
            if let closest { offsets.append(closest.offset + between(i, closest.j, closest.distance)) }
        }
        guard !offsets.isEmpty else { return centre }
        offsets.sort()
        let middle = offsets.count / 2
        return offsets.count % 2 == 1 ? offsets[middle] : (offsets[middle - 1] + offsets[middle]) / 2
    }

    /// Seconds to move from B sample `j` towards where A sample `i` lies between B's samples: the lowest point of the
    /// parabola through the distances to samples `j − 1`, `j`, `j + 1`; 0 without neighbours or a clear minimum.
    private func between(_ i: Int, _ j: Int, _ distance: Int) -> Double {
        guard j > 0, j + 1 < b.count else { return 0 }
        let before = b.times[j] - b.times[j - 1]
        let after = b.times[j + 1] - b.times[j]
        // Neighbours farther than 1.5 intervals are across a gap in the footage, not the next samples.
        let limit = 1.5 * rule.samplingInterval
        guard before > 0, after > 0, before <= limit, after <= limit,
            let earlier = self.distance(i, j - 1), let later = self.distance(i, j + 1)
        else { return 0 }
        let curvature = Double(earlier - 2 * distance + later)
        guard curvature > 0 else { return 0 }
        let step = max(-0.5, min(0.5, 0.5 * Double(earlier - later) / curvature))
        return step * (step < 0 ? before : after)
    }
}
