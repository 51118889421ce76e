import CFFmpeg

/// How a stream's pictures must be turned to appear upright: one of the eight rotations and mirror images
/// a display matrix can express in whole quarter turns.
///
/// Players apply the container's display matrix (`AV_PKT_DATA_DISPLAYMATRIX`, e.g. a phone held upright
/// records landscape pictures with a 90° matrix); stills taken without it come out on their side. The matrix
/// maps a source point (x, y) to the display point (a·x + c·y, b·x + d·y); whole quarter turns and flips make
/// a, b, c, d each −1, 0 or 1, so the inverse (its transpose) tells which source pixel each output pixel
/// shows. Angles that are not quarter turns are left alone, as a still with black corners would mislead more.
///
/// See https://ffmpeg.org/doxygen/5.1/group__lavu__video__display.html
struct DisplayOrientation: Sendable, Equatable {
    /// Entries of the matrix's 2×2 part, each −1, 0 or 1: display x = a·x + c·y, display y = b·x + d·y.
    let a: Int, b: Int, c: Int, d: Int

    static let upright = DisplayOrientation(a: 1, b: 0, c: 0, d: 1)

    /// Whether the output swaps width and height (a quarter turn).
    var swapsSides: Bool { a == 0 }

    var isIdentity: Bool { self == .upright }

    /// The counter-clockwise angle FFmpeg reports (`av_display_rotation_get`), for diagnostics.
    var degrees: Int {
        switch (a, b, c, d) {
        case (0, -1, 1, 0), (0, 1, 1, 0): return 90
        case (-1, 0, 0, -1), (1, 0, 0, -1): return 180
        case (0, 1, -1, 0), (0, -1, -1, 0): return 270
        default: return 0
        }
    }

    /// Reads the stream's display matrix; upright when there is none or it is not a quarter turn.
    static func of(_ stream: UnsafeMutablePointer<AVStream>) -> DisplayOrientation {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size), size >= 36 else {
            return .upright
        }
        return data.withMemoryRebound(to: Int32.self, capacity: 9) { matrix in
            DisplayOrientation(matrix: (0..<9).map { matrix[$0] }) ?? .upright
        }
    }

    /// A matrix in FFmpeg's layout (16.16 fixed point); nil when its 2×2 part is not a signed permutation.
    init?(matrix: [Int32]) {
        guard matrix.count >= 5 else { return nil }
        func unit(_ value: Int32) -> Int? {
            let scaled = Double(value) / 65536
            if abs(scaled) < 0.01 { return 0 }
            if abs(abs(scaled) - 1) < 0.01 { return scaled > 0 ? 1 : -1 }
            return nil
        }
        guard let a = unit(matrix[0]), let b = unit(matrix[1]), let c = unit(matrix[3]), let d = unit(matrix[4])
        else { return nil }
        guard (a != 0 && b == 0 && c == 0 && d != 0) || (a == 0 && b != 0 && c != 0 && d == 0) else { return nil }
        self.init(a: a, b: b, c: c, d: d)
    }

    init(a: Int, b: Int, c: Int, d: Int) {
        (self.a, self.b, self.c, self.d) = (a, b, c, d)
    }

    /// The upright size of a `width`×`height` source picture.
    func outputSize(width: Int, height: Int) -> (width: Int, height: Int) {
        swapsSides ? (height, width) : (width, height)
    }

    /// The source pixel shown at output pixel (column, row), for a source of `width`×`height`.
    func sourcePixel(column: Int, row: Int, width: Int, height: Int) -> (column: Int, row: Int) {
        let out = outputSize(width: width, height: height)
        // Twice the coordinates relative to the centre, so that even sides stay integral.
        let x = 2 * column - (out.width - 1)
        let y = 2 * row - (out.height - 1)
        let sourceX = a * x + b * y
        let sourceY = c * x + d * y
        return ((sourceX + width - 1) / 2, (sourceY + height - 1) / 2)
    }

    /// Copies one plane of `bytesPerPixel`-byte pixels, `width`×`height`, turned upright into `destination`.
    func apply(
        source: UnsafePointer<UInt8>, sourceStride: Int, width: Int, height: Int, bytesPerPixel: Int,
        destination: UnsafeMutablePointer<UInt8>, destinationStride: Int
    ) {
        let out = outputSize(width: width, height: height)
        guard out.width > 0, out.height > 0 else { return }
        let origin = sourcePixel(column: 0, row: 0, width: width, height: height)
        let offset = { (pixel: (column: Int, row: Int)) in pixel.row * sourceStride + pixel.column * bytesPerPixel }
        let start = offset(origin)
        // The mapping is linear, so one step per output column and one per output row cover every pixel.
        let columnStep =
            out.width > 1
            ? offset(sourcePixel(column: 1, row: 0, width: width, height: height)) - start : 0
        let rowStep =
            out.height > 1
            ? offset(sourcePixel(column: 0, row: 1, width: width, height: height)) - start : 0
        for row in 0..<out.height {
            var from = start + row * rowStep
            let to = destination + row * destinationStride
            if bytesPerPixel == 1 {
                for column in 0..<out.width {
                    to[column] = source[from]
                    from += columnStep
                }
            } else {
                for column in 0..<out.width {
                    for byte in 0..<bytesPerPixel { to[column * bytesPerPixel + byte] = source[from + byte] }
                    from += columnStep
                }
            }
        }
    }
}
