/// Finds the picture inside letterbox, pillarbox or windowbox bars, so that a clip re-published with bars hashes
/// like the original: PDQ of a barred frame differs from PDQ of its content by far more than the match distance.
public enum BorderDetector {
    /// Bars narrower than this share of the side are left alone: an encoder's edge lines, not a bar.
    static let minimumShare = 0.02
    /// A side whose flat band is wider than this is not cropped at all: a third of flat sky or wall is content.
    /// Still wide enough for a phone's upright video pillarboxed in 16:9 (bars of 34 % each).
    static let maximumShare = 0.35
    /// How far a pixel may stray from the bar's colour (compression noise, video-range black at 16).
    static let tolerance = 10
    /// The share of a line's pixels that must have the bar's colour for the line to belong to the bar.
    static let flatShare = 0.98

    /// The content rectangle of a frame inside uniform (near-black or any flat colour) borders: letterbox,
    /// pillarbox, windowbox. Returns the whole frame when there are none.
    ///
    /// Each side is measured from its outermost line inward while the lines stay flat and of the outermost line's
    /// colour; the band counts only when it is at least 2 % and at most 35 % of the side, so a dark or flat scene
    /// is never cropped to nothing, and a frame flat everywhere comes back whole. Only the middle half of each line is
    /// looked at: a channel's logo in a corner often sits on the bar, and must not make a barred copy look unbarred
    /// (its pictures would then be hashed with the bars, tens of bits from the original's).
    public static func contentRect(
        luma: UnsafeBufferPointer<UInt8>, width: Int, height: Int, rowStride: Int
    ) -> (x: Int, y: Int, width: Int, height: Int) {
        let whole = (x: 0, y: 0, width: max(width, 0), height: max(height, 0))
        guard width > 0, height > 0, rowStride >= width, luma.count >= (height - 1) * rowStride + width else {
            return whole
        }
        let plane = LumaPlane(pixels: luma, rowStride: rowStride)
        let middleColumns = middleHalf(of: 0..<width)
        let top = band(count: height) { plane.row($0, columns: middleColumns) }
        let bottom = band(count: height) { plane.row(height - 1 - $0, columns: middleColumns) }
        let rows = top..<max(top, height - bottom)
        let middleRows = middleHalf(of: rows)
        let left = band(count: width) { plane.column($0, rows: middleRows) }
        let right = band(count: width) { plane.column(width - 1 - $0, rows: middleRows) }
        guard rows.count > 0, width - left - right > 0 else { return whole }
        return (x: left, y: top, width: width - left - right, height: rows.count)
    }

    /// The middle half of a range of lines (at least one line of a non-empty range).
    private static func middleHalf(of range: Range<Int>) -> Range<Int> {
        let quarter = range.count / 4
        let lower = range.lowerBound + quarter
        return lower..<max(lower + (range.isEmpty ? 0 : 1), range.upperBound - quarter)
    }

    /// The width of the flat band at one side, in lines, or 0 when it is too thin or too wide to be a bar.
    /// `line(k)` gives the `k`-th line counted from the outside.
    private static func band(count: Int, line: (Int) -> LineSample) -> Int {
        let limit = Int((Double(count) * maximumShare).rounded(.down))
        let outermost = line(0)
        guard let colour = outermost.flatColour else { return 0 }
        var width = 0
        while width < count, line(width).isFlat(around: colour) {
            width += 1
            if width > limit { return 0 }
        }
        return Double(width) >= Double(count) * minimumShare ? width : 0
    }

    /// The pixels of one row or column.
    private struct LineSample {
        var values: [UInt8]

        /// The line's median, when nearly all of it lies close to it.
        var flatColour: Int? {
            guard !values.isEmpty else { return nil }
            let median = Int(values.sorted()[values.count / 2])
            return isFlat(around: median) ? median : nil
        }

        func isFlat(around colour: Int) -> Bool {
            let close = values.reduce(0) { $0 + (abs(Int($1) - colour) <= BorderDetector.tolerance ? 1 : 0) }
            return Double(close) >= Double(values.count) * BorderDetector.flatShare
        }
    }

    private struct LumaPlane {
        var pixels: UnsafeBufferPointer<UInt8>
        var rowStride: Int

        func row(_ y: Int, columns: Range<Int>) -> LineSample {
            LineSample(values: columns.map { pixels[y * rowStride + $0] })
        }

        func column(_ x: Int, rows: Range<Int>) -> LineSample {
            LineSample(values: rows.map { pixels[$0 * rowStride + x] })
        }
    }
}
