/// A pair found by a scan: the query's position, the indexed hash's position, and their distance.
struct RawHit: Sendable, Equatable, Comparable {
    var query: Int32
    var entry: Int32
    var distance: Int32

    static func < (lhs: RawHit, rhs: RawHit) -> Bool { (lhs.query, lhs.entry) < (rhs.query, rhs.entry) }
}

/// The exact baseline search: every query against every indexed hash, two words first, the other two only for
/// the rare pair whose first half is already within the limit.
enum FlatHashScan {
    /// Indexed hashes per task: 8,192 hashes are 256 KiB, which stay in a core's L2 while all queries pass over them.
    static let chunkSize = 8_192

    static func search(_ queries: PackedHashes, in index: PackedHashes, within limit: Int) -> [RawHit] {
        let chunks = (index.count + chunkSize - 1) / chunkSize
        guard chunks > 0, queries.count > 0 else { return [] }
        let queryWords = queries.words
        let indexWords = index.words
        let count = index.count
        let results = concurrentMap(chunks) { chunk in
            let entries = chunk * chunkSize..<min((chunk + 1) * chunkSize, count)
            return queryWords.withUnsafeBufferPointer { queries in
                indexWords.withUnsafeBufferPointer { scan(queries, $0, entries: entries, within: limit) }
            }
        }
        return results.flatMap { $0 }.sorted()
    }

    /// Scans `entries` of the index with every query; hits come out in entry order.
    static func scan(
        _ queries: UnsafeBufferPointer<UInt64>, _ index: UnsafeBufferPointer<UInt64>, entries: Range<Int>,
        within limit: Int
    ) -> [RawHit] {
        var hits: [RawHit] = []
        let queryCount = queries.count / 4
        for entry in entries {
            let base = 4 * entry
            let h0 = index[base]
            let h1 = index[base + 1]
            for query in 0..<queryCount {
                let q = 4 * query
                // Unrelated hashes differ in about 64 of these 128 bits, so this test almost always ends the pair.
                let half = (h0 ^ queries[q]).nonzeroBitCount &+ (h1 ^ queries[q + 1]).nonzeroBitCount
                guard half <= limit else { continue }
                let distance =
                    half &+ (index[base + 2] ^ queries[q + 2]).nonzeroBitCount
                    &+ (index[base + 3] ^ queries[q + 3]).nonzeroBitCount
                if distance <= limit {
                    hits.append(RawHit(query: Int32(query), entry: Int32(entry), distance: Int32(distance)))
                }
            }
        }
        return hits
    }
}
