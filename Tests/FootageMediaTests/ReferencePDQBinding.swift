import FootageMedia
import FootageTestSupport
import Foundation

/// The reference PDQ implementation's Python binding (PyPI `pdqhash`), run on image files decoded by the ffmpeg tool
/// (`Tests/Fixtures/pdq/hash_stills.py`): a second opinion on stills, from code that is not footage's. `make test-deps`
/// installs it in `.build-venv`; without it the suites leave the cross-check out and say so.
enum ReferencePDQBinding {
    static let script = Repository.fixtures.appendingPathComponent("pdq/hash_stills.py").path

    /// A Python that imports `pdqhash` and `numpy`: `FOOTAGE_PYTHON`, the repository's `.build-venv`, or the system's.
    static let python: String? = {
        var candidates = [Repository.root.appendingPathComponent(".build-venv/bin/python3").path]
        if let explicit = ProcessInfo.processInfo.environment["FOOTAGE_PYTHON"] { candidates.insert(explicit, at: 0) }
        if let found = ExternalTool.find("python3") { candidates.append(found) }
        return candidates.first { path in
            FileManager.default.isExecutableFile(atPath: path)
                && (try? ExternalTool.run(path, ["-c", "import pdqhash, numpy"]).status) == 0
        }
    }()

    /// The binding's hash and quality of each file, in order; nil when no Python has it.
    static func hash(_ files: [String]) throws -> [PDQResult]? {
        guard let python, !files.isEmpty else { return nil }
        let outcome = try ExternalTool.run(python, [script] + files)
        guard outcome.status == 0 else { throw FixtureFailure("hash_stills.py: \(outcome.stderr)") }
        return try outcome.stdout.split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            guard fields.count == 2, let hash = PDQHash(hex: String(fields[0])), let quality = Int(fields[1]) else {
                throw FixtureFailure("hash_stills.py printed \(line)")
            }
            return PDQResult(hash: hash, quality: quality)
        }
    }
}
