import FootageMedia

/// One sampled frame of a video fingerprint: when it was taken, its PDQ hash and quality, and optionally the
/// hashes of its rotated and mirrored versions.
///
/// A fingerprint is a list of these at a fixed sampling rate (one per second by default), in time order.
public struct FingerprintFrame: Sendable, Equatable {
    /// Seconds from the start of the clip.
    public var time: Double
    public var hash: PDQHash
    /// PDQ quality, 0…100; frames below the rule's minimum (flat or nearly flat images) are ignored.
    public var quality: Int
    /// The dihedral variants other than the original, in the reference's order (rot90, rot180, rot270, flipX,
    /// flipY, flipPlus1, flipMinus1), or empty when they were not computed. They let a mirrored or rotated
    /// re-upload be recognised.
    public var variants: [PDQHash]
    /// The hash of the frame's middle 90 % (`FingerprintSample.centre`): a copy cropped by about 10 % matches it.
    /// Nil when it was not computed.
    public var centre: PDQHash?
    /// The hashes of the frame's four edge strips in `EdgeStrip` order (left, right, top, bottom), each with its
    /// quality, or empty when they were not computed: a copy with a logo or caption matches through a clear strip.
    public var strips: [StripHash]
    /// The edge strips of the frame mirrored left to right (`FingerprintSample.mirroredStrips`), or empty.
    public var mirroredStrips: [StripHash]

    public init(
        time: Double, hash: PDQHash, quality: Int, variants: [PDQHash] = [], centre: PDQHash? = nil,
        strips: [StripHash] = [], mirroredStrips: [StripHash] = []
    ) {
        self.time = time
        self.hash = hash
        self.quality = quality
        self.variants = variants
        self.centre = centre
        self.strips = strips
        self.mirroredStrips = mirroredStrips
    }

    /// A frame from the hasher's output, keeping all seven variants.
    public init(
        time: Double, dihedrals: PDQDihedralHashes, quality: Int, centre: PDQHash? = nil, strips: [StripHash] = [],
        mirroredStrips: [StripHash] = []
    ) {
        self.init(
            time: time, hash: dihedrals.original, quality: quality, variants: Array(dihedrals.all.dropFirst()),
            centre: centre, strips: strips, mirroredStrips: mirroredStrips)
    }
}
