import Foundation

/// The part of a 2-D DCT that PDQ keeps: coefficients 1…16 along each axis of the 64×64 downsample
/// (the DC term is dropped), as the product `D · A · Dᵀ` with the reference's 16×64 matrix `D`.
///
/// Sums run over `k` in increasing order in `Float`, one product at a time, as in the reference
/// `dct64To16`, so the coefficients agree with it to the bit; SIMD lanes span output columns only.
enum PDQDCT {
    /// `D[i][j] = sqrt(2/64) · cos(π/128 · (i + 1) · (2j + 1))`, row-major 16×64, rounded as the reference
    /// rounds it (a `Float` scale times a `Double` cosine, stored as `Float`).
    static func fillMatrix(_ matrix: UnsafeMutablePointer<Float>) {
        let scale = Float((2.0 / 64.0).squareRoot())
        for i in 0..<16 {
            for j in 0..<64 {
                let angle = (Double.pi / 2.0 / 64.0) * Double(i + 1) * Double(2 * j + 1)
                matrix[i * 64 + j] = Float(Double(scale) * cos(angle))
            }
        }
    }

    /// `Dᵀ`, row-major 64×16.
    static func fillTransposedMatrix(_ transposed: UnsafeMutablePointer<Float>, from matrix: UnsafePointer<Float>) {
        for i in 0..<16 {
            for j in 0..<64 {
                transposed[j * 16 + i] = matrix[i * 64 + j]
            }
        }
    }

    /// `output (16×16) = D · input (64×64) · Dᵀ`, using `middle` (16×64) for `D · input`.
    ///
    /// Each step adds a multiple of a whole input row to a row of the product, so that every output row is
    /// eight (then two) independent SIMD sums rather than one long chain of dependent additions.
    static func transform(
        _ input: UnsafePointer<Float>, middle: UnsafeMutablePointer<Float>, output: UnsafeMutablePointer<Float>,
        matrix: UnsafePointer<Float>, transposed: UnsafePointer<Float>
    ) {
        typealias Lanes = JaroszFilter.Lanes
        for i in 0..<16 {
            var (s0, s1, s2, s3, s4, s5, s6, s7) = (
                Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero,
                Lanes.zero, Lanes.zero, Lanes.zero, Lanes.zero
            )
            for k in 0..<64 {
                let factor = Lanes(repeating: matrix[i * 64 + k])
                let row = input + k * 64
                s0 += factor * JaroszFilter.load(row, 0)
                s1 += factor * JaroszFilter.load(row, 8)
                s2 += factor * JaroszFilter.load(row, 16)
                s3 += factor * JaroszFilter.load(row, 24)
                s4 += factor * JaroszFilter.load(row, 32)
                s5 += factor * JaroszFilter.load(row, 40)
                s6 += factor * JaroszFilter.load(row, 48)
                s7 += factor * JaroszFilter.load(row, 56)
            }
            let row = middle + i * 64
            JaroszFilter.store(s0, row, 0)
            JaroszFilter.store(s1, row, 8)
            JaroszFilter.store(s2, row, 16)
            JaroszFilter.store(s3, row, 24)
            JaroszFilter.store(s4, row, 32)
            JaroszFilter.store(s5, row, 40)
            JaroszFilter.store(s6, row, 48)
            JaroszFilter.store(s7, row, 56)
        }
        for i in 0..<16 {
            var (s0, s1) = (Lanes.zero, Lanes.zero)
            for k in 0..<64 {
                let factor = Lanes(repeating: middle[i * 64 + k])
                s0 += factor * JaroszFilter.load(transposed + k * 16, 0)
                s1 += factor * JaroszFilter.load(transposed + k * 16, 8)
            }
            JaroszFilter.store(s0, output, i * 16)
            JaroszFilter.store(s1, output, i * 16 + 8)
        }
    }
}

/// The eight symmetries of a square. Turning or mirroring the image only permutes and negates its DCT
/// coefficients, so each variant's hash comes from the original's 16×16 block.
enum PDQDihedral: CaseIterable {
    case original, rot90, rot180, rot270, flipX, flipY, flipPlus1, flipMinus1

    /// Whether coefficient (row, column) moves to (column, row).
    private var transposes: Bool {
        switch self {
        case .rot90, .rot270, .flipPlus1, .flipMinus1: true
        case .original, .rot180, .flipX, .flipY: false
        }
    }

    /// Whether coefficient (row, column) changes sign. Row and column count from 0 while the frequencies
    /// count from 1, so an even index is an odd frequency, the ones a mirror negates.
    private func negates(row: Int, column: Int) -> Bool {
        switch self {
        case .original, .flipPlus1: false
        case .rot90, .flipY: column & 1 == 0
        case .rot270, .flipX: row & 1 == 0
        case .rot180, .flipMinus1: (row + column) & 1 == 1
        }
    }

    /// Writes the 16×16 coefficient block of the transformed image.
    func apply(_ block: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        for row in 0..<16 {
            for column in 0..<16 {
                let value = block[row * 16 + column]
                let target = transposes ? column * 16 + row : row * 16 + column
                output[target] = negates(row: row, column: column) ? -value : value
            }
        }
    }
}
