import CFFmpeg

/// Owns an `AVFormatContext` opened safely on a `MediaFile`: the one way FootageMedia opens media.
///
/// Opening (1) refuses playlists recognised by their first bytes, (2) detects the demuxer by content
/// only and refuses any not in `InputPolicy.formatWhitelist`, (3) opens with `format_whitelist`, a
/// protocol whitelist that matches nothing, nested opens refused (`io_open`), `enable_drefs=0`, bounded
/// `probesize`/`analyzeduration`/`max_streams`, and a monotonic deadline (`interrupt_callback`), then
/// (4) reads stream information with `max_pixels` on the decoders it opens.
///
/// Pointers from this object (`pointer`, `stream(at:)`) are valid only while it lives; copy what you
/// need into value types before returning from the module.
///
/// See https://ffmpeg.org/doxygen/5.1/group__lavf__decoding.html and
/// https://ffmpeg.org/ffmpeg-formats.html#Format-Options.
final class FormatContext {
    let file: MediaFile
    let options: InputOptions
    /// The content probe's confidence, 1–100 (`AVFormatContext.probe_score` as ffprobe reports it).
    private(set) var probeScore: Int32 = 0
    private(set) var pointer: UnsafeMutablePointer<AVFormatContext>!
    private let inputGuard: InputGuard
    // Declared after `pointer`, so freed after the format context that reads through it.
    private let io: FileIOContext

    var path: String { file.path }

    /// Opens the file at `path` safely (see `MediaFile`).
    convenience init(path: String, options: InputOptions = .probing) throws {
        try self.init(file: MediaFile(path: path), options: options)
    }

    init(file: MediaFile, options: InputOptions = .probing) throws {
        try FFmpegLibrary.prepare(path: file.path)
        self.file = file
        self.options = options
        self.inputGuard = InputGuard(timeout: options.timeout)
        self.io = try FileIOContext(file: file, inputGuard: inputGuard)

        // 1. Playlists and manifests, whatever FFmpeg's probes would make of them.
        var head = [UInt8](repeating: 0, count: 512)
        let count = try head.withUnsafeMutableBytes { try file.read(into: $0.baseAddress!, count: $0.count, at: 0) }
        if let refusal = InputPolicy.sniffRefusal(Array(head.prefix(count)), path: file.path) { throw refusal }

        // 2. The demuxer, chosen by content alone (no file name, so no extension guess).
        FFmpegLog.clear()
        var format: UnsafePointer<AVInputFormat>?
        let score = av_probe_input_buffer2(io.context, &format, "", nil, 0, UInt32(clamping: options.probeSize))
        if score < 0 && (inputGuard.deadlineExceeded || score != cffmpeg_averror_invaliddata()) {
            throw error(score, "detecting the format")
        }
        guard score >= 0, format != nil else {
            throw MediaError(
                .notMedia, path: file.path, reason: "no demuxer recognised it", ffmpegCode: score < 0 ? score : nil)
        }
        let demuxer = String(cString: format!.pointee.name)
        guard InputPolicy.accepts(demuxer: demuxer) else { throw InputPolicy.rejection(of: demuxer, path: file.path) }
        probeScore = score

        // 3. Open with every limit set.
        guard let context = avformat_alloc_context() else {
            throw MediaError(.io, path: file.path, reason: "out of memory")
        }
        context.pointee.pb = io.context
        context.pointee.flags |= AVFMT_FLAG_CUSTOM_IO
        context.pointee.opaque = inputGuard.opaque
        context.pointee.io_open = InputGuard.refuseNestedOpen
        context.pointee.interrupt_callback = AVIOInterruptCB(
            callback: InputGuard.interruptCallback, opaque: inputGuard.opaque
        )
        var dictionary: OpaquePointer?
        defer { av_dict_free(&dictionary) }
        av_dict_set(&dictionary, "format_whitelist", InputPolicy.formatWhitelistOption, 0)
        av_dict_set(&dictionary, "protocol_whitelist", "none", 0)  // matches no protocol at all
        av_dict_set(&dictionary, "probesize", String(options.probeSize), 0)
        av_dict_set(&dictionary, "analyzeduration", String(options.analyzeDuration), 0)
        av_dict_set(&dictionary, "max_streams", String(options.maxStreams), 0)
        av_dict_set(&dictionary, "enable_drefs", "0", 0)  // mov: never follow data references
        av_dict_set(&dictionary, "use_absolute_path", "0", 0)

        FFmpegLog.clear()
        var opening: UnsafeMutablePointer<AVFormatContext>? = context
        let opened = avformat_open_input(&opening, nil, format, &dictionary)
        // On failure FFmpeg has freed the context (and left our AVIOContext alone).
        guard opened >= 0, let opening else { throw error(opened, "reading the \(demuxer) header") }
        pointer = opening
        try checkNoNestedOpen()

        // 4. Stream parameters, decoding a few packets under the same limits.
        if options.findStreamInfo {
            let streamCount = Int(opening.pointee.nb_streams)
            var streamOptions = [OpaquePointer?](repeating: nil, count: streamCount)
            defer { for index in streamOptions.indices { av_dict_free(&streamOptions[index]) } }
            for index in streamOptions.indices {
                av_dict_set(&streamOptions[index], "max_pixels", String(options.maxPixels), 0)
            }
            FFmpegLog.clear()
            let found = streamOptions.withUnsafeMutableBufferPointer {
                avformat_find_stream_info(opening, $0.baseAddress)
            }
            if found < 0 { throw error(found, "reading stream information") }
            try checkNoNestedOpen()
        }
        if opening.pointee.nb_streams == 0 {
            throw MediaError(.notMedia, path: file.path, reason: "a \(demuxer) container without any stream")
        }
    }

    deinit {
        if pointer != nil { avformat_close_input(&pointer) }
    }

    /// The demuxer's name, e.g. "mov,mp4,m4a,3gp,3g2,mj2".
    var formatName: String { String(cString: pointer.pointee.iformat.pointee.name) }

    var streamCount: Int { Int(pointer.pointee.nb_streams) }

    /// The stream at `index`; valid while this context lives.
    func stream(at index: Int) -> UnsafeMutablePointer<AVStream> {
        precondition(index >= 0 && index < streamCount, "stream index out of range")
        return pointer.pointee.streams[index]!
    }

    /// The index of the stream FFmpeg considers best of that type (e.g. `AVMEDIA_TYPE_VIDEO`), if any.
    func bestStream(of type: AVMediaType) -> Int? {
        let index = av_find_best_stream(pointer, type, -1, -1, nil, 0)
        return index >= 0 ? Int(index) : nil
    }

    /// Gives the next FFmpeg calls `seconds` from now (the opening deadline covers only opening).
    func setDeadline(after seconds: Double) {
        inputGuard.setDeadline(after: seconds)
    }

    /// Returns `code` when it is not an error, else throws the `MediaError` that explains it.
    @discardableResult
    func check(_ code: Int32, _ operation: String) throws -> Int32 {
        if code >= 0 { return code }
        throw error(code, operation)
    }

    /// The `MediaError` for a failed FFmpeg call on this input, using what the callbacks observed.
    func error(_ code: Int32, _ operation: String) -> MediaError {
        let path = file.path
        if inputGuard.deadlineExceeded || code == cffmpeg_averror_exit() {
            let seconds = options.timeout.formatted(significantDigits: 3)
            return MediaError(.timedOut, path: path, reason: "more than \(seconds) s \(operation)", ffmpegCode: code)
        }
        if let url = inputGuard.nestedOpens.first {
            return Self.nestedOpenError(url, path: path, code: code)
        }
        if let errno = inputGuard.readErrno {
            return MediaError.fromErrno(errno, path: path, operation: "reading")
        }
        let detail = FFmpegLog.lastError ?? Self.describe(code)
        if code == cffmpeg_averror(ENOMEM) {
            return MediaError(.io, path: path, reason: "out of memory \(operation)", ffmpegCode: code)
        }
        if code == cffmpeg_averror(ENOSYS) || code == cffmpeg_averror_patchwelcome() {
            return MediaError(.unsupported, path: path, reason: "\(operation): \(detail)", ffmpegCode: code)
        }
        if code == cffmpeg_averror(EINVAL), detail.contains("whitelist") {
            return MediaError(.refused, path: path, reason: detail, ffmpegCode: code)
        }
        return MediaError(.damaged, path: path, reason: "\(operation): \(detail)", ffmpegCode: code)
    }

    private func checkNoNestedOpen() throws {
        if let url = inputGuard.nestedOpens.first { throw Self.nestedOpenError(url, path: file.path, code: nil) }
    }

    private static func nestedOpenError(_ url: String, path: String, code: Int32?) -> MediaError {
        MediaError(.refused, path: path, reason: "the file tries to open other files (\(url))", ffmpegCode: code)
    }

    /// FFmpeg's text for an error code (`av_strerror`).
    static func describe(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        av_strerror(code, &buffer, buffer.count)
        return String(nulTerminated: buffer)
    }
}

extension Double {
    /// "20", "0.5", "2.25": no trailing zeros.
    func formatted(significantDigits: Int) -> String {
        if self == rounded() && abs(self) < 1e15 { return String(Int64(self)) }
        var text = String(self)
        if text.count > significantDigits + 6 { text = String(text.prefix(significantDigits + 6)) }
        return text
    }
}
