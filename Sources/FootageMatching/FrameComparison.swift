/// Two prepared fingerprints and the hashes to compare between them: A's originals or one of A's variants,
/// against B's originals (or the other way round when only B carries variants).
struct FrameComparison: Sendable {
    let a: PreparedFingerprint
    let b: PreparedFingerprint
    /// The hash of each A frame to compare, nil for frames that lack the chosen variant.
    let aHashes: [SIMD4<UInt64>?]
    let bHashes: [SIMD4<UInt64>?]
    let rule: MatchRule
    /// The edge strips to compare (`EdgeStrip` order), when two frames also match through the same edge strip of
    /// both: for pictures compared as they are (each side's strips), where a logo or caption on one side leaves a
    /// strip clear, and for a mirror image (one side's mirrored strips). Empty for rotated and cropped comparisons,
    /// whose strips do not show the same part of the picture.
    let aStrips: [[SIMD4<UInt64>?]]
    let bStrips: [[SIMD4<UInt64>?]]
    var comparesStrips: Bool { !aStrips.isEmpty }

    init(
        a: PreparedFingerprint, b: PreparedFingerprint, aHashes: [SIMD4<UInt64>?], bHashes: [SIMD4<UInt64>?],
        rule: MatchRule, strips: (a: [[SIMD4<UInt64>?]], b: [[SIMD4<UInt64>?]])? = nil
    ) {
        self.a = a
        self.b = b
        self.aHashes = aHashes
        self.bHashes = bHashes
        self.rule = rule
        let present = { (columns: [[SIMD4<UInt64>?]]) in columns.contains { $0.contains { $0 != nil } } }
        if let strips, present(strips.a), present(strips.b) {
            (aStrips, bStrips) = (strips.a, strips.b)
        } else {
            (aStrips, bStrips) = ([], [])
        }
    }

    /// Pairs already explained by an earlier alignment: skipped when looking for further ones.
    struct Exclusion: Sendable {
        var framesOfA: Set<Int> = []
        var framesOfB: Set<Int> = []
        var offsets: [Double] = []

        func excludes(_ i: Int, _ j: Int) -> Bool { framesOfA.contains(i) && framesOfB.contains(j) }
    }

    /// The distance between A frame `i` and B frame `j`: of the compared hashes, or, when strips are compared, of the
    /// closest of the pictures and their same edge strips; nil when neither side has a hash to compare.
    ///
    /// A strip alone counts within `rule.stripDistance`, tighter than the pictures' distance: a large logo fills half
    /// of the strips beside it, and two unrelated clips carrying it had those strips 26–52 bits apart, while the strip
    /// an overlay leaves clear is 0–12 bits from its original's.
    ///
    /// With strips, the whole pictures' distance counts only when every strip the two can compare is within
    /// `rule.corroborationDistance`: two unrelated clips that carry the same large logo hash close as wholes (the logo
    /// dominates PDQ's low frequencies) while the strips away from it are a hundred bits apart. A true copy either
    /// has all its strips close to its original's (nothing added) or matches through the strip its overlay leaves
    /// clear.
    func distance(_ i: Int, _ j: Int) -> Int? {
        var whole: Int?
        if let hash = aHashes[i], let other = bHashes[j] { whole = HammingDistance.between(hash, other) }
        guard comparesStrips else { return whole }
        var closestStrip: Int?
        var farthestStrip = 0
        for strip in aStrips.indices {
            guard let hash = aStrips[strip][i], let other = bStrips[strip][j] else { continue }
            let distance = HammingDistance.between(hash, other)
            if closestStrip == nil || distance < closestStrip! { closestStrip = distance }
            farthestStrip = max(farthestStrip, distance)
        }
        guard let closestStrip else { return whole }
        // A strip alone must be closer than a whole picture: half a strip can be a logo both clips carry.
        let strip = closestStrip <= rule.stripDistance ? closestStrip : Int.max
        guard let whole, farthestStrip <= rule.corroborationDistance else { return strip == .max ? nil : strip }
        return min(whole, strip)
    }

    /// `distance(i, j)` when it is within the rule's distance.
    func matchingDistance(_ i: Int, _ j: Int) -> Int? {
        if !comparesStrips {
            // The common case without strips: the early-exit test first.
            guard let hash = aHashes[i], let other = bHashes[j],
                HammingDistance.isWithin(hash, other, rule.maximumDistance)
            else { return nil }
            return HammingDistance.between(hash, other)
        }
        guard let distance = distance(i, j), distance <= rule.maximumDistance else { return nil }
        return distance
    }

    /// Calls `body(i, j, distance)` for every A frame `i` and B frame `j` within the rule's distance.
    func forEachMatchingPair(_ body: (Int, Int, Int) -> Void) {
        for i in aHashes.indices {
            for j in bHashes.indices {
                if let distance = matchingDistance(i, j) { body(i, j, distance) }
            }
        }
    }

    /// Calls `body(j, distance)` for every B frame within the rule's distance of A frame `i` whose time lies in
    /// `range`.
    func forEachMatch(ofA i: Int, inB range: ClosedRange<Double>, _ body: (Int, Int) -> Void) {
        for j in b.indices(in: range) {
            if let distance = matchingDistance(i, j) { body(j, distance) }
        }
    }
}
