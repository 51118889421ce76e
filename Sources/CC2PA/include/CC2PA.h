#ifndef FOOTAGE_CC2PA_H
#define FOOTAGE_CC2PA_H

// The few functions of the C2PA reference library's C interface (libc2pa_c.so, c2pa-rs's c2pa_c_ffi) that footage
// calls to read a manifest store, declared here rather than taken from the library's own header: the library comes
// inside a Python wheel (c2pa-python), which ships the shared object but no header. Each declaration matches
// c2pa-rs 0.91 (c2pa-python 0.38), the version the Makefile installs. Like FFmpeg, the library is not linked: it is
// loaded with dlopen on first use (C2PALoader.c), from a path footage chooses, so that footage builds, starts and
// runs without it (C2PA is then "not checked").

#include <stddef.h>
#include <stdint.h>

/// The library's stream: callbacks over a context of the caller's. Opaque here; made by c2pa_create_stream.
typedef struct C2paStream C2paStream;
/// The state of one reading of a manifest store. Opaque.
typedef struct C2paReader C2paReader;
/// The context handed back to the stream callbacks. Opaque to the library.
typedef struct StreamContext StreamContext;

/// Where a seek counts from: the start, the current position or the end (C2paSeekMode).
enum { CC2PA_SEEK_START = 0, CC2PA_SEEK_CURRENT = 1, CC2PA_SEEK_END = 2 };

/// Bytes read into `data` (at most `length`), 0 at the end, negative on error.
typedef intptr_t (*CC2paReadCallback)(StreamContext *context, uint8_t *data, intptr_t length);
/// The new position, or negative on error. `mode` is one of CC2PA_SEEK_*.
typedef intptr_t (*CC2paSeekCallback)(StreamContext *context, intptr_t offset, int mode);
/// Bytes written, or negative on error.
typedef intptr_t (*CC2paWriteCallback)(StreamContext *context, const uint8_t *data, intptr_t length);
/// 0, or negative on error.
typedef intptr_t (*CC2paFlushCallback)(StreamContext *context);

C2paStream *c2pa_create_stream(StreamContext *context, CC2paReadCallback reader, CC2paSeekCallback seeker,
                               CC2paWriteCallback writer, CC2paFlushCallback flusher);
void c2pa_release_stream(C2paStream *stream);
/// Reads and validates the manifest store of the asset in `stream`; `format` is a MIME type or extension. NULL on
/// error (c2pa_error says why, "ManifestNotFound: …" when there is none). Free with c2pa_reader_free.
C2paReader *c2pa_reader_from_stream(const char *format, C2paStream *stream);
/// The manifest store and its validation as JSON. Free with c2pa_string_free.
char *c2pa_reader_json(C2paReader *reader);
void c2pa_reader_free(C2paReader *reader);
/// The last error of this thread, "Kind: explanation". Free with c2pa_string_free.
char *c2pa_error(void);
void c2pa_string_free(char *text);
/// "c2pa-c-ffi/0.91.3 c2pa-rs/0.91.3". Free with c2pa_string_free.
char *c2pa_version(void);
/// Settings for the readings that follow (`format` "json"); 0 on success.
int c2pa_load_settings(const char *settings, const char *format);

/// Loads the library at `path` (once per process: later calls report the first call's outcome) and resolves every
/// function above. Returns 0 on success; otherwise -1 with a message in `error`.
int cc2pa_load(const char *path, char *error, size_t error_size);

/// A stream that reads the regular file open at `descriptor` with pread, from its own position (the descriptor's
/// offset is neither used nor moved, so other readers may share it), and refuses writes. Free with
/// cc2pa_descriptor_stream_free, which releases the library's stream too. NULL if memory ran out.
typedef struct CC2paDescriptorStream CC2paDescriptorStream;
CC2paDescriptorStream *cc2pa_descriptor_stream_create(int descriptor, int64_t size);
C2paStream *cc2pa_descriptor_stream_get(CC2paDescriptorStream *stream);
void cc2pa_descriptor_stream_free(CC2paDescriptorStream *stream);

#endif
