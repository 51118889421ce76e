import Foundation

/// Copies of the samples whose headers state what no camera writes: pictures 65535 pixels wide or 0 wide, timescales
/// of 0, durations of 136 years, four billion samples, three hundred streams. Each names the field it patched.
enum AbsurdMedia {
    static func variants(samples: URL) throws -> [(name: String, bytes: [UInt8])] {
        // The phone clip: six seconds at 320 × 240, so that decoding each variant picture by picture costs little.
        let mp4 = MP4Boxes(try bytes(samples.appendingPathComponent("handheld-rotated.mov")))
        let webm = try bytes(samples.appendingPathComponent("pentagon-release.webm"))
        var result: [(String, [UInt8])] = []
        func patched(_ name: String, _ change: (inout MP4Boxes) -> Void) {
            var copy = mp4
            change(&copy)
            result.append((name, copy.bytes))
        }
        // Box field offsets from the box's start, for version 0 boxes (as the samples have).
        let avc1 = mp4.first("avc1")!.offset, tkhd = mp4.first("tkhd")!.offset
        let mvhd = mp4.first("mvhd")!.offset, mdhd = mp4.first("mdhd")!.offset
        let stsz = mp4.first("stsz")!.offset, stts = mp4.first("stts")!.offset
        let ctts = mp4.first("ctts")!.offset, elst = mp4.first("elst")!.offset
        patched("avc1-65535x65535.mp4") { $0.setUInt32(0xFFFF_FFFF, at: avc1 + 32) }
        patched("avc1-0x0.mp4") { $0.setUInt32(0, at: avc1 + 32) }
        patched("tkhd-32767x32767.mp4") { boxes in
            boxes.setUInt32(0x7FFF_0000, at: tkhd + 84)
            boxes.setUInt32(0x7FFF_0000, at: tkhd + 88)
        }
        patched("tkhd-matrix-garbage.mp4") { boxes in
            for cell in 0..<9 { boxes.setUInt32(0x7FFF_FFFF, at: tkhd + 48 + 4 * cell) }
        }
        patched("mvhd-timescale-0.mp4") { $0.setUInt32(0, at: mvhd + 20) }
        patched("mvhd-timescale-1-duration-max.mp4") { boxes in
            boxes.setUInt32(1, at: mvhd + 20)
            boxes.setUInt32(.max, at: mvhd + 24)
        }
        patched("mdhd-timescale-0.mp4") { $0.setUInt32(0, at: mdhd + 20) }
        patched("mdhd-timescale-max.mp4") { $0.setUInt32(.max, at: mdhd + 20) }
        patched("stsz-count-max.mp4") { $0.setUInt32(0xFFFF_FFF0, at: stsz + 16) }
        patched("stts-count-max.mp4") { $0.setUInt32(0x7FFF_FFFF, at: stts + 16) }
        patched("stts-delta-max.mp4") { $0.setUInt32(.max, at: stts + 20) }
        patched("stts-delta-0.mp4") { $0.setUInt32(0, at: stts + 20) }
        patched("ctts-offset-min.mp4") { boxes in
            for entry in 0..<Int(boxes.uint32(at: ctts + 12)) {
                boxes.setUInt32(0x8000_0000, at: ctts + 20 + 8 * entry)
            }
        }
        patched("elst-media-time-max.mp4") { $0.setUInt32(0x7FFF_FFFF, at: elst + 20) }
        // 64 streams is the most `max_streams` allows; one more, and far more, must be refused. Made from the
        // ministry's upload, whose movie header comes first: the added tracks move its media data, and its chunk
        // offsets with it.
        let faststart = MP4Boxes(try bytes(samples.appendingPathComponent("ministry-upload.mp4")))
        for total in [64, 65, 300] {
            var boxes = faststart
            let movie = boxes.first("moov")!, track = boxes.first("trak")!
            let trackBytes = boxes.bytes[track.offset..<track.offset + track.size]
            let movieBody = Array(boxes.bytes[movie.offset + 8..<movie.offset + movie.size])
            boxes.replace(
                movie,
                with: MP4Boxes.box(
                    "moov",
                    movieBody
                        + Array(repeating: trackBytes, count: total - 2)
                        .flatMap { $0 }))
            result.append(("streams-\(total).mp4", boxes.bytes))
        }
        result.append(("vp9-65536x65536.webm", vp9FrameSize(webm)))
        result.append(("matroska-65535x65535.webm", matroskaPixels(webm, 0xFF)))
        result.append(("matroska-0x0.webm", matroskaPixels(webm, 0x00)))
        return result
    }

    /// Every VP9 key frame's size set to 65536 × 65536: in profile 0, after the sync code 49 83 42 come 4 bits of
    /// colour information, then width − 1 and height − 1 in 16 bits each.
    /// See the VP9 bitstream specification, section 6.2 (uncompressed header).
    static func vp9FrameSize(_ bytes: [UInt8]) -> [UInt8] {
        var copy = bytes
        for at in 0..<(copy.count - 8) where copy[at] == 0x49 && copy[at + 1] == 0x83 && copy[at + 2] == 0x42 {
            copy[at + 3] |= 0x0F
            copy[at + 4] = 0xFF
            copy[at + 5] = 0xFF
            copy[at + 6] = 0xFF
            copy[at + 7] |= 0xF0
        }
        return copy
    }

    /// The Matroska PixelWidth (B0) and PixelHeight (BA) elements, two bytes each in the sample, set to `fill`.
    /// See https://www.matroska.org/technical/elements.html.
    static func matroskaPixels(_ bytes: [UInt8], _ fill: UInt8) -> [UInt8] {
        var copy = bytes
        for id: UInt8 in [0xB0, 0xBA] {
            if let at = (0..<4096).first(where: { copy[$0] == id && copy[$0 + 1] == 0x82 }) {
                copy[at + 2] = fill
                copy[at + 3] = fill
            }
        }
        return copy
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
}
