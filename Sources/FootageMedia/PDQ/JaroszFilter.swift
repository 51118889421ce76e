/// The reference PDQ downsampler: a Jarosz tent filter (box filters along rows, then along columns, twice)
/// followed by point sampling at 64×64 pixel centres.
///
/// The numerics follow the reference `downscaling.cpp` operation for operation: a running `Float` sum that
/// adds the entering sample before subtracting the leaving one, divided by the window's current width at
/// the edges. Only the order of work differs: eight rows (or eight columns) are filtered at once, one per
/// SIMD lane, which leaves every lane's arithmetic exactly as the scalar reference does it.
enum JaroszFilter {
    /// Eight filter lanes.
    typealias Lanes = SIMD8<Float>

    /// The side of the sampled block.
    static let sampledSide = 64

    /// The box window for scaling `dimension` pixels down to `target`: half a target pixel, rounded up,
    /// since two passes together cover a whole one.
    static func windowSize(dimension: Int, target: Int = sampledSide) -> Int {
        (dimension + 2 * target - 1) / (2 * target)
    }

    /// The source index sampled for each of the 64 output positions along a side of `dimension` pixels:
    /// the pixel under the output pixel's centre, computed in `Double` as the reference does.
    static func sampleIndices(dimension: Int, into indices: UnsafeMutablePointer<Int>) {
        for output in 0..<sampledSide {
            indices[output] = Int((Double(output) + 0.5) * Double(dimension) / Double(sampledSide))
        }
    }

    /// Box-filters `length` vectors of eight lanes each (`input[i * 8 ..< i * 8 + 8]`), writing the same
    /// layout to `output`. Each lane is one independent row.
    static func boxLanes(
        _ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, length: Int, window: Int
    ) {
        let half = (window + 2) / 2
        var sum = Lanes.zero
        var width = 0
        var right = 0
        var left = 0
        var out = 0
        for _ in 0..<max(0, half - 1) {
            sum += load(input, right * 8)
            width += 1
            right += 1
        }
        for _ in 0..<max(0, window - half + 1) {
            sum += load(input, right * 8)
            width += 1
            store(sum / Float(width), output, out * 8)
            right += 1
            out += 1
        }
        for _ in 0..<max(0, length - window) {
            sum += load(input, right * 8)
            sum -= load(input, left * 8)
            store(sum / Float(width), output, out * 8)
            left += 1
            right += 1
            out += 1
        }
        for _ in 0..<max(0, half - 1) {
            sum -= load(input, left * 8)
            width -= 1
            store(sum / Float(width), output, out * 8)
            left += 1
            out += 1
        }
    }

    /// Box-filters the columns of a matrix along its rows, one output row at a time, so that the next stage
    /// can consume rows as they come instead of waiting for a whole filtered frame.
    ///
    /// The matrix is `rows` rows of `rowStride` floats (a multiple of 8); `sums` is `rowStride` floats of
    /// working memory that must outlive the filter.
    struct ColumnBox {
        private let input: UnsafePointer<Float>
        private let sums: UnsafeMutablePointer<Float>
        private let rowStride: Int
        private let growingEnd: Int
        private let steadyEnd: Int
        private var width = 0
        private var entering = 0
        private var leaving = 0
        private var produced = 0

        init(
            _ input: UnsafePointer<Float>, rows: Int, rowStride: Int, window: Int, sums: UnsafeMutablePointer<Float>
        ) {
            self.input = input
            self.sums = sums
            self.rowStride = rowStride
            let half = (window + 2) / 2
            growingEnd = window - half + 1
            steadyEnd = growingEnd + max(0, rows - window)
            sums.update(repeating: 0, count: rowStride)
            for _ in 0..<max(0, half - 1) {
                add(row: entering)
                entering += 1
                width += 1
            }
        }

        /// Writes the next filtered row (`rowStride` floats) to `output`.
        mutating func next(into output: UnsafeMutablePointer<Float>) {
            if produced < growingEnd {
                width += 1
                update(output, adding: input + entering * rowStride)
                entering += 1
            } else if produced < steadyEnd {
                update(output, adding: input + entering * rowStride, subtracting: input + leaving * rowStride)
                entering += 1
                leaving += 1
            } else {
                width -= 1
                update(output, subtracting: input + leaving * rowStride)
                leaving += 1
            }
            produced += 1
        }

        /// Adds a row to the sums and writes their averages.
        private func update(_ output: UnsafeMutablePointer<Float>, adding added: UnsafePointer<Float>) {
            let divisor = Float(width)
            for offset in Swift.stride(from: 0, to: rowStride, by: 8) {
                let sum = load(sums, offset) + load(added, offset)
                store(sum, sums, offset)
                store(sum / divisor, output, offset)
            }
        }

        /// Adds the entering row, then subtracts the leaving one (the reference's order), and writes averages.
        private func update(
            _ output: UnsafeMutablePointer<Float>, adding added: UnsafePointer<Float>,
            subtracting removed: UnsafePointer<Float>
        ) {
            let divisor = Float(width)
            for offset in Swift.stride(from: 0, to: rowStride, by: 8) {
                var sum = load(sums, offset) + load(added, offset)
                sum -= load(removed, offset)
                store(sum, sums, offset)
                store(sum / divisor, output, offset)
            }
        }

        /// Subtracts a row from the sums and writes their averages.
        private func update(_ output: UnsafeMutablePointer<Float>, subtracting removed: UnsafePointer<Float>) {
            let divisor = Float(width)
            for offset in Swift.stride(from: 0, to: rowStride, by: 8) {
                let sum = load(sums, offset) - load(removed, offset)
                store(sum, sums, offset)
                store(sum / divisor, output, offset)
            }
        }

        /// Adds a row to the sums before the first output.
        private func add(row: Int) {
            let base = input + row * rowStride
            for offset in Swift.stride(from: 0, to: rowStride, by: 8) {
                store(load(sums, offset) + load(base, offset), sums, offset)
            }
        }
    }

    /// Transposes between eight rows of `columns` floats (`rowStride` apart) and the lane layout
    /// (`column * 8 + lane`), eight columns at a time. `columns` is rounded up to a multiple of 8, so both
    /// sides must have room for that. The same call goes either way, since an 8×8 transpose is its own inverse.
    static func interleave(
        _ rows: UnsafePointer<Float>, rowStride: Int, into lanes: UnsafeMutablePointer<Float>, columns: Int
    ) {
        for column in Swift.stride(from: 0, to: columns, by: 8) {
            transpose8x8(rows + column, inputStride: rowStride, into: lanes + column * 8, outputStride: 8)
        }
    }

    /// The inverse of `interleave`: lane layout back to eight rows `rowStride` floats apart.
    static func deinterleave(
        _ lanes: UnsafePointer<Float>, into rows: UnsafeMutablePointer<Float>, rowStride: Int, columns: Int
    ) {
        for column in Swift.stride(from: 0, to: columns, by: 8) {
            transpose8x8(lanes + column * 8, inputStride: 8, into: rows + column, outputStride: rowStride)
        }
    }

    /// Transposes an 8×8 block by three perfect unshuffles (evens, then odds) of its 64 values: each one
    /// rotates the six bits of a value's index by one, and three swap the row bits with the column bits.
    @inline(__always)
    private static func transpose8x8(
        _ input: UnsafePointer<Float>, inputStride: Int, into output: UnsafeMutablePointer<Float>, outputStride: Int
    ) {
        var r0 = load(input, 0)
        var r1 = load(input, inputStride)
        var r2 = load(input, 2 * inputStride)
        var r3 = load(input, 3 * inputStride)
        var r4 = load(input, 4 * inputStride)
        var r5 = load(input, 5 * inputStride)
        var r6 = load(input, 6 * inputStride)
        var r7 = load(input, 7 * inputStride)
        for _ in 0..<3 {
            let (e0, o0) = unshuffle(r0, r1)
            let (e1, o1) = unshuffle(r2, r3)
            let (e2, o2) = unshuffle(r4, r5)
            let (e3, o3) = unshuffle(r6, r7)
            (r0, r1, r2, r3, r4, r5, r6, r7) = (e0, e1, e2, e3, o0, o1, o2, o3)
        }
        store(r0, output, 0)
        store(r1, output, outputStride)
        store(r2, output, 2 * outputStride)
        store(r3, output, 3 * outputStride)
        store(r4, output, 4 * outputStride)
        store(r5, output, 5 * outputStride)
        store(r6, output, 6 * outputStride)
        store(r7, output, 7 * outputStride)
    }

    @inline(__always)
    private static func unshuffle(_ first: Lanes, _ second: Lanes) -> (evens: Lanes, odds: Lanes) {
        let joined = SIMD16<Float>(lowHalf: first, highHalf: second)
        return (joined.evenHalf, joined.oddHalf)
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<Float>, _ offset: Int) -> Lanes {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Float>, _ offset: Int) -> Lanes {
        UnsafeRawPointer(pointer + offset).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func store(_ lanes: Lanes, _ pointer: UnsafeMutablePointer<Float>, _ offset: Int) {
        UnsafeMutableRawPointer(pointer + offset).storeBytes(of: lanes, as: Lanes.self)
    }
}
