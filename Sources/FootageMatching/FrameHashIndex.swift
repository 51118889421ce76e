import FootageMedia

/// Many clips' fingerprint frames in memory, for finding which catalogued clips may share footage with a new one.
///
/// Search is exact: every indexed frame within the distance is returned. Up to distance 31 it goes through a
/// multi-index (`MultiIndexTable`), which visits a few thousand candidates per query instead of every frame;
/// larger distances, and queries that land in crowded buckets, use the flat scan (`FlatHashScan`). On a million
/// random hashes the multi-index answered a clip's 60–300 queries 8–10 times faster than the flat scan (release
/// build, two cores); `FrameHashIndexBenchmark` repeats the comparison.
public struct FrameHashIndex: Sendable {
    /// How the index answers a search; `automatic` picks per query, the others are for measurement.
    public enum Strategy: Sendable {
        case automatic, flatScan, multiIndex
    }

    private let hashes: PackedHashes
    private let clipIDs: [Int64]
    private let frameIndices: [Int32]
    private let times: [Double]
    private let qualities: [Int]
    private let table: MultiIndexTable

    /// The number of indexed frames.
    public var count: Int { clipIDs.count }

    /// Indexes the frames in the order given; a frame's `frameIndex` in hits is its position among the entries of
    /// its clip.
    public init(entries: [(clipID: Int64, frame: FingerprintFrame)]) {
        var positions: [Int64: Int32] = [:]
        var frameIndices: [Int32] = []
        frameIndices.reserveCapacity(entries.count)
        for entry in entries {
            let position = positions[entry.clipID, default: 0]
            frameIndices.append(position)
            positions[entry.clipID] = position + 1
        }
        self.init(
            hashes: entries.map(\.frame.hash.words), clipIDs: entries.map(\.clipID), frameIndices: frameIndices,
            times: entries.map(\.frame.time), qualities: entries.map(\.frame.quality))
    }

    /// Indexes whole fingerprints, clip by clip: each frame's hash, its centre hash when it has one (an entry of the
    /// same frame), so that a clip that is a crop of an indexed one is proposed too, and its edge strips clear
    /// enough to compare, so that a copy with a logo or caption is.
    public init(clips: [(clipID: Int64, frames: [FingerprintFrame])]) {
        var hashes: [SIMD4<UInt64>] = []
        var clipIDs: [Int64] = []
        var frameIndices: [Int32] = []
        var times: [Double] = []
        var qualities: [Int] = []
        // A million frames go through here: no array per frame, one append per entry.
        for clip in clips {
            for (position, frame) in clip.frames.enumerated() {
                func add(_ hash: PDQHash) {
                    hashes.append(hash.words)
                    clipIDs.append(clip.clipID)
                    frameIndices.append(Int32(position))
                    times.append(frame.time)
                    qualities.append(frame.quality)
                }
                add(frame.hash)
                if let centre = frame.centre { add(centre) }
                for strip in frame.strips where strip.quality >= Self.stripQuality { add(strip.hash) }
            }
        }
        self.init(hashes: hashes, clipIDs: clipIDs, frameIndices: frameIndices, times: times, qualities: qualities)
    }

    private init(hashes: [SIMD4<UInt64>], clipIDs: [Int64], frameIndices: [Int32], times: [Double], qualities: [Int]) {
        self.hashes = PackedHashes(hashes)
        self.clipIDs = clipIDs
        self.frameIndices = frameIndices
        self.times = times
        self.qualities = qualities
        table = MultiIndexTable(self.hashes)
    }

    /// Every indexed entry within `maximumDistance` of any query hash (exact: never misses one), ordered by query,
    /// then by position in the index. A frame indexed with its centre hash may be hit twice by one query.
    public func search(_ queries: [PDQHash], maximumDistance: Int) -> [IndexHit] {
        search(queries, maximumDistance: maximumDistance, strategy: .automatic)
    }

    /// The same search through a chosen strategy: all give the same hits; `FrameHashIndexBenchmark` compares them.
    public func search(_ queries: [PDQHash], maximumDistance: Int, strategy: Strategy) -> [IndexHit] {
        guard maximumDistance >= 0 else { return [] }
        return rawSearch(queries.map(\.words), within: maximumDistance, strategy: strategy).map { hit in
            let entry = Int(hit.entry)
            return IndexHit(
                queryIndex: Int(hit.query), clipID: clipIDs[entry], frameIndex: Int(frameIndices[entry]),
                time: times[entry], distance: Int(hit.distance))
        }
    }

    /// Strips below this PDQ quality are not indexed or searched: flat strips (sky, a wall) hash to noise. The rule's
    /// usual minimum quality.
    static let stripQuality = MatchRule.standard.minimumQuality

    /// Clips with at least `rule.candidateFrames` frames matched on both sides (so one title card held for a minute
    /// does not make a candidate), most matched first, for `ClipMatcher` to confirm. The frames' variants, centre
    /// and strip hashes are searched too, so mirrored, rotated, cropped and overlaid copies are proposed.
    public func candidateClips(for frames: [FingerprintFrame], rule: MatchRule) -> [Int64] {
        candidates(for: frames, rule: rule, inParallel: true)
    }

    /// Every pair of the indexed clips that `candidateClips` proposes from either side, each once (`a < b`): the
    /// search of `footage match` over a whole catalogue. `clips` are the fingerprints the index was built from, by
    /// clip id; the clips are searched on all cores at once, each clip's queries in turn.
    public func candidatePairs(clips: [(clipID: Int64, frames: [FingerprintFrame])], rule: MatchRule)
        -> [(a: Int64, b: Int64)]
    {
        let proposed = concurrentMap(clips.count) { position in
            candidates(for: clips[position].frames, rule: rule, inParallel: false)
        }
        var pairs = Set<[Int64]>()
        for (clip, candidates) in zip(clips, proposed) {
            for other in candidates where other != clip.clipID {
                pairs.insert([min(clip.clipID, other), max(clip.clipID, other)])
            }
        }
        return pairs.map { (a: $0[0], b: $0[1]) }.sorted { ($0.a, $0.b) < ($1.a, $1.b) }
    }

    private func candidates(for frames: [FingerprintFrame], rule: MatchRule, inParallel: Bool) -> [Int64] {
        let usable = frames.filter { $0.quality >= rule.minimumQuality }
        var queries: [SIMD4<UInt64>] = []
        var queryFrames: [Int] = []
        for (frame, fingerprint) in usable.enumerated() {
            for hash in [fingerprint.hash] + fingerprint.variants {
                queries.append(hash.words)
                queryFrames.append(frame)
            }
            if let centre = fingerprint.centre {
                queries.append(centre.words)
                queryFrames.append(frame)
            }
            // The mirrored picture's strips too, so that a mirrored copy carrying a logo or caption is proposed.
            for strip in fingerprint.strips + fingerprint.mirroredStrips where strip.quality >= Self.stripQuality {
                queries.append(strip.hash.words)
                queryFrames.append(frame)
            }
        }
        var framesOfQuery: [Int64: Set<Int>] = [:]
        var framesOfClip: [Int64: Set<Int32>] = [:]
        for hit in rawSearch(queries, within: rule.maximumDistance, strategy: .automatic, inParallel: inParallel) {
            let entry = Int(hit.entry)
            guard qualities[entry] >= rule.minimumQuality else { continue }
            framesOfQuery[clipIDs[entry], default: []].insert(queryFrames[Int(hit.query)])
            framesOfClip[clipIDs[entry], default: []].insert(frameIndices[entry])
        }
        let strength = framesOfQuery.mapValues { $0.count }
            .merging(framesOfClip.mapValues { $0.count }, uniquingKeysWith: min)
        return strength.filter { $0.value >= rule.candidateFrames }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .map(\.key)
    }

    /// Queries whose lookups would visit more than 1/16 of the index are scanned instead: past that the multi-index's
    /// random reads cost more than streaming through everything.
    static let crowdedShare = 16

    func rawSearch(_ queries: [SIMD4<UInt64>], within limit: Int, strategy: Strategy, inParallel: Bool = true)
        -> [RawHit]
    {
        guard count > 0, !queries.isEmpty else { return [] }
        let useTable = strategy != .flatScan && limit <= MultiIndexTable.maximumDistance
        guard useTable else { return FlatHashScan.search(PackedHashes(queries), in: hashes, within: limit) }
        let radius = limit / MultiIndexTable.chunkCount
        var crowded: [Int] = []
        var indexed: [Int] = []
        for (position, query) in queries.enumerated() {
            let isCrowded =
                strategy == .automatic
                && table.candidateCount(query, radius: radius) > count / Self.crowdedShare
            if isCrowded { crowded.append(position) } else { indexed.append(position) }
        }
        let words = hashes.words
        let table = table
        let slots = indexed
        let search: @Sendable (Int) -> [RawHit] = { slot in
            words.withUnsafeBufferPointer { words in
                table.search(queries[slots[slot]], queryIndex: Int32(slots[slot]), in: words, within: limit)
            }
        }
        let results = inParallel ? concurrentMap(slots.count, search) : (0..<slots.count).map(search)
        var hits = results.flatMap { $0 }
        if !crowded.isEmpty {
            let scanned = FlatHashScan.search(PackedHashes(crowded.map { queries[$0] }), in: hashes, within: limit)
            hits += scanned.map { RawHit(query: Int32(crowded[Int($0.query)]), entry: $0.entry, distance: $0.distance) }
        }
        return hits.sorted()
    }
}
