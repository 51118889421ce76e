// Loads FFmpeg's shared libraries on first use instead of at process start. See include/CFFmpeg.h for why.

#include "CFFmpeg.h"
#include "FFmpegFunctions.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// The library each function comes from, by the major version its headers declare (the ABI footage was built for).
#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)
static const char *const library_names[] = {
    "libavutil.so." STRINGIFY(LIBAVUTIL_VERSION_MAJOR),
    "libswscale.so." STRINGIFY(LIBSWSCALE_VERSION_MAJOR),
    "libavcodec.so." STRINGIFY(LIBAVCODEC_VERSION_MAJOR),
    "libavformat.so." STRINGIFY(LIBAVFORMAT_VERSION_MAJOR),
};
enum { UTIL, SCALE, CODEC, FORMAT, LIBRARY_COUNT };

// One pointer per function, with FFmpeg's exact type.
#define DECLARE_POINTER(lib, ret, name, params, args) static __typeof__(&name) real_##name;
CFFMPEG_FUNCTIONS(DECLARE_POINTER, DECLARE_POINTER)

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static char load_error[512];
static int load_status = -1;

static void *resolve(void *const *handles, int lib, const char *name) {
    void *symbol = dlsym(handles[lib], name);
    if (!symbol && !load_error[0]) {
        snprintf(load_error, sizeof load_error, "%s has no function %s (FFmpeg version mismatch?)",
                 library_names[lib], name);
    }
    return symbol;
}

static void load_all(void) {
    void *handles[LIBRARY_COUNT];
    for (int lib = 0; lib < LIBRARY_COUNT; lib++) {
        // RTLD_LAZY: the ~100 libraries FFmpeg pulls in bind their own calls on first use (5 ms less per process,
        // measured); every function footage calls is resolved below, so a missing one is still found here.
        // RTLD_LOCAL: FFmpeg's symbols stay out of the global namespace; the libraries find each other through
        // their own DT_NEEDED entries.
        handles[lib] = dlopen(library_names[lib], RTLD_LAZY | RTLD_LOCAL);
        if (!handles[lib]) {
            const char *reason = dlerror();
            snprintf(load_error, sizeof load_error, "cannot load FFmpeg's %s (%s); install Debian's %s package",
                     library_names[lib], reason ? reason : "not found",
                     lib == UTIL ? "libavutil57" : lib == SCALE ? "libswscale6" : lib == CODEC ? "libavcodec59" : "libavformat59");
            return;
        }
    }
#define RESOLVE(lib, ret, name, params, args) real_##name = (__typeof__(&name))resolve(handles, lib, #name);
    CFFMPEG_FUNCTIONS(RESOLVE, RESOLVE)
    if (!load_error[0]) load_status = 0;
}

int cffmpeg_load(char *error, size_t error_size) {
    pthread_once(&load_once, load_all);
    if (load_status != 0 && error && error_size > 0) {
        snprintf(error, error_size, "%s", load_error);
    }
    return load_status;
}

// Swift code calls FFmpeg only after FFmpegLibrary.prepare() has loaded it and reported failure as an error, so
// reaching this abort means a missing prepare() call: a programming error, not a user's.
static void require_loaded(void) {
    if (__builtin_expect(cffmpeg_load(NULL, 0) != 0, 0)) {
        fprintf(stderr, "footage: %s\n", load_error);
        abort();
    }
}

#define DEFINE_RETURNING(lib, ret, name, params, args) \
    ret name params { require_loaded(); return real_##name args; }
#define DEFINE_VOID(lib, ret, name, params, args) \
    void name params { require_loaded(); real_##name args; }
CFFMPEG_FUNCTIONS(DEFINE_RETURNING, DEFINE_VOID)
