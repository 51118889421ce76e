/// Two prepared fingerprints and the hashes to compare between them: A's originals or one of A's variants,
/// against B's originals (or the other way round when only B carries variants).
struct FrameComparison: Sendable {
    let a: PreparedFingerprint
    let b: PreparedFingerprint
    /// The hash of each A frame to compare, nil for frames that lack the chosen variant.
    let aHashes: [SIMD4<UInt64>?]
    let bHashes: [SIMD4<UInt64>?]
    let rule: MatchRule

    /// Pairs already explained by an earlier alignment: skipped when looking for further ones.
    struct Exclusion: Sendable {
        var framesOfA: Set<Int> = []
        var framesOfB: Set<Int> = []
        var offsets: [Double] = []

        func excludes(_ i: Int, _ j: Int) -> Bool { framesOfA.contains(i) && framesOfB.contains(j) }
    }

    /// Calls `body(i, j, distance)` for every A frame `i` and B frame `j` within the rule's distance.
    func forEachMatchingPair(_ body: (Int, Int, Int) -> Void) {
        let limit = rule.maximumDistance
        for i in aHashes.indices {
            guard let hash = aHashes[i] else { continue }
            for j in bHashes.indices {
                guard let other = bHashes[j], HammingDistance.isWithin(hash, other, limit) else { continue }
                body(i, j, HammingDistance.between(hash, other))
            }
        }
    }

    /// Calls `body(j, distance)` for every B frame within the rule's distance of A frame `i` whose time lies in
    /// `range`.
    func forEachMatch(ofA i: Int, inB range: ClosedRange<Double>, _ body: (Int, Int) -> Void) {
        guard let hash = aHashes[i] else { return }
        for j in b.indices(in: range) {
            guard let other = bHashes[j], HammingDistance.isWithin(hash, other, rule.maximumDistance) else { continue }
            body(j, HammingDistance.between(hash, other))
        }
    }
}
