import CFFmpeg

/// Reads the decoded pictures of a file's best video stream, one at a time, under a deadline.
///
/// The file is opened by `FormatContext` (safe opening, demuxer whitelist); the other streams are
/// discarded so the demuxer does not hand us their packets. Decoding errors (corrupt packets, damaged or
/// missing references) are counted and skipped rather than ending the read: footage from the field is
/// often damaged, and what can be decoded is still evidence.
final class VideoFrameReader {
    let input: FormatContext
    let decoder: VideoDecoder
    let streamIndex: Int
    let timeBase: AVRational
    /// The stream's first presentation timestamp; times are measured from it.
    let startPTS: Int64
    let orientation: DisplayOrientation
    /// The picture of the last successful `nextFrame()`.
    let frame = FrameBuffer()
    private let keyframesOnly: Bool
    private let deadline: Deadline
    private var draining = false
    private var finished = false
    /// Packets the decoder refused and frames it flagged as corrupt.
    private(set) var decodeErrors = 0
    /// The longest distance between consecutive key packets seen so far, in seconds (0 before two were seen).
    private(set) var longestKeyframeInterval: Double = 0
    private var lastKeyPacketTime: Double?
    private var previousPTS: Int64?
    /// Seconds from the stream start before which the caller wants no picture. Pictures shown before it are not
    /// decoded when no wanted picture can depend on them: those no other picture refers to (see `feed`), and every
    /// packet before a clean random-access point shown at or before it (see `skipToRandomAccess`). Nil decodes
    /// every picture.
    var unwantedBefore: Double?
    private var skippingNonReference = false
    /// Where decoding may start afresh (IDR pictures, VP9 key frames); nil for codecs where it is not known.
    private let randomAccess: CleanRandomAccess?
    /// The `unwantedBefore` the packets ahead were last searched for a random-access point for.
    private var searchedFor: Double?
    /// Video packets read from the file and not yet sent to the decoder, oldest first from `aheadStart`.
    private var ahead: [PacketBuffer] = []
    private var aheadStart = 0
    private var aheadBytes = 0
    private var spare: [PacketBuffer] = []
    /// True once the file has no more packets to give.
    private var readToEnd = false
    /// Packets never decoded because no wanted picture depended on them (tests check this is not zero).
    private(set) var skippedPackets = 0
    /// How far `skipToRandomAccess` reads ahead at most (the packets between two samples at a low rate).
    static let readAheadLimit = (bytes: 64 << 20, packets: 8192)

    var path: String { input.path }

    /// Opens `path` and a decoder for its best video stream.
    /// - Throws: `MediaError`; `notMedia` "no video stream" when there is none.
    convenience init(path: String, deadline: Deadline, threads: Int32, keyframesOnly: Bool) throws {
        try self.init(file: MediaFile(path: path), deadline: deadline, threads: threads, keyframesOnly: keyframesOnly)
    }

    /// Opens a decoder for the best video stream of an open file, read through its descriptor.
    /// - Throws: `MediaError`; `notMedia` "no video stream" when there is none.
    init(file: MediaFile, deadline: Deadline, threads: Int32, keyframesOnly: Bool) throws {
        let path = file.path
        var options = InputOptions.probing
        options.timeout = max(0.001, deadline.remaining)
        let input = try FormatContext(file: file, options: options)
        guard let index = input.bestStream(of: AVMEDIA_TYPE_VIDEO) else {
            throw MediaError(.notMedia, path: path, reason: "no video stream")
        }
        let stream = input.stream(at: index)
        if stream.pointee.disposition & AV_DISPOSITION_ATTACHED_PIC != 0 {
            throw MediaError(.notMedia, path: path, reason: "no video stream (only cover art)")
        }
        for other in 0..<input.streamCount where other != index {
            input.stream(at: other).pointee.discard = AVDISCARD_ALL
        }
        self.input = input
        self.streamIndex = index
        self.timeBase = stream.pointee.time_base
        let start = stream.pointee.start_time
        self.startPTS = start == cffmpeg_nopts_value() ? 0 : start
        self.orientation = DisplayOrientation.of(stream)
        self.keyframesOnly = keyframesOnly
        self.deadline = deadline
        let parameters = stream.pointee.codecpar.pointee
        self.randomAccess = CleanRandomAccess(
            codecID: parameters.codec_id,
            extradata: UnsafeBufferPointer(start: parameters.extradata, count: max(0, Int(parameters.extradata_size))))
        self.decoder = try VideoDecoder(stream: stream, path: path, threads: threads, keyframesOnly: keyframesOnly)
        input.setDeadline(after: deadline.remaining)
    }

    /// Seconds from the stream start to `pts`.
    func seconds(_ pts: Int64) -> Double {
        Double(pts - startPTS) * Double(timeBase.num) / Double(timeBase.den)
    }

    /// The presentation timestamp of the picture in `frame`: FFmpeg's best effort, else the packet's, else
    /// one step after the previous picture.
    private func timestamp() -> Int64 {
        let picture = frame.pointer.pointee
        let nopts = cffmpeg_nopts_value()
        if picture.best_effort_timestamp != nopts { return picture.best_effort_timestamp }
        if picture.pts != nopts { return picture.pts }
        guard let previousPTS else { return startPTS }
        let step = picture.pkt_duration > 0 ? picture.pkt_duration : 1
        return previousPTS + step
    }

    /// Decodes the next picture into `frame` and returns its timestamp, or nil at the end of the stream.
    func nextFrame() throws -> Int64? {
        while true {
            try deadline.check(path: path, "decoding video")
            let received = decoder.receive(into: frame)
            if received >= 0 {
                let picture = frame.pointer.pointee
                if picture.flags & AV_FRAME_FLAG_CORRUPT != 0 || picture.decode_error_flags != 0 {
                    decodeErrors += 1
                    frame.unref()
                    continue
                }
                let pts = timestamp()
                previousPTS = pts
                return pts
            }
            if received == cffmpeg_averror_eof() {
                finished = true
                return nil
            }
            if received != cffmpeg_averror(EAGAIN) {
                decodeErrors += 1  // a damaged picture; the decoder goes on with the next one
                if draining { continue }
            }
            if finished { return nil }
            if draining {
                // EAGAIN while draining cannot happen with a conforming decoder; do not spin.
                finished = true
                return nil
            }
            try feed()
        }
    }

    /// Sends the next packet of the video stream to the decoder (or starts draining at the end of the file).
    private func feed() throws {
        while true {
            // (`readPacket` checks the deadline for every packet read.)
            if let target = unwantedBefore, target != searchedFor {
                searchedFor = target
                try skipToRandomAccess(before: target)
            }
            guard let buffer = try nextPacket() else {
                draining = true
                _ = decoder.send(nil)
                return
            }
            defer { recycle(buffer) }
            let current = buffer.pointer.pointee
            // Key mode: the pictures between keyframes are never even handed to the decoder.
            if keyframesOnly && current.flags & AV_PKT_FLAG_KEY == 0 { continue }
            // A packet whose picture is shown before the first wanted time need not be decoded unless others refer
            // to it; the decoder knows which do. Packets without a timestamp are always decoded.
            let skip =
                unwantedBefore.map { current.pts != cffmpeg_nopts_value() && seconds(current.pts) < $0 - 1e-6 } ?? false
            if skip != skippingNonReference {
                decoder.skipNonReference(skip)
                skippingNonReference = skip
            }
            let sent = decoder.send(buffer.pointer)
            if sent == cffmpeg_averror(EAGAIN) {
                // The decoder holds pictures to hand out first; this packet is lost, so count it.
                decodeErrors += 1
            } else if sent < 0 {
                decodeErrors += 1
                continue
            }
            return
        }
    }

    /// Drops the packets ahead that no picture shown at or after `target` can depend on: those before the last clean
    /// random-access packet shown at or before `target`, provided every packet dropped is shown before `target`; or,
    /// at the end of the file, all the packets left when each is shown before `target`.
    ///
    /// With one sample a second and a keyframe every two seconds, this leaves undecoded about half of the pictures:
    /// those after the sample in the middle of each group of pictures. The pictures that are decoded come out the same
    /// as when every packet is decoded, because nothing after a clean random-access point refers to anything before it.
    private func skipToRandomAccess(before target: Double) throws {
        guard let randomAccess else { return }
        let nopts = cffmpeg_nopts_value()
        var index = 0
        var clean: Int?
        while true {
            guard let buffer = try packetAhead(at: index) else {
                dropAhead(index)  // the end: nothing left is shown at or after the target
                return
            }
            let packet = buffer.pointer.pointee
            guard packet.pts != nopts else { break }
            let shown = seconds(packet.pts)
            if index > 0, shown <= target + 1e-6, let data = packet.data,
                randomAccess.isClean(UnsafeBufferPointer(start: data, count: Int(max(0, packet.size))))
            {
                clean = index
            }
            // This packet may be the wanted picture itself; a packet decoded after the target's time cannot be shown
            // before it (a damaged file's timestamps end the search too).
            if shown >= target - 1e-6 { break }
            if packet.dts != nopts, seconds(packet.dts) > target + 1e-6 { break }
            index += 1
            if aheadBytes > Self.readAheadLimit.bytes || ahead.count - aheadStart > Self.readAheadLimit.packets {
                // Memory stays bounded: drop what can be dropped so far and read on, or give up for this target.
                guard let found = clean else { return }
                dropAhead(found)
                index -= found
                clean = nil
            }
        }
        if let clean { dropAhead(clean) }
    }

    /// The next video packet to decode: read ahead earlier, or read from the file now; nil at the end.
    private func nextPacket() throws -> PacketBuffer? {
        if aheadStart < ahead.count {
            let buffer = ahead[aheadStart]
            aheadStart += 1
            aheadBytes -= Int(buffer.pointer.pointee.size)
            if aheadStart == ahead.count {
                ahead.removeAll(keepingCapacity: true)
                aheadStart = 0
            }
            return buffer
        }
        return try readPacket()
    }

    /// The packet `index` places after the next one to decode, reading from the file as needed; nil past the end.
    private func packetAhead(at index: Int) throws -> PacketBuffer? {
        while ahead.count - aheadStart <= index {
            guard let buffer = try readPacket() else { return nil }
            ahead.append(buffer)
            aheadBytes += Int(buffer.pointer.pointee.size)
        }
        return ahead[aheadStart + index]
    }

    /// Drops the first `count` packets ahead (all read already), undecoded.
    private func dropAhead(_ count: Int) {
        for _ in 0..<count {
            guard let buffer = try? nextPacket() else { return }
            skippedPackets += 1
            recycle(buffer)
        }
    }

    private func recycle(_ buffer: PacketBuffer) {
        buffer.unref()
        spare.append(buffer)
    }

    /// Reads the file's next packet of the video stream; nil at its end, or where damage ends it (counted).
    private func readPacket() throws -> PacketBuffer? {
        guard !readToEnd else { return nil }
        let buffer = spare.popLast() ?? PacketBuffer()
        while true {
            try deadline.check(path: path, "reading video")
            let read = av_read_frame(input.pointer, buffer.pointer)
            if read < 0 {
                if read == cffmpeg_averror(EAGAIN) { continue }
                spare.append(buffer)
                if read != cffmpeg_averror_eof() {
                    let error = input.error(read, "reading video")
                    if error.kind == .timedOut || error.kind == .io || error.kind == .refused { throw error }
                    decodeErrors += 1  // a truncated or damaged file ends here; what was decoded stands
                }
                readToEnd = true
                return nil
            }
            let current = buffer.pointer.pointee
            guard Int(current.stream_index) == streamIndex else {
                buffer.unref()
                continue
            }
            // An encrypted picture decodes to noise, or to grey pictures that pass for real ones: nothing taken from
            // it may stand as evidence.
            if let encryption = StreamEncryption.of(buffer.pointer) {
                spare.append(buffer)
                throw MediaError(.encrypted, path: path, reason: encryption.summary)
            }
            if current.flags & AV_PKT_FLAG_KEY != 0,
                current.pts != cffmpeg_nopts_value() || current.dts != cffmpeg_nopts_value()
            {
                let time = seconds(current.pts != cffmpeg_nopts_value() ? current.pts : current.dts)
                if let last = lastKeyPacketTime, time > last {
                    longestKeyframeInterval = max(longestKeyframeInterval, time - last)
                }
                lastKeyPacketTime = time
            }
            return buffer
        }
    }

    /// Moves to the keyframe at or before `seconds` from the stream start and forgets decoded state.
    /// Returns false when the container cannot seek (reading continues where it was).
    func seek(toSeconds target: Double) -> Bool {
        let ticks = target * Double(timeBase.den) / Double(timeBase.num)
        guard ticks.isFinite, abs(ticks) < 9e18 else { return false }
        let timestamp = startPTS &+ Int64(ticks.rounded(.down))
        guard av_seek_frame(input.pointer, Int32(streamIndex), timestamp, AVSEEK_FLAG_BACKWARD) >= 0 else {
            return false
        }
        decoder.flush()
        for buffer in ahead[aheadStart...] { recycle(buffer) }
        ahead.removeAll(keepingCapacity: true)
        (aheadStart, aheadBytes) = (0, 0)
        readToEnd = false
        searchedFor = nil
        draining = false
        finished = false
        lastKeyPacketTime = nil
        previousPTS = nil
        return true
    }
}
