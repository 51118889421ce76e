import CFFmpeg

/// Values ffprobe reads from an opened decoder rather than from the stream parameters: the coded
/// picture size and `has_b_frames`. The decoder is opened (not fed) under `max_pixels` and freed at once.
struct CodedSize {
    let width: Int
    let height: Int
    let hasBFrames: Int

    static func read(par: UnsafeMutablePointer<AVCodecParameters>, maxPixels: Int64) -> CodedSize? {
        guard let codec = avcodec_find_decoder(par.pointee.codec_id) else { return nil }
        var context = avcodec_alloc_context3(codec)
        guard context != nil else { return nil }
        defer { avcodec_free_context(&context) }
        guard avcodec_parameters_to_context(context, par) >= 0 else { return nil }
        context!.pointee.max_pixels = maxPixels
        context!.pointee.thread_count = 1
        guard avcodec_open2(context, codec, nil) >= 0 else { return nil }
        let opened = context!.pointee
        guard opened.coded_width > 0, opened.coded_height > 0 else { return nil }
        return CodedSize(
            width: Int(opened.coded_width), height: Int(opened.coded_height),
            hasBFrames: Int(opened.has_b_frames))
    }
}
