/// The working memory of a `PDQHasher`: sized for the largest frame seen so far and reused for every frame
/// after it, so that hashing a stream of same-sized video frames allocates nothing.
///
/// `@unchecked Sendable` because `PDQHasher` only touches an instance it holds the sole reference to
/// (it makes a fresh one when a copy of the hasher shares it), so no two threads ever use one at once.
final class PDQScratch: @unchecked Sendable {
    /// The reference's DCT matrix, 16×64, and its transpose, 64×16.
    let dctMatrix = PDQScratch.allocate(16 * 64)
    let dctMatrixTransposed = PDQScratch.allocate(64 * 16)
    /// The 64×64 downsample.
    let block = PDQScratch.allocate(64 * 64)
    /// `D · block`, 16×64.
    let dctMiddle = PDQScratch.allocate(16 * 64)
    /// The 16×16 DCT coefficients, and the coefficients of one rotated or mirrored variant.
    let coefficients = PDQScratch.allocate(16 * 16)
    let variantCoefficients = PDQScratch.allocate(16 * 16)
    /// Which source row and column each of the 64 samples is taken from.
    let sampleRows = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    let sampleColumns = UnsafeMutablePointer<Int>.allocate(capacity: 64)
    /// The reference's luminance terms for every byte value: `0.299 · v`, `0.587 · v`, `0.114 · v` in `Float`.
    let lumaTerms = PDQScratch.allocate(3 * 256)
    /// Running sums and one output row of the last column pass, over the 64 sampled columns.
    let sampledSums = PDQScratch.allocate(64)
    let sampledRow = PDQScratch.allocate(64)

    /// The frame after the first box pass along rows: `capacityRows` rows (a multiple of 8) of
    /// `capacityStride` floats.
    private(set) var rowFiltered = PDQScratch.allocate(0)
    /// Eight rows on their way into or out of a box pass along rows (luminance, or the first column pass's output).
    private(set) var eightRows = PDQScratch.allocate(0)
    /// Running sums of the first column pass, one per column.
    private(set) var columnSums = PDQScratch.allocate(0)
    /// Eight rows interleaved (`column * 8 + lane`) before and after a box pass along rows.
    private(set) var laneInput = PDQScratch.allocate(0)
    private(set) var laneOutput = PDQScratch.allocate(0)
    /// The frame after the second box pass along rows, at the 64 sampled columns only: `capacityRows` × 64.
    private(set) var filteredAtSampledColumns = PDQScratch.allocate(0)

    private var capacityRows = 0
    private var capacityStride = 0

    init() {
        PDQDCT.fillMatrix(dctMatrix)
        PDQDCT.fillTransposedMatrix(dctMatrixTransposed, from: dctMatrix)
        for value in 0..<256 {
            lumaTerms[value] = PixelSource.red * Float(value)
            lumaTerms[256 + value] = PixelSource.green * Float(value)
            lumaTerms[512 + value] = PixelSource.blue * Float(value)
        }
    }

    deinit {
        for buffer in [
            dctMatrix, dctMatrixTransposed, block, lumaTerms, dctMiddle, coefficients, variantCoefficients,
            sampledSums, sampledRow, rowFiltered, eightRows, columnSums, laneInput, laneOutput,
            filteredAtSampledColumns,
        ] {
            buffer.deallocate()
        }
        sampleRows.deallocate()
        sampleColumns.deallocate()
    }

    /// Makes room for a frame of `rows` rows of `rowStride` floats (`rowStride` a multiple of 8).
    func reserve(rows: Int, rowStride: Int) {
        let rows = (rows + 7) & ~7
        guard rows > capacityRows || rowStride > capacityStride else { return }
        capacityRows = max(rows, capacityRows)
        capacityStride = max(rowStride, capacityStride)
        rowFiltered = Self.reallocate(rowFiltered, capacityRows * capacityStride)
        eightRows = Self.reallocate(eightRows, 8 * capacityStride)
        columnSums = Self.reallocate(columnSums, capacityStride)
        laneInput = Self.reallocate(laneInput, 8 * capacityStride)
        laneOutput = Self.reallocate(laneOutput, 8 * capacityStride)
        filteredAtSampledColumns = Self.reallocate(filteredAtSampledColumns, capacityRows * 64)
    }

    private static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: max(count, 8))
        buffer.initialize(repeating: 0, count: max(count, 8))
        return buffer
    }

    private static func reallocate(_ buffer: UnsafeMutablePointer<Float>, _ count: Int) -> UnsafeMutablePointer<Float> {
        buffer.deallocate()
        return allocate(count)
    }
}
