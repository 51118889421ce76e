/// Computes PDQ hashes the way Meta's reference implementation does, bit for bit on the same pixels.
///
/// A hasher keeps its working memory between calls, so hashing a stream of video frames of one size
/// allocates nothing after the first frame. Give each worker its own hasher: it is a value type, and a copy
/// that is used while another copy shares the memory gets memory of its own.
///
/// Images smaller than 5 pixels on a side get the zero hash and quality 0, as in the reference.
/// See <https://github.com/facebook/ThreatExchange/blob/main/hashing/hashing.pdf> for the algorithm.
public struct PDQHasher: Sendable {
    private var scratch = PDQScratch()

    /// The smallest side the reference hashes (`MIN_HASHABLE_DIM`).
    public static let minimumSide = 5

    public init() {}

    /// Hashes 8-bit RGB pixels (`AV_PIX_FMT_RGB24`, the PPM layout), converted to luminance as
    /// 0.299 R + 0.587 G + 0.114 B in `Float`, as the reference does.
    ///
    /// - Parameter rowStride: bytes from the start of one row to the next (at least `width * 3`).
    public mutating func hash(rgb24 pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int)
        -> PDQResult
    {
        hash(PixelSource(pixels, width: width, height: height, rowStride: rowStride, bytesPerPixel: 3))
    }

    /// Hashes 8-bit grey pixels (`AV_PIX_FMT_GRAY8`, or the Y plane of a YUV frame), taken as luminance.
    ///
    /// The reference derives luminance from RGB, so the same picture given as RGB and as a Y plane hashes
    /// to nearby, not necessarily equal, values.
    public mutating func hash(luma pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int)
        -> PDQResult
    {
        hash(PixelSource(pixels, width: width, height: height, rowStride: rowStride, bytesPerPixel: 1))
    }

    /// Hashes RGB pixels and derives the hashes of the seven rotations and mirror images from the same DCT.
    public mutating func hashWithDihedrals(
        rgb24 pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int
    ) -> (hashes: PDQDihedralHashes, quality: Int) {
        hashWithDihedrals(PixelSource(pixels, width: width, height: height, rowStride: rowStride, bytesPerPixel: 3))
    }

    /// Hashes grey pixels and derives the hashes of the seven rotations and mirror images.
    public mutating func hashWithDihedrals(
        luma pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int
    ) -> (hashes: PDQDihedralHashes, quality: Int) {
        hashWithDihedrals(PixelSource(pixels, width: width, height: height, rowStride: rowStride, bytesPerPixel: 1))
    }

    /// Hashes RGB pixels as `hash(rgb24:…)` does, and derives from the same DCT the hash of the picture mirrored left
    /// to right (`PDQDihedralHashes.flipY`): for a part of a picture whose mirror image another copy may show.
    public mutating func hashWithMirror(
        rgb24 pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int
    ) -> (result: PDQResult, mirrored: PDQHash) {
        let scratch = uniqueScratch()
        let source = PixelSource(pixels, width: width, height: height, rowStride: rowStride, bytesPerPixel: 3)
        guard let quality = Self.transform(source, scratch: scratch, samplingWholeFrame: true) else {
            return (PDQResult(hash: .zero, quality: 0), .zero)
        }
        PDQDihedral.flipY.apply(scratch.coefficients, into: scratch.variantCoefficients)
        return (
            PDQResult(hash: PDQHash(thresholding: scratch.coefficients), quality: quality),
            PDQHash(thresholding: scratch.variantCoefficients)
        )
    }

    private mutating func hash(_ source: PixelSource) -> PDQResult {
        let scratch = uniqueScratch()
        guard let quality = Self.transform(source, scratch: scratch, samplingWholeFrame: true) else {
            return PDQResult(hash: .zero, quality: 0)
        }
        return PDQResult(hash: PDQHash(thresholding: scratch.coefficients), quality: quality)
    }

    private mutating func hashWithDihedrals(_ source: PixelSource) -> (hashes: PDQDihedralHashes, quality: Int) {
        let scratch = uniqueScratch()
        // The reference's dihedral entry point filters even a 64×64 frame, unlike its single-hash one.
        guard let quality = Self.transform(source, scratch: scratch, samplingWholeFrame: false) else {
            let zero = PDQHash.zero
            let hashes = PDQDihedralHashes(
                original: zero, rot90: zero, rot180: zero, rot270: zero,
                flipX: zero, flipY: zero, flipPlus1: zero, flipMinus1: zero)
            return (hashes, 0)
        }
        func variant(_ symmetry: PDQDihedral) -> PDQHash {
            symmetry.apply(scratch.coefficients, into: scratch.variantCoefficients)
            return PDQHash(thresholding: scratch.variantCoefficients)
        }
        let hashes = PDQDihedralHashes(
            original: PDQHash(thresholding: scratch.coefficients),
            rot90: variant(.rot90), rot180: variant(.rot180), rot270: variant(.rot270),
            flipX: variant(.flipX), flipY: variant(.flipY),
            flipPlus1: variant(.flipPlus1), flipMinus1: variant(.flipMinus1))
        return (hashes, quality)
    }

    private mutating func uniqueScratch() -> PDQScratch {
        if !isKnownUniquelyReferenced(&scratch) {
            scratch = PDQScratch()
        }
        return scratch
    }

    /// Downsamples the frame to 64×64, scores it and leaves its 16×16 DCT in `scratch.coefficients`.
    /// Returns the quality, or nil when the frame is too small to hash.
    ///
    /// - Parameter samplingWholeFrame: take a 64×64 frame as its own downsample, unfiltered, as the
    ///   reference's single-hash path does.
    private static func transform(_ source: PixelSource, scratch: PDQScratch, samplingWholeFrame: Bool) -> Int? {
        guard source.width >= minimumSide, source.height >= minimumSide else { return nil }
        if samplingWholeFrame && source.width == 64 && source.height == 64 {
            for row in 0..<64 {
                source.fillRow(row, into: scratch.block + row * 64, terms: scratch.lumaTerms)
            }
        } else {
            downsample(source, scratch: scratch)
        }
        let quality = PDQQuality.score(of: scratch.block)
        PDQDCT.transform(
            scratch.block, middle: scratch.dctMiddle, output: scratch.coefficients,
            matrix: scratch.dctMatrix, transposed: scratch.dctMatrixTransposed)
        return quality
    }

    /// The reference's blur and decimate into `scratch.block`: box filters along rows, columns, rows and
    /// columns, then the pixel under each of the 64×64 sample centres.
    ///
    /// Rows are filtered eight at a time, one per SIMD lane (transposed in 8×8 blocks on the way in and out);
    /// columns eight at a time along each row. The first column pass streams into the second row pass eight
    /// rows at a time, and the last two passes only finish the values at the sampled columns and rows; every
    /// running sum still visits every pixel, as the reference's does.
    private static func downsample(_ source: PixelSource, scratch: PDQScratch) {
        let width = source.width
        let height = source.height
        let stride = (width + 7) & ~7
        scratch.reserve(rows: height, rowStride: stride)
        let windowAlongRows = JaroszFilter.windowSize(dimension: width)
        let windowAlongColumns = JaroszFilter.windowSize(dimension: height)
        JaroszFilter.sampleIndices(dimension: height, into: scratch.sampleRows)
        JaroszFilter.sampleIndices(dimension: width, into: scratch.sampleColumns)
        let laneInput = scratch.laneInput
        let laneOutput = scratch.laneOutput

        // Pass 1: along rows, from the pixels, eight rows at a time.
        let eightRows = scratch.eightRows
        for firstRow in Swift.stride(from: 0, to: height, by: 8) {
            let lanes = min(8, height - firstRow)
            for lane in 0..<8 {
                let row = firstRow + min(lane, lanes - 1)
                source.fillRow(row, into: eightRows + lane * stride, terms: scratch.lumaTerms)
            }
            JaroszFilter.interleave(eightRows, rowStride: stride, into: laneInput, columns: width)
            JaroszFilter.boxLanes(laneInput, laneOutput, length: width, window: windowAlongRows)
            JaroszFilter.deinterleave(
                laneOutput, into: scratch.rowFiltered + firstRow * stride, rowStride: stride, columns: width)
        }

        // Passes 2 and 3: along columns, then along rows again, eight rows at a time; keep the sampled columns.
        var columnPass = JaroszFilter.ColumnBox(
            scratch.rowFiltered, rows: height, rowStride: stride, window: windowAlongColumns,
            sums: scratch.columnSums)
        for firstRow in Swift.stride(from: 0, to: height, by: 8) {
            let lanes = min(8, height - firstRow)
            for lane in 0..<lanes {
                columnPass.next(into: eightRows + lane * stride)
            }
            JaroszFilter.interleave(eightRows, rowStride: stride, into: laneInput, columns: width)
            JaroszFilter.boxLanes(laneInput, laneOutput, length: width, window: windowAlongRows)
            for lane in 0..<lanes {
                let row = scratch.filteredAtSampledColumns + (firstRow + lane) * 64
                for sample in 0..<64 {
                    row[sample] = laneOutput[scratch.sampleColumns[sample] * 8 + lane]
                }
            }
        }

        // Pass 4: along columns, over the sampled columns; keep the sampled rows.
        var sampledPass = JaroszFilter.ColumnBox(
            scratch.filteredAtSampledColumns, rows: height, rowStride: 64, window: windowAlongColumns,
            sums: scratch.sampledSums)
        var sample = 0
        for row in 0..<height where sample < 64 {
            sampledPass.next(into: scratch.sampledRow)
            while sample < 64 && scratch.sampleRows[sample] == row {
                (scratch.block + sample * 64).update(from: scratch.sampledRow, count: 64)
                sample += 1
            }
        }
    }
}

/// Borrowed 8-bit pixels, RGB or grey, read one row at a time as `Float` luminance.
struct PixelSource {
    let base: UnsafePointer<UInt8>?
    let width: Int
    let height: Int
    let rowStride: Int
    let bytesPerPixel: Int

    /// The reference's luminance weights, `Float` values of the `double` literals as C++ converts them.
    static let red = Float(0.299 as Double)
    static let green = Float(0.587 as Double)
    static let blue = Float(0.114 as Double)

    init(_ pixels: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int, bytesPerPixel: Int) {
        precondition(width >= 0 && height >= 0, "negative image size \(width)×\(height)")
        if width > 0 && height > 0 {
            precondition(rowStride >= width * bytesPerPixel, "row stride \(rowStride) shorter than a row")
            precondition(
                pixels.count >= (height - 1) * rowStride + width * bytesPerPixel,
                "\(pixels.count) bytes is too few for \(width)×\(height) pixels at row stride \(rowStride)")
        }
        base = pixels.baseAddress
        self.width = width
        self.height = height
        self.rowStride = rowStride
        self.bytesPerPixel = bytesPerPixel
    }

    /// Writes row `row`'s luminance to `output[0 ..< width]`. `terms` holds the products of the three
    /// weights with every byte value (so the sums are the reference's, without a multiply per pixel).
    @inline(__always)
    func fillRow(_ row: Int, into output: UnsafeMutablePointer<Float>, terms: UnsafePointer<Float>) {
        guard let base else { return }
        var pixel = base + row * rowStride
        if bytesPerPixel == 3 {
            let (redTerms, greenTerms, blueTerms) = (terms, terms + 256, terms + 512)
            for column in 0..<width {
                output[column] = redTerms[Int(pixel[0])] + greenTerms[Int(pixel[1])] + blueTerms[Int(pixel[2])]
                pixel += 3
            }
        } else {
            for column in 0..<width {
                output[column] = Float(pixel[column])
            }
        }
    }
}
