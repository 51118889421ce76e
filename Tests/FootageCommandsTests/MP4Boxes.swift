/// Just enough of the ISO base media file format (MP4 and QuickTime boxes) to craft hostile variants of the sample
/// clips: find a box, patch a field, replace a box with one of another size. Sizes of the enclosing boxes are kept
/// right, and when the change lies before the media data, the chunk offsets (`stco`, `co64`) move with it, so that the
/// crafted file is otherwise intact and reaches the code the patch aims at.
/// See ISO/IEC 14496-12 and https://developer.apple.com/documentation/quicktime-file-format.
struct MP4Boxes {
    struct Box {
        var type: String
        var offset: Int
        var size: Int
        /// Offsets of the enclosing boxes, outermost first.
        var ancestors: [Int]
    }

    private(set) var bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Boxes that hold only boxes, and those that hold a version, flags and an entry count before their boxes.
    private static let containers: Set<String> = ["moov", "trak", "mdia", "minf", "stbl", "dinf", "edts", "udta"]
    private static let entryLists: Set<String> = ["stsd", "dref"]

    /// Every box, depth first, in file order.
    var all: [Box] { walk(from: 0, to: bytes.count, ancestors: []) }

    func boxes(_ type: String) -> [Box] { all.filter { $0.type == type } }

    func first(_ type: String) -> Box? { all.first { $0.type == type } }

    private func walk(from start: Int, to end: Int, ancestors: [Int]) -> [Box] {
        var result: [Box] = []
        var offset = start
        while offset + 8 <= end {
            let size = Int(uint32(at: offset))
            guard size >= 8, offset + size <= end else { break }
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let box = Box(type: type, offset: offset, size: size, ancestors: ancestors)
            result.append(box)
            if Self.containers.contains(type) {
                result += walk(from: offset + 8, to: offset + size, ancestors: ancestors + [offset])
            } else if Self.entryLists.contains(type) {
                result += walk(from: offset + 16, to: offset + size, ancestors: ancestors + [offset])
            }
            offset += size
        }
        return result
    }

    func uint32(at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func setUInt32(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * index)) }
    }

    mutating func setUInt16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value)
    }

    /// Replaces `box` (header included) with `replacement`, a whole box, fixing sizes and chunk offsets.
    mutating func replace(_ box: Box, with replacement: [UInt8]) {
        let delta = replacement.count - box.size
        bytes.replaceSubrange(box.offset..<box.offset + box.size, with: replacement)
        for ancestor in box.ancestors { setUInt32(UInt32(Int(uint32(at: ancestor)) + delta), at: ancestor) }
        guard delta != 0, let media = first("mdat"), box.offset < media.offset else { return }
        for table in boxes("stco") {
            for entry in 0..<Int(uint32(at: table.offset + 12)) {
                let at = table.offset + 16 + 4 * entry
                setUInt32(UInt32(truncatingIfNeeded: Int(uint32(at: at)) + delta), at: at)
            }
        }
        for table in boxes("co64") {
            for entry in 0..<Int(uint32(at: table.offset + 12)) {
                let at = table.offset + 16 + 8 * entry + 4  // low half: the samples are far below 4 GiB
                setUInt32(UInt32(truncatingIfNeeded: Int(uint32(at: at)) + delta), at: at)
            }
        }
    }

    /// A box of `type` around `body`.
    static func box(_ type: String, _ body: [UInt8]) -> [UInt8] {
        let size = UInt32(body.count + 8)
        return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: size >> $0) } + Array(type.utf8) + body
    }
}
