import Foundation

/// How many files or clips a workflow works on at once: what was asked for (`--jobs`, `Registrar.Options.jobs`), but
/// never more than there are items, nor more than `perCore` per core.
///
/// Each item at work holds a thread, a media worker process (with an address space of up to 4 GiB), its socket and
/// pipes and the file's descriptor. Past one per item those are started for nothing; past the cores the work, which
/// is hashing and decoding, only takes turns on them. Four per core leaves room for files that wait on a slow disk
/// or a network share, and keeps `--jobs 100000` to a handful of processes (it once started 3,146 for two files and
/// ran out of descriptors before registering either).
public enum JobCount {
    /// Items at once per core, at most.
    public static let perCore = 4

    /// The most items at once on this machine.
    public static var maximum: Int { perCore * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `requested` bounded by `items` and by `maximum`; at least 1.
    public static func bounded(_ requested: Int, items: Int) -> Int {
        max(1, min(requested, items, maximum))
    }
}
