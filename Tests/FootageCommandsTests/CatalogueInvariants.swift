import FootageCore
import FootageTestSupport
import Foundation
import Testing

/// What must hold of a catalogue folder whatever happened to the processes writing it: SQLite's integrity check
/// passes, `footage verify` passes, and nothing is recorded twice (these tests never ask for a second fingerprint).
/// Each returns the problems found (none when it holds), so that a test can say everything that broke in one trial.
enum CatalogueInvariants {
    static func problems(_ footage: FootageBinary, _ root: URL) throws -> [String] {
        var found: [String] = []
        let integrity = try sqlite(root, "PRAGMA integrity_check")
        if integrity.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != "ok" {
            found.append("integrity_check: \(integrity.stdout)\(integrity.stderr)")
        }
        let verify = try footage.run(["verify"])
        if verify.status != 0 { found.append("verify exited \(verify.status): \(verify.stdout.suffix(1500))") }
        let twice = try sqlite(
            root,
            """
            SELECT 'clip ' || sha256 FROM clip GROUP BY sha256 HAVING count(*) > 1
            UNION ALL SELECT 'location ' || path FROM location GROUP BY clip_id, path HAVING count(*) > 1
            UNION ALL SELECT 'extraction ' || params FROM extraction GROUP BY clip_id, params HAVING count(*) > 1
            UNION ALL SELECT 'registration event ' || subject FROM ledger WHERE action = 'clip.register'
                GROUP BY subject HAVING count(*) > 1
            UNION ALL SELECT 'fingerprint event ' || subject FROM ledger WHERE action = 'clip.fingerprint'
                GROUP BY subject HAVING count(*) > 1
            """)
        found += twice.stdout.split(separator: "\n").map { "recorded twice: \($0)" }
        return found
    }

    /// Temporary names in `Media/` and `Catalog/`, and keyframe folders no extraction records.
    static func leftovers(_ root: URL) throws -> [String] {
        let fm = FileManager.default
        var found: [String] = []
        for folder in ["Media", "Catalog"] {
            let url = root.appendingPathComponent(folder)
            found += try fm.contentsOfDirectory(atPath: url.path).filter { $0.hasPrefix(TemporaryName.prefix) }
                .map { url.appendingPathComponent($0).path }
        }
        let recorded = Set(
            try sqlite(root, "SELECT folder FROM extraction").stdout.split(separator: "\n").map(String.init))
        let keyframes = root.appendingPathComponent("Catalog/keyframes")
        for clip in try fm.contentsOfDirectory(atPath: keyframes.path) {
            for name in try fm.contentsOfDirectory(atPath: keyframes.appendingPathComponent(clip).path)
            where name.hasPrefix(".") || !recorded.contains("Catalog/keyframes/\(clip)/\(name)") {
                found.append(keyframes.appendingPathComponent(clip).appendingPathComponent(name).path)
            }
        }
        return found
    }

    /// Runs the `sqlite3` shell on the catalogue, as someone inspecting (or tampering with) it would.
    static func sqlite(_ root: URL, _ sql: String) throws -> ProcessOutcome {
        try runProcess("/usr/bin/sqlite3", [root.appendingPathComponent("Catalog/catalog.sqlite").path, sql])
    }

    static func count(_ root: URL, _ sql: String) throws -> Int {
        Int(try sqlite(root, sql).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
}
