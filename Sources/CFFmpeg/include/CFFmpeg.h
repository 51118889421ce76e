#ifndef FOOTAGE_CFFMPEG_H
#define FOOTAGE_CFFMPEG_H

// FFmpeg's headers, as installed by Debian's libav*-dev packages. The libraries themselves are not linked: they
// are loaded with dlopen on first use (FFmpegLoader.c), so that footage's catalogue-only commands never pay for
// loading FFmpeg and its ~100 dependent shared libraries (about 45 ms per process, measured with perf).

#include <libavformat/avformat.h>
#include <libavformat/avio.h>
#include <libavcodec/avcodec.h>
#include <libavutil/avutil.h>
#include <libavutil/dict.h>
#include <libavutil/display.h>
#include <libavutil/encryption_info.h>
#include <libavutil/error.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libavutil/channel_layout.h>
#include <libswscale/swscale.h>

// FFmpeg's function-like and compound-literal macros do not import into Swift; these re-export them.
static inline int cffmpeg_averror(int e) { return AVERROR(e); }
static inline int cffmpeg_averror_eof(void) { return AVERROR_EOF; }
static inline int cffmpeg_averror_exit(void) { return AVERROR_EXIT; }
static inline int cffmpeg_averror_invaliddata(void) { return AVERROR_INVALIDDATA; }
static inline int cffmpeg_averror_decoder_not_found(void) { return AVERROR_DECODER_NOT_FOUND; }
static inline int cffmpeg_averror_patchwelcome(void) { return AVERROR_PATCHWELCOME; }
static inline int64_t cffmpeg_nopts_value(void) { return AV_NOPTS_VALUE; }
static inline AVRational cffmpeg_time_base_q(void) { return AV_TIME_BASE_Q; }
static inline int cffmpeg_time_base(void) { return AV_TIME_BASE; }

/// Loads libavformat, libavcodec, libavutil and libswscale (the major versions of the headers built against) and
/// resolves every FFmpeg function footage calls. Returns 0 on success; otherwise -1 with a message in `error`.
/// Safe to call from any thread, any number of times: the work is done once.
int cffmpeg_load(char *error, size_t error_size);

#endif
