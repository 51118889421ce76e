/// The reference's PDQ quality score: how much significant gradient the 64×64 downsample holds.
///
/// Each difference between neighbouring samples is scaled to percent of full range and truncated to an
/// integer (so faint gradients count for nothing), the absolute values are summed, and the sum is divided
/// by 90 and capped at 100. The constants are the reference's hand-tuned ones.
enum PDQQuality {
    static func score(of block: UnsafePointer<Float>) -> Int {
        var gradientSum = 0
        for row in 0..<63 {
            for column in 0..<64 {
                gradientSum += step(block[row * 64 + column], block[(row + 1) * 64 + column])
            }
        }
        for row in 0..<64 {
            for column in 0..<63 {
                gradientSum += step(block[row * 64 + column], block[row * 64 + column + 1])
            }
        }
        return min(gradientSum / 90, 100)
    }

    /// `|int((u − v) · 100 / 255)|`, in `Float` as the reference computes it.
    @inline(__always)
    private static func step(_ u: Float, _ v: Float) -> Int {
        abs(Int((u - v) * 100 / 255))
    }
}
