import CFFmpeg

/// Tells from a packet's bytes whether decoding can start afresh at it: an H.264 or HEVC IDR picture, or a VP9 key
/// frame. Such a picture refers to nothing decoded before it, and nothing decoded after it refers to anything before
/// it (the decoder empties its reference lists there), so the pictures from it on come out bit for bit the same
/// whether or not the packets before it were decoded.
///
/// The fingerprint sampler relies on this to leave undecoded the pictures between one sample and the next when such
/// a packet comes first (`VideoFrameReader.unwantedBefore`). Container key flags are not enough: Matroska key blocks
/// and some MP4 sync samples mark open-GOP I-pictures, and an H.264 picture after one of those may still refer to a
/// picture before it. Other codecs are never skipped.
///
/// The syntax is from ITU-T H.264 §7.3.1 (NAL unit header), H.265 §7.3.1.2, the VP9 bitstream specification §6.2
/// (uncompressed header) and ISO/IEC 14496-15 (length-prefixed NAL units in MP4 and Matroska, `avcC`/`hvcC`).
struct CleanRandomAccess: Sendable {
    enum Syntax: Sendable, Equatable {
        /// NAL units prefixed by their length in `lengthSize` bytes (1, 2 or 4), as MP4 and Matroska carry them, or
        /// separated by start codes (Annex B, as MPEG-TS carries them) when nil.
        case h264(lengthSize: Int?)
        case hevc(lengthSize: Int?)
        case vp9
    }

    let syntax: Syntax

    init(syntax: Syntax) {
        self.syntax = syntax
    }

    /// The detector for a stream's codec, or nil when its pictures are never skipped (other codecs, or a
    /// configuration record it does not understand).
    init?(codecID: AVCodecID, extradata: UnsafeBufferPointer<UInt8>) {
        switch codecID {
        case AV_CODEC_ID_H264:
            // avcC: lengthSizeMinusOne in the low two bits of byte 4.
            guard let size = Self.lengthSize(extradata, recordSize: 7, at: 4) else { return nil }
            syntax = .h264(lengthSize: size)
        case AV_CODEC_ID_HEVC:
            // hvcC: lengthSizeMinusOne in the low two bits of byte 21.
            guard let size = Self.lengthSize(extradata, recordSize: 23, at: 21) else { return nil }
            syntax = .hevc(lengthSize: size)
        case AV_CODEC_ID_VP9:
            syntax = .vp9
        default:
            return nil
        }
    }

    /// The NAL length size the stream's configuration record (configurationVersion 1) gives; `.some(nil)` when there
    /// is no record (the units come in Annex B, after start codes); nil for a record with the reserved size 3.
    private static func lengthSize(_ extradata: UnsafeBufferPointer<UInt8>, recordSize: Int, at offset: Int) -> Int?? {
        guard extradata.count >= recordSize && extradata[0] == 1 else { return .some(nil) }
        let size = Int(extradata[offset] & 3) + 1
        if size == 3 { return nil }
        return .some(size)
    }

    /// True when decoding can start afresh at this packet. False for anything it cannot parse.
    func isClean(_ packet: UnsafeBufferPointer<UInt8>) -> Bool {
        switch syntax {
        case .h264(let lengthSize):
            // Every slice must be an IDR slice (type 5); other slices (1–4) or slice extensions (20, 21) of a
            // second picture or layer in the same packet could refer back.
            var sawIDR = false
            let parsed = Self.forEachNALUnit(packet, lengthSize: lengthSize) { header, _ in
                switch header & 0x1F {
                case 5:
                    sawIDR = true
                    return true
                case 1, 2, 3, 4, 20, 21: return false
                default: return true
                }
            }
            return parsed && sawIDR
        case .hevc(let lengthSize):
            // Every picture slice (types 0–31) of the base layer must be IDR_W_RADL (19) or IDR_N_LP (20); a
            // second layer is refused.
            var sawIDR = false
            let parsed = Self.forEachNALUnit(packet, lengthSize: lengthSize) { header, second in
                let type = (header >> 1) & 0x3F
                let layer = (Int(header & 1) << 5) | Int(second >> 3)
                guard type < 32 else { return true }
                guard layer == 0, type == 19 || type == 20 else { return false }
                sawIDR = true
                return true
            }
            return parsed && sawIDR
        case .vp9:
            return Self.isVP9KeyFrame(packet)
        }
    }

    /// Calls `body` with the first two header bytes of each NAL unit (the second is 0 when the unit has one byte)
    /// until it returns false. Returns false when `body` did, when a unit's length runs past the packet, or when the
    /// packet holds no unit.
    private static func forEachNALUnit(
        _ packet: UnsafeBufferPointer<UInt8>, lengthSize: Int?,
        _ body: (UInt8, UInt8) -> Bool
    ) -> Bool {
        var units = 0
        if let lengthSize {
            var offset = 0
            while offset < packet.count {
                guard packet.count - offset >= lengthSize else { return false }
                var length = 0
                for index in 0..<lengthSize { length = length << 8 | Int(packet[offset + index]) }
                offset += lengthSize
                guard length > 0, length <= packet.count - offset else { return false }
                let second = length > 1 ? packet[offset + 1] : 0
                guard body(packet[offset], second) else { return false }
                units += 1
                offset += length
            }
        } else {
            // Annex B: each unit follows a 0x000001 start code (a fourth leading zero belongs to the code).
            var index = 0
            while index + 3 < packet.count {
                if packet[index] == 0 && packet[index + 1] == 0 && packet[index + 2] == 1 {
                    let start = index + 3
                    let second = start + 1 < packet.count ? packet[start + 1] : 0
                    guard body(packet[start], second) else { return false }
                    units += 1
                    index = start + 1
                } else {
                    index += 1
                }
            }
        }
        return units > 0
    }

    /// A VP9 frame whose uncompressed header says KEY_FRAME (frame_type 0, not show_existing_frame) and carries the
    /// key frame sync code 0x49 0x83 0x42. A key frame refreshes all eight reference slots and resets the
    /// probability contexts; the first frame of a superframe is at the packet's start.
    private static func isVP9KeyFrame(_ packet: UnsafeBufferPointer<UInt8>) -> Bool {
        var bits = BitReader(packet)
        guard bits.read(2) == 2 else { return false }  // frame_marker
        let profileLow = bits.read(1)
        let profile = bits.read(1) << 1 | profileLow
        if profile == 3 { _ = bits.read(1) }  // reserved_zero
        guard bits.read(1) == 0 else { return false }  // show_existing_frame
        guard bits.read(1) == 0 else { return false }  // frame_type: 0 is KEY_FRAME
        _ = bits.read(2)  // show_frame, error_resilient_mode
        return bits.read(24) == 0x49_83_42 && !bits.overran
    }

    /// Reads bits most significant first; reading past the end gives zeros and sets `overran`.
    private struct BitReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var overran = false

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func read(_ count: Int) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<count {
                let byte = position >> 3
                var bit: UInt32 = 0
                if byte < bytes.count {
                    bit = UInt32(bytes[byte] >> (7 - UInt8(position & 7))) & 1
                } else {
                    overran = true
                }
                value = value << 1 | bit
                position += 1
            }
            return value
        }
    }
}
