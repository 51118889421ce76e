/// Finding the time offset at which two fingerprints agree most.
///
/// Every matching frame pair votes for its offset `tB − tA` in bins of half the sampling interval, so that clips
/// sampled at different phases (offsets such as 7.5 s) still fall in one bin. A bin's strength is the number of
/// distinct images — not frames — that vote for it or its two neighbours: a title card held for ten seconds in
/// both clips votes once at each of many offsets rather than ten times at one, and so cannot outvote real
/// footage or make an offset on its own.
extension FrameComparison {
    private struct Tally {
        var imagesOfA: Set<Int> = []
        var imagesOfB: Set<Int> = []
        var frames = 0
        var lastFrameOfA = -1
    }

    private var binWidth: Double { rule.samplingInterval / 2 }

    /// The winning offset in seconds (the median of its pairs, each A frame's closest pair counted once), or nil
    /// when no pair is left.
    func winningOffset(excluding exclusion: Exclusion = Exclusion()) -> Double? {
        var tallies: [Int: Tally] = [:]
        forEachMatchingPair { i, j, _ in
            guard !exclusion.excludes(i, j) else { return }
            let bin = Int(((b.times[j] - a.times[i]) / binWidth).rounded())
            tallies[bin, default: Tally()].imagesOfA.insert(a.images[i])
            tallies[bin, default: Tally()].imagesOfB.insert(b.images[j])
            // Pairs arrive grouped by A frame, so this counts each A frame once per bin.
            if tallies[bin]!.lastFrameOfA != i {
                tallies[bin]!.lastFrameOfA = i
                tallies[bin]!.frames += 1
            }
        }
        let separation = 2 * rule.samplingInterval
        var best: (bin: Int, score: (Int, Int, Int))?
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
            // Ties go to more frames, then to the offset nearer zero, so the answer does not depend on hashing order.
            let score = (min(imagesOfA.count, imagesOfB.count), frames, -abs(bin))
            if best == nil || score > best!.score { best = (bin, score) }
        }
        guard let bin = best?.bin else { return nil }
        return refinedOffset(around: Double(bin) * binWidth, excluding: exclusion)
    }

    /// The median offset of the pairs in the winning bin and its neighbours.
    private func refinedOffset(around centre: Double, excluding exclusion: Exclusion) -> Double {
        let reach = 1.5 * binWidth
        var offsets: [Double] = []
        for i in a.times.indices {
            var closest: (distance: Int, offset: Double)?
            let window = (a.times[i] + centre - reach)...(a.times[i] + centre + reach)
            forEachMatch(ofA: i, inB: window) { j, distance in
                guard !exclusion.excludes(i, j) else { return }
                let offset = b.times[j] - a.times[i]
                if closest == nil || distance < closest!.distance
                    || (distance == closest!.distance && abs(offset - centre) < abs(closest!.offset - centre))
                {
                    closest = (distance, offset)
                }
            }
            if let closest { offsets.append(closest.offset) }
        }
        guard !offsets.isEmpty else { return centre }
        offsets.sort()
        let middle = offsets.count / 2
        return offsets.count % 2 == 1 ? offsets[middle] : (offsets[middle - 1] + offsets[middle]) / 2
    }
}
