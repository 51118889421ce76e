// Every FFmpeg function footage calls, one line each: library, return type, name, parameters, arguments.
// FFmpegLoader.c defines each as a stub that calls the function resolved from the shared library at load time.
// The compiler checks every line against FFmpeg's own declaration (a mismatch is a "conflicting types" error),
// and the linker reports any FFmpeg function used from Swift but missing here (footage does not link FFmpeg).
// R: functions that return a value; V: functions returning void.

#define CFFMPEG_FUNCTIONS(R, V) \
    R(UTIL, int, av_channel_layout_describe, (const AVChannelLayout *channel_layout, char *buf, size_t buf_size), (channel_layout, buf, buf_size)) \
    R(UTIL, const char *, av_chroma_location_name, (enum AVChromaLocation location), (location)) \
    R(UTIL, const char *, av_color_primaries_name, (enum AVColorPrimaries primaries), (primaries)) \
    R(UTIL, const char *, av_color_range_name, (enum AVColorRange range), (range)) \
    R(UTIL, const char *, av_color_space_name, (enum AVColorSpace space), (space)) \
    R(UTIL, const char *, av_color_transfer_name, (enum AVColorTransferCharacteristic transfer), (transfer)) \
    V(UTIL, void, av_dict_free, (AVDictionary **m), (m)) \
    R(UTIL, AVDictionaryEntry *, av_dict_get, (const AVDictionary *m, const char *key, const AVDictionaryEntry *prev, int flags), (m, key, prev, flags)) \
    R(UTIL, int, av_dict_set, (AVDictionary **pm, const char *key, const char *value, int flags), (pm, key, value, flags)) \
    R(UTIL, double, av_display_rotation_get, (const int32_t matrix[9]), (matrix)) \
    R(FORMAT, int, av_find_best_stream, (AVFormatContext *ic, enum AVMediaType type, int wanted_stream_nb, int related_stream, const AVCodec **decoder_ret, int flags), (ic, type, wanted_stream_nb, related_stream, decoder_ret, flags)) \
    R(UTIL, AVEncryptionInfo *, av_encryption_info_get_side_data, (const uint8_t *side_data, size_t side_data_size), (side_data, side_data_size)) \
    V(UTIL, void, av_encryption_info_free, (AVEncryptionInfo *info), (info)) \
    R(UTIL, char *, av_fourcc_make_string, (char *buf, uint32_t fourcc), (buf, fourcc)) \
    R(UTIL, AVFrame *, av_frame_alloc, (void), ()) \
    V(UTIL, void, av_frame_free, (AVFrame **frame), (frame)) \
    R(UTIL, int, av_frame_get_buffer, (AVFrame *frame, int align), (frame, align)) \
    R(UTIL, int, av_frame_is_writable, (AVFrame *frame), (frame)) \
    V(UTIL, void, av_frame_move_ref, (AVFrame *dst, AVFrame *src), (dst, src)) \
    V(UTIL, void, av_frame_unref, (AVFrame *frame), (frame)) \
    V(UTIL, void, av_free, (void *ptr), (ptr)) \
    V(UTIL, void, av_freep, (void *ptr), (ptr)) \
    R(CODEC, int, av_get_bits_per_sample, (enum AVCodecID codec_id), (codec_id)) \
    R(UTIL, const char *, av_get_media_type_string, (enum AVMediaType media_type), (media_type)) \
    R(UTIL, const char *, av_get_pix_fmt_name, (enum AVPixelFormat pix_fmt), (pix_fmt)) \
    R(UTIL, const char *, av_get_sample_fmt_name, (enum AVSampleFormat sample_fmt), (sample_fmt)) \
    R(FORMAT, AVRational, av_guess_sample_aspect_ratio, (AVFormatContext *format, AVStream *stream, AVFrame *frame), (format, stream, frame)) \
    V(UTIL, void, av_log_set_callback, (void (*callback)(void*, int, const char*, va_list)), (callback)) \
    R(UTIL, void *, av_malloc, (size_t size), (size)) \
    R(CODEC, int, av_new_packet, (AVPacket *pkt, int size), (pkt, size)) \
    R(UTIL, int, av_opt_set_int, (void *obj, const char *name, int64_t val, int search_flags), (obj, name, val, search_flags)) \
    R(CODEC, AVPacket *, av_packet_alloc, (void), ()) \
    V(CODEC, void, av_packet_free, (AVPacket **pkt), (pkt)) \
    R(CODEC, uint8_t *, av_packet_get_side_data, (const AVPacket *pkt, enum AVPacketSideDataType type, size_t *size), (pkt, type, size)) \
    V(CODEC, void, av_packet_unref, (AVPacket *pkt), (pkt)) \
    R(UTIL, int, av_pix_fmt_count_planes, (enum AVPixelFormat pix_fmt), (pix_fmt)) \
    R(UTIL, const AVPixFmtDescriptor *, av_pix_fmt_desc_get, (enum AVPixelFormat pix_fmt), (pix_fmt)) \
    R(FORMAT, int, av_probe_input_buffer2, (AVIOContext *pb, const AVInputFormat **fmt, const char *url, void *logctx, unsigned int offset, unsigned int max_probe_size), (pb, fmt, url, logctx, offset, max_probe_size)) \
    R(FORMAT, int, av_read_frame, (AVFormatContext *s, AVPacket *pkt), (s, pkt)) \
    R(UTIL, int, av_reduce, (int *dst_num, int *dst_den, int64_t num, int64_t den, int64_t max), (dst_num, dst_den, num, den, max)) \
    R(FORMAT, int, av_seek_frame, (AVFormatContext *s, int stream_index, int64_t timestamp, int flags), (s, stream_index, timestamp, flags)) \
    R(FORMAT, uint8_t *, av_stream_get_side_data, (const AVStream *stream, enum AVPacketSideDataType type, size_t *size), (stream, type, size)) \
    R(UTIL, int, av_strerror, (int errnum, char *errbuf, size_t errbuf_size), (errnum, errbuf, errbuf_size)) \
    R(UTIL, const char *, av_version_info, (void), ()) \
    R(CODEC, AVCodecContext *, avcodec_alloc_context3, (const AVCodec *codec), (codec)) \
    R(CODEC, const AVCodecDescriptor *, avcodec_descriptor_get, (enum AVCodecID id), (id)) \
    R(CODEC, const AVCodec *, avcodec_find_decoder, (enum AVCodecID id), (id)) \
    R(CODEC, const AVCodec *, avcodec_find_encoder, (enum AVCodecID id), (id)) \
    V(CODEC, void, avcodec_flush_buffers, (AVCodecContext *avctx), (avctx)) \
    V(CODEC, void, avcodec_free_context, (AVCodecContext **avctx), (avctx)) \
    R(CODEC, const char *, avcodec_get_name, (enum AVCodecID id), (id)) \
    R(CODEC, int, avcodec_open2, (AVCodecContext *avctx, const AVCodec *codec, AVDictionary **options), (avctx, codec, options)) \
    R(CODEC, int, avcodec_parameters_to_context, (AVCodecContext *codec, const AVCodecParameters *par), (codec, par)) \
    R(CODEC, const char *, avcodec_profile_name, (enum AVCodecID codec_id, int profile), (codec_id, profile)) \
    R(CODEC, int, avcodec_receive_frame, (AVCodecContext *avctx, AVFrame *frame), (avctx, frame)) \
    R(CODEC, int, avcodec_receive_packet, (AVCodecContext *avctx, AVPacket *avpkt), (avctx, avpkt)) \
    R(CODEC, int, avcodec_send_frame, (AVCodecContext *avctx, const AVFrame *frame), (avctx, frame)) \
    R(CODEC, int, avcodec_send_packet, (AVCodecContext *avctx, const AVPacket *avpkt), (avctx, avpkt)) \
    R(CODEC, unsigned, avcodec_version, (void), ()) \
    R(FORMAT, AVFormatContext *, avformat_alloc_context, (void), ()) \
    V(FORMAT, void, avformat_close_input, (AVFormatContext **s), (s)) \
    R(FORMAT, int, avformat_find_stream_info, (AVFormatContext *ic, AVDictionary **options), (ic, options)) \
    R(FORMAT, int, avformat_open_input, (AVFormatContext **ps, const char *url, const AVInputFormat *fmt, AVDictionary **options), (ps, url, fmt, options)) \
    R(FORMAT, unsigned, avformat_version, (void), ()) \
    R(FORMAT, AVIOContext *, avio_alloc_context, (unsigned char *buffer, int buffer_size, int write_flag, void *opaque, int (*read_packet)(void *opaque, uint8_t *buf, int buf_size), int (*write_packet)(void *opaque, uint8_t *buf, int buf_size), int64_t (*seek)(void *opaque, int64_t offset, int whence)), (buffer, buffer_size, write_flag, opaque, read_packet, write_packet, seek)) \
    V(FORMAT, void, avio_context_free, (AVIOContext **s), (s)) \
    R(UTIL, unsigned, avutil_version, (void), ()) \
    V(SCALE, void, sws_freeContext, (struct SwsContext *swsContext), (swsContext)) \
    R(SCALE, struct SwsContext *, sws_getCachedContext, (struct SwsContext *context, int srcW, int srcH, enum AVPixelFormat srcFormat, int dstW, int dstH, enum AVPixelFormat dstFormat, int flags, SwsFilter *srcFilter, SwsFilter *dstFilter, const double *param), (context, srcW, srcH, srcFormat, dstW, dstH, dstFormat, flags, srcFilter, dstFilter, param)) \
    R(SCALE, const int *, sws_getCoefficients, (int colorspace), (colorspace)) \
    R(SCALE, int, sws_scale_frame, (struct SwsContext *c, AVFrame *dst, const AVFrame *src), (c, dst, src)) \
    R(SCALE, int, sws_setColorspaceDetails, (struct SwsContext *c, const int inv_table[4], int srcRange, const int table[4], int dstRange, int brightness, int contrast, int saturation), (c, inv_table, srcRange, table, dstRange, brightness, contrast, saturation)) \
    R(SCALE, unsigned, swscale_version, (void), ())

