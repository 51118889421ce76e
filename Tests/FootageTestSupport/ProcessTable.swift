import Foundation

/// What the suites learn about other processes from /proc: which run with a given environment (a worker started with
/// a test fault), and which files each holds open (a catalogue, the media file of a task).
public enum ProcessTable {
    /// Running processes (not zombies) whose environment contains `text`.
    public static func processes(withEnvironment text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let state = stat.split(separator: ")").last?.split(separator: " ").first, state != "Z",
                let environment = FileManager.default.contents(atPath: "/proc/\(pid)/environ")
            else { return false }
            return environment.range(of: Data(text.utf8)) != nil
        }
    }

    /// Where a process's open descriptors lead.
    public static func openFiles(of pid: Int32) -> [String] {
        let folder = "/proc/\(pid)/fd"
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).compactMap {
            try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)")
        }
    }
}
