/// Hamming distances between 256-bit hashes held as four words.
enum HammingDistance {
    @inline(__always)
    static func between(_ a: SIMD4<UInt64>, _ b: SIMD4<UInt64>) -> Int {
        let difference = a ^ b
        return difference[0].nonzeroBitCount &+ difference[1].nonzeroBitCount
            &+ difference[2].nonzeroBitCount &+ difference[3].nonzeroBitCount
    }

    /// Whether the distance is at most `limit`, stopping after half the bits when those alone exceed it — as they
    /// do for almost every pair of unrelated hashes (about 64 of the first 128 bits differ).
    @inline(__always)
    static func isWithin(_ a: SIMD4<UInt64>, _ b: SIMD4<UInt64>, _ limit: Int) -> Bool {
        let difference = a ^ b
        let half = difference[0].nonzeroBitCount &+ difference[1].nonzeroBitCount
        if half > limit { return false }
        return half &+ difference[2].nonzeroBitCount &+ difference[3].nonzeroBitCount <= limit
    }
}
