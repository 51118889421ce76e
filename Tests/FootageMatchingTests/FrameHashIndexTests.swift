import FootageMedia
import Testing

@testable import FootageMatching

@Suite struct FrameHashIndexTests {
    /// Random clips, plus copies of some hashes planted at chosen distances from the queries.
    private func fixture(seed: UInt64) -> (FrameHashIndex, [(clipID: Int64, frame: FingerprintFrame)], [PDQHash]) {
        var fixtures = MatchFixtures(seed: seed)
        let queries = (0..<40).map { _ in fixtures.randomHash() }
        var entries: [(clipID: Int64, frame: FingerprintFrame)] = []
        for clip in 0..<50 {
            for frame in fixtures.source(100) { entries.append((Int64(clip), frame)) }
        }
        for (k, distance) in [0, 1, 15, 16, 17, 30, 31, 31, 32, 32, 33, 40].enumerated() {
            let planted = fixtures.flipping(distance, bitsOf: queries[k % queries.count])
            let position = Int.random(in: 0..<entries.count, using: &fixtures.generator)
            entries[position].frame.hash = planted
        }
        return (FrameHashIndex(entries: entries), entries, queries)
    }

    private func bruteForce(
        _ queries: [PDQHash], _ entries: [(clipID: Int64, frame: FingerprintFrame)], within limit: Int
    ) -> [IndexHit] {
        var frameIndex: [Int64: Int] = [:]
        var hits: [(entry: Int, hit: IndexHit)] = []
        for (entry, item) in entries.enumerated() {
            let position = frameIndex[item.clipID, default: 0]
            frameIndex[item.clipID] = position + 1
            for (queryIndex, query) in queries.enumerated() where query.distance(to: item.frame.hash) <= limit {
                hits.append(
                    (
                        entry,
                        IndexHit(
                            queryIndex: queryIndex, clipID: item.clipID, frameIndex: position, time: item.frame.time,
                            distance: query.distance(to: item.frame.hash))
                    ))
            }
        }
        return hits.sorted { ($0.hit.queryIndex, $0.entry) < ($1.hit.queryIndex, $1.entry) }.map(\.hit)
    }

    @Test(arguments: [FrameHashIndex.Strategy.automatic, .flatScan, .multiIndex])
    func searchFindsExactlyWhatABruteForceFinds(strategy: FrameHashIndex.Strategy) {
        let (index, entries, queries) = fixture(seed: 11)
        for limit in [0, 15, 16, 31] {
            let expected = bruteForce(queries, entries, within: limit)
            #expect(index.search(queries, maximumDistance: limit, strategy: strategy) == expected)
        }
        let at31 = index.search(queries, maximumDistance: 31, strategy: strategy)
        #expect(at31.map(\.distance).sorted() == [0, 1, 15, 16, 17, 30, 31, 31])
    }

    @Test func distancesBeyondTheMultiIndexAreScanned() {
        let (index, entries, queries) = fixture(seed: 12)
        let expected = bruteForce(queries, entries, within: 40)
        #expect(index.search(queries, maximumDistance: 40) == expected)
        #expect(expected.map(\.distance).sorted() == [0, 1, 15, 16, 17, 30, 31, 31, 32, 32, 33, 40])
    }

    @Test func aCrowdedBucketIsScannedAndStillExact() {
        var fixtures = MatchFixtures(seed: 13)
        let still = fixtures.randomHash()
        // A static shot indexed thousands of times: its bucket holds most of the index.
        var entries: [(clipID: Int64, frame: FingerprintFrame)] = (0..<3000).map { k in
            let hash = fixtures.flipping(k % 5, bitsOf: still)
            return (Int64(k % 3), FingerprintFrame(time: Double(k), hash: hash, quality: 90))
        }
        entries += fixtures.source(500).map { (Int64(9), $0) }
        let index = FrameHashIndex(entries: entries)
        let queries = [still, fixtures.randomHash()]
        #expect(index.search(queries, maximumDistance: 31) == bruteForce(queries, entries, within: 31))
        #expect(index.search(queries, maximumDistance: 31).count == 3000)
    }

    @Test func candidateClipsAreThoseWithEnoughDistinctMatchingFrames() {
        var fixtures = MatchFixtures(seed: 14)
        let query = fixtures.source(30)
        let card = query[0].hash
        let shares = fixtures.excerpt(query, 5..<25)
        let mirrored = query.map {
            FingerprintFrame(time: $0.time, hash: $0.variants[DihedralTransform.flipY.rawValue], quality: 80)
        }
        // Holds the query's first frame for twenty seconds: one image, not a candidate.
        let holdsACard = (0..<20).map { FingerprintFrame(time: Double($0), hash: card, quality: 90) }
        let index = FrameHashIndex(clips: [
            (1, fixtures.source(50)), (2, shares), (3, holdsACard), (4, mirrored), (5, fixtures.source(50)),
        ])
        #expect(index.candidateClips(for: query, rule: .standard) == [4, 2])
        #expect(index.count == 50 + 20 + 20 + 30 + 50)
    }
}
