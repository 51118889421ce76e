import FootageMedia

/// One side of a comparison: the usable frames of a fingerprint in time order, with each frame's distinct image.
///
/// A static shot or a title card held for many seconds gives many near-identical hashes. Counting them as many
/// pieces of evidence would let one shared title card make two unrelated clips "match" at any offset, so frames
/// within the match distance of an earlier frame of the same clip are grouped into one distinct image, and the
/// clip-level decision counts images, not frames.
struct PreparedFingerprint: Sendable {
    var times: [Double]
    var hashes: [SIMD4<UInt64>]
    /// `variants[t][i]`: frame `i`'s hash under transform `t`, or nil when the frame has no variants.
    var variants: [[SIMD4<UInt64>?]]
    /// Each frame's centre hash (its middle 90 %), nil for frames without one.
    var centres: [SIMD4<UInt64>?]
    /// `strips[s][i]`: frame `i`'s hash of edge strip `s` (`EdgeStrip` order), nil when the frame has none or the
    /// strip is too flat to compare (below the rule's quality).
    var strips: [[SIMD4<UInt64>?]]
    /// `mirroredStrips[s][i]`: the same for the frame mirrored left to right (`FingerprintFrame.mirroredStrips`).
    var mirroredStrips: [[SIMD4<UInt64>?]]
    /// The distinct image each frame shows, numbered from 0 in order of first appearance.
    var images: [Int]
    var imageCount: Int

    var count: Int { times.count }
    var hasVariants: Bool { variants.contains { column in column.contains { $0 != nil } } }
    var hasCentres: Bool { centres.contains { $0 != nil } }
    var hasStrips: Bool { strips.contains { column in column.contains { $0 != nil } } }
    var hasMirroredStrips: Bool { mirroredStrips.contains { column in column.contains { $0 != nil } } }

    init(_ frames: [FingerprintFrame], rule: MatchRule) {
        let usable = frames.filter { $0.quality >= rule.minimumQuality && $0.time.isFinite }
            .sorted { $0.time < $1.time }
        times = usable.map(\.time)
        hashes = usable.map(\.hash.words)
        variants = DihedralTransform.allCases.map { transform in
            usable.map { frame in
                frame.variants.indices.contains(transform.rawValue) ? frame.variants[transform.rawValue].words : nil
            }
        }
        centres = usable.map { $0.centre?.words }
        func columns(_ strips: (FingerprintFrame) -> [StripHash]) -> [[SIMD4<UInt64>?]] {
            EdgeStrip.allCases.map { strip in
                usable.map { frame in
                    let hashes = strips(frame)
                    guard hashes.indices.contains(strip.rawValue) else { return nil }
                    let hash = hashes[strip.rawValue]
                    return hash.quality >= rule.minimumQuality ? hash.hash.words : nil
                }
            }
        }
        (images, imageCount) = Self.distinctImages(hashes, within: rule.maximumDistance)
        let imageCount = imageCount
        strips = columns(\.strips).map { Self.changing($0, imageCount: imageCount, rule: rule) }
        mirroredStrips = columns(\.mirroredStrips).map { Self.changing($0, imageCount: imageCount, rule: rule) }
    }

    /// A strip's hashes, or none when the strip barely changes while the picture does: a strip that a logo or a
    /// channel's graphics fill stays one image for the whole clip, and two unrelated clips carrying the same logo
    /// would match through it at any offset. A strip that shows one image while the pictures show several, or a
    /// quarter or fewer of the distinct images the pictures show, is set aside, and so are all the strips of a clip
    /// that shows one image.
    private static func changing(_ column: [SIMD4<UInt64>?], imageCount: Int, rule: MatchRule) -> [SIMD4<UInt64>?] {
        // A clip that shows one image has nothing that moves to tell its footage from a logo on it: it matches through
        // its whole pictures only.
        guard imageCount >= 2 else { return column.map { _ in nil } }
        let present = column.compactMap { $0 }
        guard !present.isEmpty else { return column }
        let stripImages = distinctImages(present, within: rule.maximumDistance).1
        let still = stripImages == 1 || (imageCount >= 4 && stripImages * 4 <= imageCount)
        return still ? column.map { _ in nil } : column
    }

    /// Groups each frame with the first earlier image it is within `distance` of; O(frames × images).
    private static func distinctImages(_ hashes: [SIMD4<UInt64>], within distance: Int) -> ([Int], Int) {
        var anchors: [SIMD4<UInt64>] = []
        var images: [Int] = []
        images.reserveCapacity(hashes.count)
        for hash in hashes {
            if let image = anchors.firstIndex(where: { HammingDistance.isWithin(hash, $0, distance) }) {
                images.append(image)
            } else {
                images.append(anchors.count)
                anchors.append(hash)
            }
        }
        return (images, anchors.count)
    }

    /// The indices of frames whose time lies in `range`, found by binary search on the sorted times.
    func indices(in range: ClosedRange<Double>) -> Range<Int> {
        func firstIndex(atLeast bound: Double) -> Int {
            var low = 0
            var high = times.count
            while low < high {
                let middle = (low + high) / 2
                if times[middle] < bound { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstIndex(atLeast: range.lowerBound)
        var upper = lower
        while upper < times.count, times[upper] <= range.upperBound { upper += 1 }
        return lower..<upper
    }
}
