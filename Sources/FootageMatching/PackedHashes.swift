/// Hashes stored as one contiguous run of words, four per hash, so that a scan streams through memory.
struct PackedHashes: Sendable {
    private(set) var words: [UInt64] = []

    var count: Int { words.count / 4 }

    init<S: Sequence>(_ hashes: S) where S.Element == SIMD4<UInt64> {
        for hash in hashes {
            words.append(hash[0])
            words.append(hash[1])
            words.append(hash[2])
            words.append(hash[3])
        }
    }

    subscript(index: Int) -> SIMD4<UInt64> {
        SIMD4(words[4 * index], words[4 * index + 1], words[4 * index + 2], words[4 * index + 3])
    }
}
