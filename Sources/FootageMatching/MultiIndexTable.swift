import Dispatch

/// Multi-index hashing (Norouzi, Punjani and Fleet, "Fast Search in Hamming Space with Multi-Index Hashing",
/// CVPR 2012) over the 256 bits cut into 16 chunks of 16 bits.
///
/// If two hashes are within 31 bits, at least one of the 16 chunks differs in at most one bit (were every chunk
/// two or more apart, the whole would be 32 or more). So looking up, in each chunk's table, the query's chunk and
/// its 16 one-bit neighbours finds every match — exactly — while touching some 16 × 17 × N / 65,536 candidates
/// instead of all N. Chunks of 8 bits (exact agreement in one of 32) would visit 32 × N / 256, eight times
/// more. Each chunk's table is one array of entry numbers sorted by chunk value, with the start of every value.
struct MultiIndexTable: Sendable {
    static let chunkCount = 16
    static let bucketCount = 1 << 16
    /// The largest distance the one-bit neighbourhood covers exactly.
    static let maximumDistance = 31

    /// `starts[c * (bucketCount + 1) + v]`: where the entries whose chunk `c` equals `v` begin in `entries`.
    private let starts: [UInt32]
    /// For each chunk in turn, all entry numbers ordered by that chunk's value.
    private let entries: [UInt32]
    private let count: Int

    init(_ hashes: PackedHashes) {
        precondition(hashes.count < Int(UInt32.max), "too many hashes for 32-bit entry numbers")
        count = hashes.count
        var starts = [UInt32](repeating: 0, count: Self.chunkCount * (Self.bucketCount + 1))
        var entries = [UInt32](repeating: 0, count: Self.chunkCount * hashes.count)
        let words = hashes.words
        for chunk in 0..<Self.chunkCount {
            let base = chunk * (Self.bucketCount + 1)
            for entry in 0..<count {
                starts[base + Int(Self.chunk(chunk, of: words, at: entry)) + 1] += 1
            }
            for value in 0..<Self.bucketCount {
                starts[base + value + 1] += starts[base + value]
            }
            var next = Array(starts[base..<base + Self.bucketCount])
            for entry in 0..<count {
                let value = Int(Self.chunk(chunk, of: words, at: entry))
                entries[chunk * count + Int(next[value])] = UInt32(entry)
                next[value] += 1
            }
        }
        self.starts = starts
        self.entries = entries
    }

    @inline(__always)
    private static func chunk(_ chunk: Int, of words: [UInt64], at entry: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: words[4 * entry + chunk / 4] >> UInt64(16 * (chunk % 4)))
    }

    @inline(__always)
    private static func chunk(_ chunk: Int, of hash: SIMD4<UInt64>) -> UInt16 {
        UInt16(truncatingIfNeeded: hash[chunk / 4] >> UInt64(16 * (chunk % 4)))
    }

    /// How many entries the lookups for `query` would visit: to fall back on a scan for a query that sits in
    /// crowded buckets (a black frame's hash, a static shot indexed a thousand times).
    func candidateCount(_ query: SIMD4<UInt64>, radius: Int) -> Int {
        var total = 0
        for chunk in 0..<Self.chunkCount {
            let base = chunk * (Self.bucketCount + 1)
            let value = Int(Self.chunk(chunk, of: query))
            for flip in 0...(radius == 0 ? 0 : 16) {
                let probe = flip == 0 ? value : value ^ (1 << (flip - 1))
                total += Int(starts[base + probe + 1] - starts[base + probe])
            }
        }
        return total
    }

    /// Every entry within `limit` (at most 31) of `query`, each once, in no particular order.
    func search(_ query: SIMD4<UInt64>, queryIndex: Int32, in hashes: UnsafeBufferPointer<UInt64>, within limit: Int)
        -> [RawHit]
    {
        precondition(limit <= Self.maximumDistance, "the multi-index covers distances up to 31")
        let radius = limit / Self.chunkCount
        var hits: [RawHit] = []
        var touched: UInt64 = 0
        starts.withUnsafeBufferPointer { starts in
            entries.withUnsafeBufferPointer { entries in
                for chunk in 0..<Self.chunkCount {
                    let base = chunk * (Self.bucketCount + 1)
                    let postings = UnsafeBufferPointer(rebasing: entries[chunk * count..<(chunk + 1) * count])
                    let value = Int(Self.chunk(chunk, of: query))
                    let flips = 0...(radius == 0 ? 0 : 16)
                    // First only touch every candidate's hash: these loads are independent and cheap, so the core
                    // keeps many cache misses in flight at once; the checks below then find the lines in cache.
                    for flip in flips {
                        let probe = flip == 0 ? value : value ^ (1 << (flip - 1))
                        for position in Int(starts[base + probe])..<Int(starts[base + probe + 1]) {
                            touched ^= hashes[4 * Int(postings[position])]
                        }
                    }
                    // The chunk's own value, then (radius one) each of its 16 one-bit neighbours.
                    for flip in flips {
                        let probe = flip == 0 ? value : value ^ (1 << (flip - 1))
                        for position in Int(starts[base + probe])..<Int(starts[base + probe + 1]) {
                            let entry = Int(postings[position])
                            let hash = SIMD4(
                                hashes[4 * entry], hashes[4 * entry + 1], hashes[4 * entry + 2], hashes[4 * entry + 3])
                            guard HammingDistance.isWithin(hash, query, limit),
                                Self.firstCloseChunk(hash ^ query, radius: radius) == chunk
                            else { continue }
                            let distance = HammingDistance.between(hash, query)
                            hits.append(RawHit(query: queryIndex, entry: Int32(entry), distance: Int32(distance)))
                        }
                    }
                }
            }
        }
        // Uses the touched words, so that the compiler keeps the loads that warmed the cache.
        if touched == 0x5044_515F_5741_524D { hits.reserveCapacity(hits.count + 1) }
        return hits
    }

    /// The first chunk within `radius` bits: a match is reported only from that chunk's lookup, never twice.
    @inline(__always)
    private static func firstCloseChunk(_ difference: SIMD4<UInt64>, radius: Int) -> Int {
        for chunk in 0..<chunkCount where Self.chunk(chunk, of: difference).nonzeroBitCount <= radius {
            return chunk
        }
        return chunkCount
    }
}
