/// The PDQ hash of one image and the reference's quality score for it.
public struct PDQResult: Sendable, Hashable {
    public var hash: PDQHash
    /// 0…100: how much significant gradient the image has. The reference advises ignoring hashes below 50
    /// (flat or nearly flat images, whose bits are mostly noise).
    public var quality: Int

    public init(hash: PDQHash, quality: Int) {
        self.hash = hash
        self.quality = quality
    }
}

/// The hashes of an image and of its seven rotated and mirrored versions, computed from one DCT without
/// transforming the image, named as in the reference implementation.
public struct PDQDihedralHashes: Sendable, Hashable, Codable {
    public var original: PDQHash
    /// The image turned a quarter turn.
    public var rot90: PDQHash
    public var rot180: PDQHash
    public var rot270: PDQHash
    /// The image mirrored top to bottom (flipped about the horizontal axis).
    public var flipX: PDQHash
    /// The image mirrored left to right (flipped about the vertical axis).
    public var flipY: PDQHash
    /// The image transposed (mirrored about its main diagonal).
    public var flipPlus1: PDQHash
    /// The image mirrored about its anti-diagonal.
    public var flipMinus1: PDQHash

    public init(
        original: PDQHash, rot90: PDQHash, rot180: PDQHash, rot270: PDQHash,
        flipX: PDQHash, flipY: PDQHash, flipPlus1: PDQHash, flipMinus1: PDQHash
    ) {
        self.original = original
        self.rot90 = rot90
        self.rot180 = rot180
        self.rot270 = rot270
        self.flipX = flipX
        self.flipY = flipY
        self.flipPlus1 = flipPlus1
        self.flipMinus1 = flipMinus1
    }

    /// All eight, in the reference's order: original, rot90, rot180, rot270, flipX, flipY, flipPlus1, flipMinus1.
    public var all: [PDQHash] {
        [original, rot90, rot180, rot270, flipX, flipY, flipPlus1, flipMinus1]
    }

    /// The smallest distance from `hash` to any of the eight: matching that tolerates rotation and mirroring.
    public func distance(to hash: PDQHash) -> Int {
        all.lazy.map { $0.distance(to: hash) }.min() ?? PDQHash.bitCount
    }
}
