import Foundation

/// The one name footage gives a file or folder while it is being written: `.footage-tmp-<pid>-<UUID>`.
///
/// Everything footage puts in place by renaming (evidentiary copies, keyframe images and folders, contact sheets,
/// reports) is first written under such a name, so a kill leaves only names of this one pattern behind, never a
/// partial file under a real name. The writer's process id in the name lets the sweep that removes leftovers tell
/// what belongs to a process that has ended from what another footage process is writing right now; the whole
/// pattern (hidden, the prefix, a decimal pid, an upper-case UUID) lets it recognise what footage made.
public struct TemporaryName: Sendable, Equatable {
    public static let prefix = ".footage-tmp-"

    /// The whole name.
    public let text: String
    /// The process that wrote (or is writing) it.
    public let writer: pid_t

    /// A fresh name for this process.
    public init() {
        writer = getpid()
        text = "\(Self.prefix)\(writer)-\(UUID().uuidString)"
    }

    /// Reads `name` back; nil unless it is exactly of footage's pattern.
    public init?(_ name: String) {
        guard name.hasPrefix(Self.prefix) else { return nil }
        let rest = name.dropFirst(Self.prefix.count)
        guard let dash = rest.firstIndex(of: "-") else { return nil }
        let digits = rest[..<dash]
        let uuid = rest[rest.index(after: dash)...]
        guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let pid = pid_t(digits), pid > 0,
            let parsed = UUID(uuidString: String(uuid)), parsed.uuidString == uuid
        else { return nil }
        text = name
        writer = pid
    }

    /// Whether the process that wrote it has ended, so that what it left can be removed. A process id reused by
    /// another process only keeps a leftover until that process ends too.
    public var writerHasEnded: Bool {
        if writer == getpid() { return false }
        return kill(writer, 0) != 0 && errno == ESRCH
    }
}
