import CFFmpeg
import FootageCore
import Foundation

/// Turns the pictures an extraction selects into written stills: image file, SHA-256, PDQ hash and,
/// when asked, a contact-sheet thumbnail. One per extraction, so its scalers, encoder, decoder and `PDQHasher`
/// are reused from still to still.
///
/// The PDQ hash is the hash of the still's file (`StillHasher`), not of the decoded picture, so that it is the hash
/// anyone computes from the shared still: 15 of 99 test stills were recorded more than 10 bits from their file's hash
/// (up to 32 at quality 100), and now none is a bit away. A JPEG is decoded back from its bytes for it: about 3.7 ms
/// per 1080p still, +21 % CPU for key mode on `Benchmarks/keyframes.sh` (PNG costs nothing: its encoded pixels are
/// hashed).
final class KeyframeWriter {
    private let request: KeyframeRequest
    private let folder: KeyframeFolder
    private let renderer: FrameRenderer
    private let hasher = StillHasher()
    private let thumbnails = ThumbnailMaker()
    private var sheet = ContactSheet()
    private let timeBase: String
    private(set) var frames: [ExtractedKeyframe] = []

    init(request: KeyframeRequest, folder: KeyframeFolder, timeBase: AVRational) {
        self.request = request
        self.folder = folder
        self.renderer = FrameRenderer(format: request.format, width: request.width)
        self.timeBase = "\(timeBase.num)/\(timeBase.den)"
    }

    /// Whether `maxFrames` stills have been written.
    var isFull: Bool { request.maxFrames.map { frames.count >= $0 } ?? false }

    /// Writes the still of `frame` (presentation timestamp `pts`, `time` seconds from the stream start).
    func keep(_ frame: FrameBuffer, orientation: DisplayOrientation, pts: Int64, time: Double, score: Double?) throws {
        let index = frames.count + 1
        let image = try renderer.render(frame, orientation: orientation)
        let (width, height) = (image.picture.width, image.picture.height)
        let pdq = try hasher.hash(image.bytes, format: renderer.format, encodedFrom: image.picture)
        if request.sheet, let upright = hasher.lastUpright {
            // The thumbnail is made only when the sheet keeps this still (see `ContactSheet.offer`), from the
            // still's own pixels.
            try sheet.offer(try thumbnails.thumbnail(of: upright), time: time)
        }
        let name = "\(Timecode.fileStem(time))-\(request.mode.letter)\(index.zeroPadded(4)).\(request.format.rawValue)"
        let sha256 = try folder.write(image.bytes, as: name)
        frames.append(
            ExtractedKeyframe(
                index: index, pts: pts, timeBase: timeBase, time: time, width: width, height: height,
                fileName: name, sha256: sha256, pdq: pdq.hash, quality: pdq.quality, score: score))
    }

    /// Writes the contact sheet, if one was asked for; returns its name and SHA-256.
    func finish() throws -> (name: String, sha256: String)? {
        guard request.sheet, let encoded = try sheet.encodeJPEG() else { return nil }
        return (ContactSheet.fileName, try folder.write(encoded.bytes, as: ContactSheet.fileName))
    }
}
