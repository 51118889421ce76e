// Loads the C2PA library on first use instead of linking it. See include/CC2PA.h for why.

#include "CC2PA.h"
#include "C2PAFunctions.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

// One pointer per function, with the declared type.
#define DECLARE_POINTER(ret, name, params, args) static __typeof__(&name) real_##name;
CC2PA_FUNCTIONS(DECLARE_POINTER, DECLARE_POINTER)

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static int load_tried = 0;
static int load_status = -1;
static char load_error[512];

static void load(const char *path) {
    // RTLD_LOCAL: the library's symbols (and the Rust runtime in it) stay out of the global namespace.
    void *handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *reason = dlerror();
        snprintf(load_error, sizeof load_error, "cannot load %s (%s)", path, reason ? reason : "not found");
        return;
    }
#define RESOLVE(ret, name, params, args)                                                                        \
    real_##name = (__typeof__(&name))dlsym(handle, #name);                                                     \
    if (!real_##name) {                                                                                        \
        snprintf(load_error, sizeof load_error, "%s has no function %s (a C2PA library of another version?)", \
                 path, #name);                                                                                 \
        dlclose(handle);                                                                                       \
        return;                                                                                                \
    }
    CC2PA_FUNCTIONS(RESOLVE, RESOLVE)
    load_status = 0;
}

int cc2pa_load(const char *path, char *error, size_t error_size) {
    pthread_mutex_lock(&load_lock);
    if (!load_tried) {
        load_tried = 1;
        load(path);
    }
    pthread_mutex_unlock(&load_lock);
    if (load_status != 0 && error && error_size > 0) snprintf(error, error_size, "%s", load_error);
    return load_status;
}

// Swift calls the library only after C2PALibrary has loaded it, so reaching this abort is a programming error.
static void require_loaded(void) {
    if (__builtin_expect(load_status != 0, 0)) {
        fprintf(stderr, "footage: the C2PA library was called before it was loaded\n");
        abort();
    }
}

#define DEFINE_RETURNING(ret, name, params, args) \
    ret name params { require_loaded(); return real_##name args; }
#define DEFINE_VOID(ret, name, params, args) \
    void name params { require_loaded(); real_##name args; }
CC2PA_FUNCTIONS(DEFINE_RETURNING, DEFINE_VOID)

// A descriptor read with pread from a position of the stream's own.
struct CC2paDescriptorStream {
    int descriptor;
    int64_t size;
    int64_t position;
    C2paStream *stream;
};

static intptr_t descriptor_read(StreamContext *context, uint8_t *data, intptr_t length) {
    struct CC2paDescriptorStream *s = (struct CC2paDescriptorStream *)context;
    if (length < 0 || !data) return -EINVAL;
    if (s->position >= s->size || length == 0) return 0;
    if ((int64_t)length > s->size - s->position) length = (intptr_t)(s->size - s->position);
    ssize_t n;
    do {
        n = pread(s->descriptor, data, (size_t)length, (off_t)s->position);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return -errno;
    s->position += n;
    return n;
}

static intptr_t descriptor_seek(StreamContext *context, intptr_t offset, int mode) {
    struct CC2paDescriptorStream *s = (struct CC2paDescriptorStream *)context;
    int64_t base = mode == CC2PA_SEEK_START ? 0 : mode == CC2PA_SEEK_CURRENT ? s->position
                 : mode == CC2PA_SEEK_END   ? s->size : -1;
    if (base < 0) return -EINVAL;
    // Positions past the end are allowed (reads there find nothing), before the start are not.
    if ((offset < 0 && base + offset < 0) || (offset > 0 && base > INT64_MAX - offset)) return -EINVAL;
    s->position = base + offset;
    return (intptr_t)s->position;
}

// Reading never writes: the file is evidence.
static intptr_t descriptor_write(StreamContext *context, const uint8_t *data, intptr_t length) {
    (void)context, (void)data, (void)length;
    return -EBADF;
}

static intptr_t descriptor_flush(StreamContext *context) {
    (void)context;
    return 0;
}

CC2paDescriptorStream *cc2pa_descriptor_stream_create(int descriptor, int64_t size) {
    struct CC2paDescriptorStream *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    s->descriptor = descriptor;
    s->size = size;
    s->stream = c2pa_create_stream((StreamContext *)s, descriptor_read, descriptor_seek, descriptor_write,
                                   descriptor_flush);
    if (!s->stream) {
        free(s);
        return NULL;
    }
    return s;
}

C2paStream *cc2pa_descriptor_stream_get(CC2paDescriptorStream *stream) { return stream->stream; }

void cc2pa_descriptor_stream_free(CC2paDescriptorStream *stream) {
    if (!stream) return;
    c2pa_release_stream(stream->stream);
    free(stream);
}
