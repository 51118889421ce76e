import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Who is making a change: `--by NAME`, else the login name, recorded as the ledger event's actor.
public enum Analyst {
    public static func name(_ explicit: String?) -> String {
        if let explicit, !explicit.trimmingCharacters(in: .whitespaces).isEmpty { return explicit }
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "unknown"
    }
}
