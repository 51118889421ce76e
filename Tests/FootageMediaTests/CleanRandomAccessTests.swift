import CFFmpeg
import Foundation
import Testing

@testable import FootageMedia

@Suite struct CleanRandomAccessTests {
    private func clean(_ syntax: CleanRandomAccess.Syntax, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { CleanRandomAccess(syntax: syntax).isClean($0) }
    }

    @Test func anH264PacketIsCleanWhenEverySliceIsAnIDRSlice() {
        let idr: [UInt8] = [0, 0, 0, 2, 0x65, 0x88]
        let sei: [UInt8] = [0, 0, 0, 3, 0x06, 0x05, 0x01]
        let nonIDR: [UInt8] = [0, 0, 0, 2, 0x41, 0x9A]
        #expect(clean(.h264(lengthSize: 4), idr))
        #expect(clean(.h264(lengthSize: 4), sei + idr))
        #expect(!clean(.h264(lengthSize: 4), nonIDR))
        #expect(!clean(.h264(lengthSize: 4), idr + nonIDR), "a second picture in the packet may refer back")
        #expect(!clean(.h264(lengthSize: 4), sei), "no picture at all")
        #expect(clean(.h264(lengthSize: 2), [0, 2, 0x65, 0x88]))
    }

    @Test func anH264PacketInAnnexBIsReadBetweenStartCodes() {
        #expect(clean(.h264(lengthSize: nil), [0, 0, 0, 1, 0x09, 0xF0, 0, 0, 1, 0x65, 0x88, 0x84]))
        #expect(!clean(.h264(lengthSize: nil), [0, 0, 0, 1, 0x09, 0xF0, 0, 0, 1, 0x41, 0x9A]))
        #expect(!clean(.h264(lengthSize: nil), [0x65, 0x88, 0x84]), "no start code")
    }

    @Test func anHEVCPacketIsCleanOnlyForBaseLayerIDRPictures() {
        #expect(clean(.hevc(lengthSize: 4), [0, 0, 0, 3, 0x26, 0x01, 0xAF]))  // IDR_W_RADL
        #expect(clean(.hevc(lengthSize: 4), [0, 0, 0, 3, 0x28, 0x01, 0xAF]))  // IDR_N_LP
        #expect(!clean(.hevc(lengthSize: 4), [0, 0, 0, 3, 0x2A, 0x01, 0xAF]), "CRA: its leading pictures refer back")
        #expect(!clean(.hevc(lengthSize: 4), [0, 0, 0, 3, 0x02, 0x01, 0xAF]), "TRAIL_R")
        #expect(!clean(.hevc(lengthSize: 4), [0, 0, 0, 3, 0x26, 0x09, 0xAF]), "an IDR of layer 1")
        #expect(clean(.hevc(lengthSize: nil), [0, 0, 1, 0x40, 0x01, 0x0C, 0, 0, 1, 0x26, 0x01, 0xAF]))  // VPS + IDR
    }

    @Test func aVP9PacketIsCleanWhenItStartsWithAKeyFrame() {
        #expect(clean(.vp9, [0x82, 0x49, 0x83, 0x42, 0x00]))  // profile 0, key frame, shown
        #expect(!clean(.vp9, [0x86, 0x49, 0x83, 0x42, 0x00]), "an inter frame")
        #expect(!clean(.vp9, [0x88, 0x00]), "show_existing_frame")
        #expect(!clean(.vp9, [0x82, 0x49, 0x83, 0x43]), "no sync code")
        #expect(!clean(.vp9, [0x82, 0x49]), "cut short")
        #expect(clean(.vp9, [0xB1, 0x24, 0xC1, 0xA1, 0x00]))  // profile 3: a reserved bit moves the rest along
    }

    @Test func brokenLengthsAndEmptyPacketsAreNeverClean() {
        #expect(!clean(.h264(lengthSize: 4), []))
        #expect(!clean(.h264(lengthSize: 4), [0, 0, 0, 100, 0x65]), "a length past the end")
        #expect(!clean(.h264(lengthSize: 4), [0, 0, 0, 0, 0x65]), "a zero length")
        #expect(!clean(.h264(lengthSize: 4), [0, 0, 0, 2, 0x65, 0x88, 0, 0]), "a length field cut short")
        #expect(!clean(.vp9, []))
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<200 {
            let bytes = (0..<Int(state % 64)).map { _ in
                state ^= state << 13
                state ^= state >> 7
                state ^= state << 17  // xorshift: the same soup every run
                return UInt8(truncatingIfNeeded: state)
            }
            for syntax: CleanRandomAccess.Syntax in [
                .h264(lengthSize: 4), .h264(lengthSize: nil), .hevc(lengthSize: 2), .vp9,
            ] {
                _ = clean(syntax, bytes)  // must not trap
            }
        }
    }

    @Test func theConfigurationRecordGivesTheLengthSize() {
        let avcC: [UInt8] = [1, 0x64, 0, 0x1E, 0xFF, 0xE1, 0]
        let detector = avcC.withUnsafeBufferPointer { CleanRandomAccess(codecID: AV_CODEC_ID_H264, extradata: $0) }
        #expect(detector?.syntax == .h264(lengthSize: 4))
        let reserved: [UInt8] = [1, 0x64, 0, 0x1E, 0xFE, 0xE1, 0]
        #expect(reserved.withUnsafeBufferPointer { CleanRandomAccess(codecID: AV_CODEC_ID_H264, extradata: $0) } == nil)
        let annexB = [UInt8]().withUnsafeBufferPointer { CleanRandomAccess(codecID: AV_CODEC_ID_H264, extradata: $0) }
        #expect(annexB?.syntax == .h264(lengthSize: nil))
        #expect(
            [UInt8]().withUnsafeBufferPointer { CleanRandomAccess(codecID: AV_CODEC_ID_MPEG2VIDEO, extradata: $0) }
                == nil)
    }
}
