import CFFmpeg
import FootageCore

/// Reads a media file's container and stream metadata the way `ffprobe -show_format -show_streams` does,
/// through FootageMedia's safe opener (`FormatContext`), and normalises it (`MetadataNormalizer`).
public enum Probe {
    /// Probes the file at `path`.
    /// - Throws: `MediaError`, e.g. `.notMedia`, `.refused`, `.damaged`, `.notFound`.
    public static func probe(path: String, options: InputOptions = .probing) throws -> ProbeResult {
        try probe(file: MediaFile(path: path), options: options)
    }

    /// Probes an already opened file (see `MediaInspection`, which hashes the same descriptor), and checks that it
    /// did not change meanwhile.
    /// - Throws: as `probe(path:)`; `.io` "the file changed while it was being read".
    public static func probe(file: MediaFile, options: InputOptions = .probing) throws -> ProbeResult {
        let context = try FormatContext(file: file, options: options)
        let result = read(context)
        try file.checkUnchanged()
        return result
    }

    /// Copies everything out of an open context into values.
    static func read(_ context: FormatContext) -> ProbeResult {
        let format = formatInfo(context)
        let streams = (0..<context.streamCount).map { streamInfo(context, index: $0) }
        let encryption = firstPacketsEncryption(context)
        let footage = MetadataNormalizer.normalize(format: format, streams: streams, encryption: encryption)
        return ProbeResult(format: format, streams: streams, footage: footage)
    }

    /// How many packets are read to find out whether streams are encrypted: the demuxer hands back the ones it
    /// buffered while finding the stream information first, so this reads little or nothing more from the file.
    static let encryptionScanPackets = 32

    /// The encryption declared by the first packets of each stream (Common Encryption in MP4 and MOV is declared per
    /// packet, not in the stream parameters). Reading stops at the first error or after `encryptionScanPackets`.
    private static func firstPacketsEncryption(_ context: FormatContext) -> [Int: StreamEncryption] {
        var found: [Int: StreamEncryption] = [:]
        var seen = Set<Int>()
        let packet = PacketBuffer()
        for _ in 0..<encryptionScanPackets where seen.count < context.streamCount {
            guard av_read_frame(context.pointer, packet.pointer) >= 0 else { break }
            let index = Int(packet.pointer.pointee.stream_index)
            if seen.insert(index).inserted, let encryption = StreamEncryption.of(packet.pointer) {
                found[index] = encryption
            }
            packet.unref()
        }
        return found
    }

    private static func formatInfo(_ context: FormatContext) -> FormatInfo {
        let ctx = context.pointer.pointee
        let nopts = cffmpeg_nopts_value()
        let timeBase = Double(cffmpeg_time_base())
        return FormatInfo(
            filename: context.path,
            nbStreams: Int(ctx.nb_streams),
            nbPrograms: Int(ctx.nb_programs),
            formatName: String(cString: ctx.iformat.pointee.name),
            formatLongName: ctx.iformat.pointee.long_name.map { String(cString: $0) },
            startTime: ctx.start_time == nopts ? nil : microseconds(Double(ctx.start_time) / timeBase),
            duration: ctx.duration == nopts ? nil : microseconds(Double(ctx.duration) / timeBase),
            size: context.file.size,
            bitRate: ctx.bit_rate > 0 ? ctx.bit_rate : nil,
            probeScore: Int(context.probeScore),
            tags: tags(ctx.metadata)
        )
    }

    private static func streamInfo(_ context: FormatContext, index: Int) -> StreamInfo {
        let streamPointer = context.stream(at: index)
        let stream = streamPointer.pointee
        let par = stream.codecpar.pointee
        var info = StreamInfo(
            index: Int(stream.index),
            rFrameRate: ratio(stream.r_frame_rate, "/"),
            avgFrameRate: ratio(stream.avg_frame_rate, "/"),
            timeBase: ratio(stream.time_base, "/")
        )
        if context.pointer.pointee.iformat.pointee.flags & AVFMT_SHOW_IDS != 0 {
            info.id = "0x" + String(stream.id, radix: 16)
        }
        if let descriptor = avcodec_descriptor_get(par.codec_id) {
            info.codecName = String(cString: descriptor.pointee.name)
            info.codecLongName = descriptor.pointee.long_name.map { String(cString: $0) }
        } else {
            info.codecName = "unknown"
        }
        if let name = avcodec_profile_name(par.codec_id, par.profile) {
            info.profile = String(cString: name)
        } else if par.profile != FF_PROFILE_UNKNOWN {
            info.profile = String(par.profile)
        }
        info.codecType = av_get_media_type_string(par.codec_type).map { String(cString: $0) }
        var fourcc = [CChar](repeating: 0, count: Int(AV_FOURCC_MAX_STRING_SIZE))
        av_fourcc_make_string(&fourcc, par.codec_tag)
        info.codecTagString = String(nulTerminated: fourcc)
        info.codecTag = "0x" + par.codec_tag.zeroPadded(4, radix: 16)

        switch par.codec_type {
        case AVMEDIA_TYPE_VIDEO:
            readVideo(context, streamPointer, into: &info)
        case AVMEDIA_TYPE_AUDIO:
            info.sampleFmt = name(av_get_sample_fmt_name(AVSampleFormat(par.format)))
            info.sampleRate = positive(par.sample_rate)
            info.channels = positive(par.ch_layout.nb_channels)
            if par.ch_layout.order != AV_CHANNEL_ORDER_UNSPEC {
                var layout = [CChar](repeating: 0, count: 128)
                var channelLayout = par.ch_layout
                if av_channel_layout_describe(&channelLayout, &layout, layout.count) >= 0 {
                    info.channelLayout = String(nulTerminated: layout)
                }
            }
            info.bitsPerSample = Int(av_get_bits_per_sample(par.codec_id))
        default:
            break
        }

        let nopts = cffmpeg_nopts_value()
        let timeBase = av_q2d(stream.time_base)
        if stream.start_time != nopts {
            info.startPts = stream.start_time
            info.startTime = microseconds(Double(stream.start_time) * timeBase)
        }
        if stream.duration != nopts {
            info.durationTs = stream.duration
            info.duration = microseconds(Double(stream.duration) * timeBase)
        }
        info.bitRate = par.bit_rate > 0 ? par.bit_rate : nil
        info.bitsPerRawSample = positive(par.bits_per_raw_sample)
        info.nbFrames = stream.nb_frames > 0 ? stream.nb_frames : nil
        info.extradataSize = par.extradata_size > 0 ? Int(par.extradata_size) : nil
        info.disposition = disposition(stream.disposition)
        info.tags = tags(stream.metadata)
        info.sideDataList = sideData(streamPointer)
        return info
    }

    private static func readVideo(
        _ context: FormatContext, _ streamPointer: UnsafeMutablePointer<AVStream>, into info: inout StreamInfo
    ) {
        let par = streamPointer.pointee.codecpar.pointee
        info.width = positive(par.width)
        info.height = positive(par.height)
        if let coded = CodedSize.read(par: streamPointer.pointee.codecpar, maxPixels: context.options.maxPixels) {
            info.codedWidth = coded.width
            info.codedHeight = coded.height
            info.hasBFrames = coded.hasBFrames
        }
        let sar = av_guess_sample_aspect_ratio(context.pointer, streamPointer, nil)
        if sar.num > 0, sar.den > 0 {
            info.sampleAspectRatio = ratio(sar, ":")
            var dar = AVRational()
            av_reduce(
                &dar.num, &dar.den, Int64(par.width) * Int64(sar.num), Int64(par.height) * Int64(sar.den),
                1024 * 1024)
            info.displayAspectRatio = ratio(dar, ":")
        }
        info.pixFmt = name(av_get_pix_fmt_name(AVPixelFormat(par.format)))
        info.level = par.level != FF_LEVEL_UNKNOWN ? Int(par.level) : nil
        if par.color_range != AVCOL_RANGE_UNSPECIFIED { info.colorRange = name(av_color_range_name(par.color_range)) }
        if par.color_space != AVCOL_SPC_UNSPECIFIED { info.colorSpace = name(av_color_space_name(par.color_space)) }
        if par.color_trc != AVCOL_TRC_UNSPECIFIED { info.colorTransfer = name(av_color_transfer_name(par.color_trc)) }
        if par.color_primaries != AVCOL_PRI_UNSPECIFIED {
            info.colorPrimaries = name(av_color_primaries_name(par.color_primaries))
        }
        if par.chroma_location != AVCHROMA_LOC_UNSPECIFIED {
            info.chromaLocation = name(av_chroma_location_name(par.chroma_location))
        }
        switch par.field_order {
        case AV_FIELD_PROGRESSIVE: info.fieldOrder = "progressive"
        case AV_FIELD_TT: info.fieldOrder = "tt"
        case AV_FIELD_BB: info.fieldOrder = "bb"
        case AV_FIELD_TB: info.fieldOrder = "tb"
        case AV_FIELD_BT: info.fieldOrder = "bt"
        default: break
        }
    }

    /// The display matrix rotation (`av_stream_get_side_data` in FFmpeg 5.1).
    private static func sideData(_ stream: UnsafeMutablePointer<AVStream>) -> [SideData]? {
        var size: Int = 0
        guard let data = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, &size),
            size >= 9 * MemoryLayout<Int32>.size
        else { return nil }
        let rotation = data.withMemoryRebound(to: Int32.self, capacity: 9) { av_display_rotation_get($0) }
        return [
            SideData(sideDataType: SideData.displayMatrix, rotation: rotation.isFinite ? microseconds(rotation) : nil)
        ]
    }

    private static let dispositionFlags: [(String, Int32)] = [
        ("default", AV_DISPOSITION_DEFAULT), ("dub", AV_DISPOSITION_DUB), ("original", AV_DISPOSITION_ORIGINAL),
        ("comment", AV_DISPOSITION_COMMENT), ("lyrics", AV_DISPOSITION_LYRICS), ("karaoke", AV_DISPOSITION_KARAOKE),
        ("forced", AV_DISPOSITION_FORCED), ("hearing_impaired", AV_DISPOSITION_HEARING_IMPAIRED),
        ("visual_impaired", AV_DISPOSITION_VISUAL_IMPAIRED), ("clean_effects", AV_DISPOSITION_CLEAN_EFFECTS),
        ("attached_pic", AV_DISPOSITION_ATTACHED_PIC), ("timed_thumbnails", AV_DISPOSITION_TIMED_THUMBNAILS),
        ("captions", AV_DISPOSITION_CAPTIONS), ("descriptions", AV_DISPOSITION_DESCRIPTIONS),
        ("metadata", AV_DISPOSITION_METADATA), ("dependent", AV_DISPOSITION_DEPENDENT),
        ("still_image", AV_DISPOSITION_STILL_IMAGE),
    ]

    private static func disposition(_ value: Int32) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: dispositionFlags.map { ($0.0, value & $0.1 != 0 ? 1 : 0) })
    }

    /// Every entry of an AVDictionary, in order; a repeated key keeps its last value.
    static func tags(_ dictionary: OpaquePointer?) -> [String: String]? {
        var result: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>?
        while let next = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX) {
            entry = next
            guard let key = next.pointee.key else { continue }
            result[String(cString: key)] = next.pointee.value.map { String(cString: $0) } ?? ""
        }
        return result.isEmpty ? nil : result
    }

    private static func ratio(_ value: AVRational, _ separator: String) -> String {
        "\(value.num)\(separator)\(value.den)"
    }

    private static func name(_ text: UnsafePointer<CChar>?) -> String? {
        text.map { String(cString: $0) }
    }

    private static func positive(_ value: Int32) -> Int? {
        value > 0 ? Int(value) : nil
    }

    /// Rounded to the microsecond, as ffprobe prints seconds.
    static func microseconds(_ seconds: Double) -> Double {
        (seconds * 1_000_000).rounded() / 1_000_000
    }
}
