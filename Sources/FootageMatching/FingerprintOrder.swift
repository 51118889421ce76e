/// The order two fingerprints are compared in, decided by their content alone: FNV-1a over each frame's time and
/// hash. Whichever clip is asked about, in whichever process, the same pair is compared the same way round, so the
/// answer asked from the other side is exactly the reverse of this one.
enum FingerprintOrder {
    static func comesFirst(_ first: [FingerprintFrame], before second: [FingerprintFrame]) -> Bool {
        let (one, other) = (key(first), key(second))
        if one != other { return one < other }
        return first.count < second.count
    }

    static func key(_ frames: [FingerprintFrame]) -> UInt64 {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ word: UInt64) {
            for byte in 0..<8 {
                state ^= (word >> (8 * UInt64(byte))) & 0xFF
                state = state &* 0x100_0000_01b3
            }
        }
        for frame in frames {
            mix(frame.time.bitPattern)
            for word in 0..<4 { mix(frame.hash.words[word]) }
        }
        return state
    }
}
