import CFFmpeg

/// One sampled picture of a video fingerprint: when it was shown, its PDQ hash with the seven rotated and mirrored
/// variants, the hash of its middle (`centre`), its quality, and the part of the picture that was hashed.
public struct FingerprintSample: Sendable, Equatable, Codable {
    /// Seconds from the stream start.
    public var time: Double
    /// Presentation timestamp in the stream's time base.
    public var pts: Int64
    public var hashes: PDQDihedralHashes
    /// PDQ quality, 0…100.
    public var quality: Int
    /// The PDQ hash of the middle `FingerprintSampler.centreShare` of `content` (width and height), so that a copy
    /// re-published cropped by about 10 % (a channel cutting off a corner logo, a platform trimming the edges)
    /// can be recognised: the copy's whole picture hashes close to this, while it is tens of bits from the
    /// original's whole picture. Nil in fingerprints made before it was added.
    public var centre: PDQHash?
    /// The picture inside any letterbox or pillarbox bars, in the upright picture of `pictureWidth`×`pictureHeight`
    /// that was hashed: the whole picture when there were none.
    public var content: ContentRect
    /// The PDQ hashes of the four edge strips of `content` (`EdgeStrip`), so that a copy carrying a logo, a caption
    /// or a ticker is still found through a strip the overlay leaves clear. Empty in fingerprints made before.
    public var strips: [StripHash]
    /// The four edge strips of the picture mirrored left to right, in `EdgeStrip` order (the mirror images of the
    /// right, left, top and bottom strips), each with its strip's quality: so that a mirrored copy carrying a logo or
    /// caption is found through a strip the overlay leaves clear. Empty in fingerprints made before.
    public var mirroredStrips: [StripHash]

    public init(
        time: Double, pts: Int64, hashes: PDQDihedralHashes, quality: Int, content: ContentRect,
        centre: PDQHash? = nil, strips: [StripHash] = [], mirroredStrips: [StripHash] = []
    ) {
        self.time = time
        self.pts = pts
        self.hashes = hashes
        self.quality = quality
        self.content = content
        self.centre = centre
        self.strips = strips
        self.mirroredStrips = mirroredStrips
    }
}

/// The PDQ hash of one edge strip of a sampled picture, with its own quality (a strip of sky is flat even when the
/// picture is not).
public struct StripHash: Sendable, Equatable, Codable {
    public var hash: PDQHash
    public var quality: Int

    public init(hash: PDQHash, quality: Int) {
        self.hash = hash
        self.quality = quality
    }
}

/// The four edge strips of a picture that a fingerprint hashes besides the whole: the left, right, top and bottom
/// 40 %.
///
/// Why strips: broadcasters put what they add at the edges — a logo in a corner, a lower-third caption, a ticker
/// along the bottom — and PDQ, a hash of the whole picture's low frequencies, moves 40–75 bits for a corner logo
/// covering 4 % of the picture and 30–60 for a lower third (measured on the samples and generated footage, beyond
/// the match distance of 31). A strip the overlay leaves clear hashes within 0–8 bits of the original's same strip:
/// a corner logo up to half the width and height leaves two strips clear, a caption or ticker along one edge
/// leaves the opposite strip clear. 40 % rather than half: a quarter-picture logo set in from the edges reaches
/// past the middle. Strips are compared only with the same strip of the other picture; unrelated pictures'
/// strips were 104 bits apart or more on the same footage.
public enum EdgeStrip: Int, CaseIterable, Sendable {
    case left, right, top, bottom

    /// The share of the width (left, right) or height (top, bottom) a strip keeps.
    public static let share = 0.4

    /// The strip that shows, in the picture mirrored left to right, what this one shows mirrored.
    public var mirrored: EdgeStrip {
        switch self {
        case .left: .right
        case .right: .left
        case .top, .bottom: self
        }
    }

    /// This strip of `rect`.
    public func of(_ rect: ContentRect) -> ContentRect {
        let width = max(1, Int((Double(rect.width) * Self.share).rounded()))
        let height = max(1, Int((Double(rect.height) * Self.share).rounded()))
        switch self {
        case .left: return ContentRect(x: rect.x, y: rect.y, width: width, height: rect.height)
        case .right: return ContentRect(x: rect.x + rect.width - width, y: rect.y, width: width, height: rect.height)
        case .top: return ContentRect(x: rect.x, y: rect.y, width: rect.width, height: height)
        case .bottom:
            return ContentRect(x: rect.x, y: rect.y + rect.height - height, width: rect.width, height: height)
        }
    }
}

/// A rectangle of a picture, in pixels.
public struct ContentRect: Sendable, Equatable, Hashable, Codable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        (self.x, self.y, self.width, self.height) = (x, y, width, height)
    }
}

/// A clip's samples and what the sampler saw.
public struct FingerprintSampling: Sendable, Codable {
    public var samples: [FingerprintSample]
    /// The upright size pictures were hashed at (at most 512 px on the long side), before any bars were cropped.
    public var pictureWidth: Int
    public var pictureHeight: Int
    public var streamIndex: Int
    /// Pictures the decoder could not decode (skipped).
    public var decodeErrors: Int
}

/// Samples a clip for its video fingerprint: the first picture at or after each multiple of `1 / rate` seconds, and
/// the pictures where the footage changes most (`ContentAnchors`, the same frames in every copy), each upright, at most 512 px on its long side, cropped to the picture inside any uniform bars (`BorderDetector`), and
/// PDQ-hashed with its dihedral variants (`PDQHasher.hashWithDihedrals`).
///
/// Cropping bars matters: a copy re-published with letterbox or pillarbox bars hashes tens of bits away from the
/// original, beyond the match distance, while its picture inside the bars hashes close to it. Whether a clip has
/// bars is decided over the whole clip (bars stay put; a flat sky or background comes and goes with the scenes),
/// and each picture of a barred clip is cropped to the flat bands found on it.
public enum FingerprintSampler {
    /// The rates accepted: from one picture a minute to 30 a second.
    public static let rates: ClosedRange<Double> = (1.0 / 60)...30
    /// The share of the width and height kept by the centre hash: 90 %, a crop of 5 % on each side. On the ministry
    /// sample, copies cropped by 6, 10 and 14 % (centred) are found through it; against whole pictures none is.
    public static let centreShare = 0.9

    /// Decoder threads for a file decoded while `filesAtOnce` files are: FFmpeg's own choice (0: a thread per core)
    /// for a file decoded alone, and one thread when other files keep the other cores busy, where frame threads only
    /// add switching between threads (`match FILE FILE` on the sample and reference pairs took 10–25 % less time,
    /// Benchmarks/RESULTS.md).
    public static func decoderThreads(filesAtOnce: Int) -> Int {
        filesAtOnce > 1 ? 1 : 0
    }

    /// Decodes the file's best video stream forward and samples it.
    ///
    /// - Parameters:
    ///   - rate: pictures per second.
    ///   - threads: decoder threads, 0 for FFmpeg's choice (see `decoderThreads(filesAtOnce:)`).
    ///   - cropsBorders: false hashes the whole picture, bars included (as the reference vPDQ does).
    /// - Throws: `MediaError`: the opener's errors, `notMedia` "no video stream", `damaged` "no decodable frames",
    ///   `timedOut`, `unsupported` for a rate outside `rates`.
    public static func sample(
        path: String, rate: Double, timeout: Double, threads: Int = 0, cropsBorders: Bool = true
    ) throws -> FingerprintSampling {
        try FFmpegLibrary.prepare(path: path)
        try check(rate, path: path)
        return try sample(
            file: MediaFile(path: path), rate: rate, timeout: timeout, threads: threads, cropsBorders: cropsBorders)
    }

    /// `sample(path:…)` of an open file, read through its descriptor; a file that changed by the end of the work
    /// (`MediaFile.checkUnchanged`) fails.
    public static func sample(
        file: MediaFile, rate: Double, timeout: Double, threads: Int = 0, cropsBorders: Bool = true
    ) throws -> FingerprintSampling {
        let path = file.path
        try FFmpegLibrary.prepare(path: path)
        try check(rate, path: path)
        let interval = 1 / rate
        let deadline = Deadline(after: timeout)
        do {
            let reader = try VideoFrameReader(
                file: file, deadline: deadline, threads: Int32(clamping: max(0, threads)),
                keyframesOnly: false)
            let hasher = FingerprintPictureHasher(cropsBorders: cropsBorders)
            var pictures: [FingerprintPictureHasher.Hashed] = []
            var anchors = ContentAnchors()
            var step = 0.0  // the next target is step × interval
            // Every picture is decoded: the anchors (`ContentAnchors`) are chosen by comparing each with the one
            // before it.
            reader.unwantedBefore = nil
            func sampleAnchors(_ decided: [ContentAnchors.Candidate]) throws {
                for anchor in decided {
                    pictures.append(
                        try hasher.hash(
                            anchor.frame, orientation: reader.orientation, time: anchor.time, pts: anchor.pts))
                }
            }
            while let pts = try reader.nextFrame() {
                let time = reader.seconds(pts)
                let levels = try anchors.levels(of: reader.frame)
                let regular = time >= step * interval - 1e-6
                if regular {
                    pictures.append(
                        try hasher.hash(reader.frame, orientation: reader.orientation, time: time, pts: pts))
                    // The next multiple after this picture: a gap in the footage skips the targets inside it.
                    step = max(step + 1, ((time + 1e-6) / interval).rounded(.down) + 1)
                }
                let decided = anchors.offer(time: time, pts: pts, levels: levels, sampled: regular) { buffer in
                    buffer.take(from: reader.frame)
                }
                try sampleAnchors(decided)
            }
            try sampleAnchors(anchors.finish())
            pictures.sort { $0.time < $1.time }
            let samples = FingerprintPictureHasher.choose(pictures)
            guard !samples.isEmpty else {
                let errors = reader.decodeErrors
                throw MediaError(
                    .damaged, path: path,
                    reason: "no decodable frames"
                        + (errors > 0 ? " (\(errors) decoding error\(errors == 1 ? "" : "s"))" : ""))
            }
            try file.checkUnchanged()
            return FingerprintSampling(
                samples: samples, pictureWidth: hasher.pictureWidth, pictureHeight: hasher.pictureHeight,
                streamIndex: reader.streamIndex, decodeErrors: reader.decodeErrors)
        } catch let error as MediaError {
            throw error.at(path: path)
        }
    }

    private static func check(_ rate: Double, path: String) throws {
        guard rate.isFinite, rates.contains(rate) else {
            throw MediaError(
                .unsupported, path: path, reason: "the fingerprint rate must be between 1/60 and 30 per second")
        }
    }
}

/// Turns decoded pictures into fingerprint hashes: scaled to RGB24 at most 512 px on the long side and turned upright
/// (`UprightScaler` at `Fit.hashing`: the code that turns keyframe stills upright, at the size they are hashed at),
/// cropped to the picture inside any bars, hashed with its dihedral
/// variants. Buffers and the hasher are reused from picture to picture.
final class FingerprintPictureHasher {
    /// swscale's area filter, colour matrix and range honoured, with swscale's own rounding: the fingerprints
    /// catalogues hold and the figures of Benchmarks/RESULTS.md were made so (keyframe hashes add accurate rounding,
    /// `FrameHasher.scalingFlags`, for conformance with the reference vPDQ tool).
    static let scalingFlags = SWS_AREA

    private let cropsBorders: Bool
    private let scaler = UprightScaler(format: AV_PIX_FMT_RGB24, fit: .hashing, flags: scalingFlags)
    private var luma: [UInt8] = []
    private var hasher = PDQHasher()
    private(set) var pictureWidth = 0
    private(set) var pictureHeight = 0
    /// The upright RGB24 picture of the last `hash` call (valid until the next one).
    private(set) var lastUpright: FrameBuffer?
    /// The size pictures are hashed at: `Fit.hashing`, as keyframe stills are.
    var fit: UprightScaler.Fit { scaler.fit }

    init(cropsBorders: Bool) {
        self.cropsBorders = cropsBorders
    }

    /// One sampled picture hashed whole, and inside the bars found on it when there were any.
    struct Hashed {
        var time: Double
        var pts: Int64
        var whole: Part
        var cropped: Part?
    }

    /// A part of a picture hashed: its hashes, quality and rectangle, the hash of its middle and of its edge strips.
    struct Part {
        var hashes: PDQDihedralHashes
        var quality: Int
        var content: ContentRect
        var centre: PDQHash
        var strips: [StripHash]
        var mirroredStrips: [StripHash]
    }

    func hash(_ frame: FrameBuffer, orientation: DisplayOrientation, time: Double, pts: Int64) throws -> Hashed {
        let picture = try scaler.upright(frame, orientation: orientation)
        lastUpright = picture
        let (width, height) = (picture.width, picture.height)
        (pictureWidth, pictureHeight) = (width, height)
        let (data, stride) = picture.plane(0)
        let whole = ContentRect(x: 0, y: 0, width: width, height: height)
        var hashed = Hashed(time: time, pts: pts, whole: hash(data, stride: stride, whole))
        if cropsBorders {
            let content = contentRect(data, width: width, height: height, stride: stride)
            if content != whole { hashed.cropped = hash(data, stride: stride, content) }
        }
        return hashed
    }

    private func hash(_ data: UnsafeMutablePointer<UInt8>, stride: Int, _ content: ContentRect) -> Part {
        let (hashes, quality) = hasher.hashWithDihedrals(
            rgb24: pixels(data, stride: stride, content), width: content.width, height: content.height,
            rowStride: stride)
        let middle = Self.centre(of: content)
        let centre = hasher.hash(
            rgb24: pixels(data, stride: stride, middle), width: middle.width,
            height: middle.height, rowStride: stride
        ).hash
        // Each strip with its mirror image, from one DCT: the mirrored picture's left strip is the original's right
        // one mirrored, and so on.
        let both = EdgeStrip.allCases.map { strip in
            let rect = strip.of(content)
            let (result, mirrored) = hasher.hashWithMirror(
                rgb24: pixels(data, stride: stride, rect), width: rect.width, height: rect.height, rowStride: stride)
            return (
                StripHash(hash: result.hash, quality: result.quality),
                StripHash(hash: mirrored, quality: result.quality)
            )
        }
        let mirroredStrips = EdgeStrip.allCases.map { strip in both[strip.mirrored.rawValue].1 }
        return Part(
            hashes: hashes, quality: quality, content: content, centre: centre, strips: both.map(\.0),
            mirroredStrips: mirroredStrips)
    }

    private func pixels(_ data: UnsafeMutablePointer<UInt8>, stride: Int, _ rect: ContentRect)
        -> UnsafeBufferPointer<UInt8>
    {
        UnsafeBufferPointer(
            start: data + rect.y * stride + rect.x * 3, count: (rect.height - 1) * stride + rect.width * 3)
    }

    /// The middle `centreShare` of a rectangle, as FFmpeg's `crop=iw*0.9:ih*0.9` would keep it.
    static func centre(of rect: ContentRect) -> ContentRect {
        let width = max(1, Int((Double(rect.width) * FingerprintSampler.centreShare).rounded()))
        let height = max(1, Int((Double(rect.height) * FingerprintSampler.centreShare).rounded()))
        return ContentRect(
            x: rect.x + (rect.width - width) / 2, y: rect.y + (rect.height - height) / 2,
            width: width, height: height)
    }

    /// Decides, for the whole clip, whether it has bars: a side has a bar when at least 90 % of the usable
    /// pictures (quality 50 or more, whole) show a flat band there. A clip with bars keeps each picture's cropped
    /// hash; a clip without keeps the whole pictures' hashes, so that a flat sky or a plain background in some
    /// scenes of an unbarred clip is not cropped differently in each copy.
    static func choose(_ pictures: [Hashed]) -> [FingerprintSample] {
        let usable = pictures.filter { $0.whole.quality >= 50 || ($0.cropped?.quality ?? 0) >= 50 }
        func band(_ side: (Hashed) -> Int) -> Int {
            let widths = usable.map(side).sorted()
            guard !widths.isEmpty else { return 0 }
            return widths[widths.count / 10]
        }
        let bars = [
            band { $0.cropped.map { $0.content.x } ?? 0 },
            band { $0.cropped.map { $0.content.y } ?? 0 },
            band { picture in
                picture.cropped.map { picture.whole.content.width - $0.content.x - $0.content.width } ?? 0
            },
            band { picture in
                picture.cropped.map { picture.whole.content.height - $0.content.y - $0.content.height } ?? 0
            },
        ]
        let hasBars = bars.contains { $0 > 0 }
        return pictures.map { picture in
            let chosen = hasBars ? picture.cropped ?? picture.whole : picture.whole
            return FingerprintSample(
                time: picture.time, pts: picture.pts, hashes: chosen.hashes,
                quality: chosen.quality, content: chosen.content, centre: chosen.centre, strips: chosen.strips,
                mirroredStrips: chosen.mirroredStrips)
        }
    }

    /// The picture inside uniform bars, found on the luminance of the RGB pixels.
    private func contentRect(_ data: UnsafeMutablePointer<UInt8>, width: Int, height: Int, stride: Int) -> ContentRect {
        if luma.count != width * height { luma = [UInt8](repeating: 0, count: width * height) }
        luma.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                var pixel = data + row * stride
                let line = out.baseAddress! + row * width
                for column in 0..<width {
                    // BT.601 weights in 8-bit fixed point: close enough to tell a flat bar from a picture.
                    let red = 77 * Int(pixel[0])
                    let green = 150 * Int(pixel[1])
                    let blue = 29 * Int(pixel[2])
                    line[column] = UInt8(truncatingIfNeeded: (red + green + blue) >> 8)
                    pixel += 3
                }
            }
        }
        let rect = luma.withUnsafeBufferPointer {
            BorderDetector.contentRect(luma: $0, width: width, height: height, rowStride: width)
        }
        return ContentRect(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
    }
}
