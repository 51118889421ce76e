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
                add(row: entering)
                entering += 1
                width += 1
            } else if produced < steadyEnd {
                slide(entering: entering, leaving: leaving)
                entering += 1
                leaving += 1
            } else {
                subtract(row: leaving)
                leaving += 1
                width -= 1
            }
            let divisor = Float(width)
            for offset in stride(from: 0, to: rowStride, by: 8) {
                store(load(sums, offset) / divisor, output, offset)
            }
            produced += 1
        }

        private func add(row: Int) {
            let base = input + row * rowStride
            for offset in stride(from: 0, to: rowStride, by: 8) {
                store(load(sums, offset) + load(base, offset), sums, offset)
            }
        }

        private func slide(entering: Int, leaving: Int) {
            let added = input + entering * rowStride
            let removed = input + leaving * rowStride
            for offset in stride(from: 0, to: rowStride, by: 8) {
                var sum = load(sums, offset) + load(added, offset)
                sum -= load(removed, offset)
                store(sum, sums, offset)
            }
        }

        private func subtract(row: Int) {
            let base = input + row * rowStride
            for offset in stride(from: 0, to: rowStride, by: 8) {
                store(load(sums, offset) - load(base, offset), sums, offset)
            }
        }
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
