// Every function of the C2PA library footage calls, one line each: return type, name, parameters, arguments.
// C2PALoader.c defines each as a stub that calls the function resolved from the shared library when it was loaded.
// The compiler checks every line against the declaration in include/CC2PA.h.
// R: functions that return a value; V: functions returning void.

#define CC2PA_FUNCTIONS(R, V) \
    R(C2paStream *, c2pa_create_stream, (StreamContext *context, CC2paReadCallback reader, CC2paSeekCallback seeker, CC2paWriteCallback writer, CC2paFlushCallback flusher), (context, reader, seeker, writer, flusher)) \
    V(void, c2pa_release_stream, (C2paStream *stream), (stream)) \
    R(C2paReader *, c2pa_reader_from_stream, (const char *format, C2paStream *stream), (format, stream)) \
    R(char *, c2pa_reader_json, (C2paReader *reader), (reader)) \
    V(void, c2pa_reader_free, (C2paReader *reader), (reader)) \
    R(char *, c2pa_error, (void), ()) \
    V(void, c2pa_string_free, (char *text), (text)) \
    R(char *, c2pa_version, (void), ()) \
    R(int, c2pa_load_settings, (const char *settings, const char *format), (settings, format))
