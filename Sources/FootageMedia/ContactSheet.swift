import CFFmpeg

/// A grid of keyframe thumbnails with their timecodes, built in memory during extraction from the stills' pixels as
/// they were hashed (`StillHasher`: no file is read back) and encoded as one JPEG.
///
/// At most `capacity` thumbnails are kept: past that, every other one is dropped and only every second
/// later keyframe is taken, so a clip with thousands of keyframes still gives an evenly spread, bounded sheet.
struct ContactSheet {
    static let thumbnailWidth = 240
    static let gap = 8
    static let capacity = 240
    static let fileName = "contact-sheet.jpg"
    static let background: (UInt8, UInt8, UInt8) = (24, 24, 24)

    private(set) var thumbnails: [(image: RGBBuffer, label: String)] = []
    private var stride = 1
    private var offered = 0

    /// Whether the next offered keyframe will be kept (so the caller can skip making its thumbnail).
    var wantsNext: Bool { offered % stride == 0 }

    mutating func offer(_ thumbnail: @autoclosure () throws -> RGBBuffer, time: Double) rethrows {
        defer { offered += 1 }
        guard wantsNext else { return }
        thumbnails.append((try thumbnail(), Timecode.label(time)))
        if thumbnails.count >= Self.capacity {
            thumbnails = thumbnails.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            stride *= 2
        }
    }

    /// Columns for `count` thumbnails: four for short clips, six for long ones.
    static func columns(for count: Int) -> Int {
        min(max(count, 1), count <= 16 ? 4 : 6)
    }

    /// The sheet's size for `count` thumbnails of `cellWidth`×`cellHeight`.
    static func size(count: Int, cellWidth: Int, cellHeight: Int) -> (width: Int, height: Int) {
        let columns = columns(for: count)
        let rows = (max(count, 1) + columns - 1) / columns
        return (columns * cellWidth + (columns + 1) * gap, rows * cellHeight + (rows + 1) * gap)
    }

    /// The sheet as pixels; nil when no thumbnail was offered.
    func render() -> RGBBuffer? {
        guard !thumbnails.isEmpty else { return nil }
        let cellWidth = thumbnails.map(\.image.width).max()!
        let cellHeight = thumbnails.map(\.image.height).max()!
        let columns = Self.columns(for: thumbnails.count)
        let size = Self.size(count: thumbnails.count, cellWidth: cellWidth, cellHeight: cellHeight)
        var sheet = RGBBuffer(width: size.width, height: size.height, fill: Self.background)
        let scale = cellWidth >= 160 ? 2 : 1
        for (index, thumbnail) in thumbnails.enumerated() {
            let x = Self.gap + (index % columns) * (cellWidth + Self.gap)
            let y = Self.gap + (index / columns) * (cellHeight + Self.gap)
            let left = x + (cellWidth - thumbnail.image.width) / 2
            let top = y + (cellHeight - thumbnail.image.height) / 2
            sheet.draw(thumbnail.image, x: left, y: top)
            let label = BitmapFont.size(of: thumbnail.label, scale: scale)
            let padding = 2 * scale
            BitmapFont.drawLabel(
                thumbnail.label, on: &sheet, x: left + padding,
                y: top + thumbnail.image.height - label.height - 3 * padding,
                scale: scale, padding: padding)
        }
        return sheet
    }

    /// The sheet as a JPEG file; nil when no thumbnail was offered.
    func encodeJPEG() throws -> (bytes: [UInt8], width: Int, height: Int)? {
        guard let sheet = render() else { return nil }
        try FFmpegLibrary.prepare(path: "contact sheet")
        let rgb = FrameBuffer()
        try sheet.copy(into: rgb)
        let yuv = FrameBuffer()
        let encoder = ImageEncoder(format: .jpeg)
        try FrameScaler(flags: SWS_BICUBIC).scale(
            rgb, into: yuv, format: encoder.pixelFormat,
            width: sheet.width, height: sheet.height)
        return (try encoder.encode(yuv), sheet.width, sheet.height)
    }
}

/// Makes contact-sheet thumbnails from the upright pictures `StillHasher` leaves behind.
final class ThumbnailMaker {
    private let scaler = FrameScaler(flags: SWS_AREA)
    private let scaled = FrameBuffer()

    func thumbnail(of upright: FrameBuffer, width: Int = ContactSheet.thumbnailWidth) throws -> RGBBuffer {
        let height = max(1, Int((Double(upright.height) * Double(width) / Double(max(1, upright.width))).rounded()))
        try scaler.scale(upright, into: scaled, format: AV_PIX_FMT_RGB24, width: width, height: height)
        return RGBBuffer(copying: scaled)
    }
}
