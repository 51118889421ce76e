import CC2PA

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a media file's C2PA manifest store with the C2PA reference library, through the descriptor the file was
/// opened (and hashed) with: the manifest validated is the one in the bytes registered.
///
/// A manifest is untrusted input: this runs where probing runs, in a media worker when footage isolates media work
/// (`MediaRunner`), under the same memory, CPU and wall-time limits. The library reads through a stream of footage's
/// (`cc2pa_descriptor_stream_create`) that can only read; its answer is bounded (`ContentCredentials.reading`).
public enum ContentCredentialsReader {
    /// The manifest store of `file`, whose container FFmpeg named `formatName`. Never throws: a file without a store,
    /// a store that fails to read, a missing library are states of the answer.
    public static func read(file: MediaFile, formatName: String) -> ContentCredentials {
        let version: String
        switch C2PALibrary.loaded {
        case .success(let loaded): version = loaded
        case .failure(let unavailable): return .notChecked(unavailable.reason)
        }
        guard let format = libraryFormat(formatName) else {
            return ContentCredentials(
                state: .notChecked, reason: "the C2PA library reads no manifest in \(formatName)", library: version)
        }
        guard let stream = cc2pa_descriptor_stream_create(file.descriptor, file.size) else {
            return ContentCredentials(state: .unreadable, reason: "out of memory", library: version)
        }
        defer { cc2pa_descriptor_stream_free(stream) }
        guard let reader = c2pa_reader_from_stream(format, cc2pa_descriptor_stream_get(stream)) else {
            return .reading(error: C2PALibrary.takeError(), library: version)
        }
        defer { c2pa_reader_free(reader) }
        guard let json = c2pa_reader_json(reader) else {
            return .reading(error: C2PALibrary.takeError(), library: version)
        }
        defer { c2pa_string_free(json) }
        // Measured before it is copied: a store too large to keep is refused without copying it.
        let length = strnlen(json, ContentCredentials.maximumJSONBytes + 1)
        guard length <= ContentCredentials.maximumJSONBytes else {
            return ContentCredentials(
                state: .unreadable, reason: "its manifest store is more than footage keeps (4 MiB as JSON)",
                library: version)
        }
        return .reading(json: String(cString: json), library: version)
    }

    /// The format to name to the library for an FFmpeg demuxer, or nil for containers the library does not read.
    /// MP4 and QuickTime are both ISO base media files to it.
    public static func libraryFormat(_ formatName: String) -> String? {
        let names = Set(formatName.split(separator: ",").map(String.init))
        if names.contains("mov") || names.contains("mp4") { return "video/mp4" }
        if names.contains("avi") { return "video/avi" }
        if names.contains("wav") { return "audio/wav" }
        if names.contains("mp3") { return "audio/mpeg" }
        if names.contains("flac") { return "audio/flac" }
        return nil
    }
}
