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
    private let packet = PacketBuffer()
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
    /// Seconds from the stream start before which the caller wants no picture: pictures shown before it that no
    /// other picture refers to are not decoded at all (see `feed`). Nil decodes every picture.
    var unwantedBefore: Double?
    private var skippingNonReference = false

    var path: String { input.path }

    /// Opens `path` and a decoder for its best video stream.
    /// - Throws: `MediaError`; `notMedia` "no video stream" when there is none.
    init(path: String, deadline: Deadline, threads: Int32, keyframesOnly: Bool) throws {
        var options = InputOptions.probing
        options.timeout = max(0.001, deadline.remaining)
        let input = try FormatContext(path: path, options: options)
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
            try deadline.check(path: path, "reading video")
            let read = av_read_frame(input.pointer, packet.pointer)
            if read < 0 {
                if read == cffmpeg_averror(EAGAIN) { continue }
                if read != cffmpeg_averror_eof() {
                    let error = input.error(read, "reading video")
                    if error.kind == .timedOut || error.kind == .io || error.kind == .refused { throw error }
                    decodeErrors += 1  // a truncated or damaged file ends here; what was decoded stands
                }
                draining = true
                _ = decoder.send(nil)
                return
            }
            defer { packet.unref() }
            let current = packet.pointer.pointee
            guard Int(current.stream_index) == streamIndex else { continue }
            let isKey = current.flags & AV_PKT_FLAG_KEY != 0
            if isKey, current.pts != cffmpeg_nopts_value() || current.dts != cffmpeg_nopts_value() {
                let time = seconds(current.pts != cffmpeg_nopts_value() ? current.pts : current.dts)
                if let last = lastKeyPacketTime, time > last {
                    longestKeyframeInterval = max(longestKeyframeInterval, time - last)
                }
                lastKeyPacketTime = time
            }
            // Key mode: the pictures between keyframes are never even handed to the decoder.
            if keyframesOnly && !isKey { continue }
            // A packet whose picture is shown before the first wanted time need not be decoded unless others refer
            // to it; the decoder knows which do. Packets without a timestamp are always decoded.
            let skip = unwantedBefore.map { current.pts != cffmpeg_nopts_value() && seconds(current.pts) < $0 - 1e-6 } ?? false
            if skip != skippingNonReference {
                decoder.skipNonReference(skip)
                skippingNonReference = skip
            }
            let sent = decoder.send(packet.pointer)
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
        draining = false
        finished = false
        lastKeyPacketTime = nil
        previousPTS = nil
        return true
    }
}
