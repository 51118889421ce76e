import FootageTestSupport
import Foundation
import Testing

/// The hostile media corpus (`HostileCorpus`) through the built binary, as an investigator meets it: hundreds of
/// damaged, absurd and disguised files in one folder, probed, registered in one process, their keyframes extracted
/// and fingerprints computed. footage must not crash or hang, must open no other file and contact no server, must
/// say in one line per file what is wrong, and must leave the catalogue as it was for every file it refused.
/// `FOOTAGE_HOSTILE_COUNT` (byte-flipped copies per sample, default 60) scales it up for a stress run.
@Suite(.serialized, .hostileCorpus) struct HostileCorpusEndToEndTests {
    /// The hang guard (see `runWatched`): far above footage's own 20 s probing deadline, so only a hang trips it.
    static let stallLimit = 120.0

    @Test func probingTheCorpusNeverCrashesHangsOrOpensAnythingElse() throws {
        let corpus = try #require(HostileCorpusScope.current)
        let result = try FootageBinary.run(
            [], ["probe", "--json"] + corpus.files.map(\.path),
            stallLimit: Self.stallLimit)
        let probed = Set(result.rows.compactMap { ($0["format"] as? [String: Any])?["filename"] as? String })
        let lines = result.stderr.split(separator: "\n")
        let failed = HostileRun(corpus: corpus, command: "probe", result: result)
            .check(over: corpus.files, failureLines: lines, succeeded: probed)
        // Playlists, manifests and session descriptions are refused or not media; never read as footage.
        for file in corpus.files where file.path.contains("/disguised/") && !file.lastPathComponent.hasPrefix("dref-") {
            #expect(failed.contains(file), "\(file.lastPathComponent) was read as media")
            let line = lines.first { $0.hasPrefix(file.path + ": ") } ?? ""
            #expect(line.contains(": refused: ") || line.contains(": not a media file ("), "\(line)")
        }
        // At most 64 streams are read (`max_streams`).
        let streams = { (total: Int) in corpus.folder.appendingPathComponent("absurd/streams-\(total).mp4") }
        #expect(probed.contains(streams(64).path))
        #expect(failed.isSuperset(of: [streams(65), streams(300)]))
    }

    @Test func registeringTheCorpusAddsOnlyWhatItAccepted() throws {
        let corpus = try #require(HostileCorpusScope.current)
        try withCatalogFolder { footage, root throws in
            #expect(try footage.run(["register", FootageBinary.samples.path, "--no-fingerprint"]).status == 0)
            let before = try CatalogueState(footage)
            let result = try footage.run(
                ["register", corpus.folder.path, "--json", "--no-fingerprint"],
                stallLimit: Self.stallLimit)
            let rows = result.rows
            let errors = rows.filter { $0["status"] as? String == "error" }
            let accepted = Set(rows.filter { $0["status"] as? String != "error" }.compactMap { $0["path"] as? String })
            let failed = HostileRun(corpus: corpus, command: "register", result: result).check(
                over: corpus.files, failureLines: errors.compactMap { $0["message"] as? String }.map { $0[...] },
                succeeded: accepted)
            #expect(rows.count == corpus.files.count)
            let hashed = errors.filter { $0["sha256"] is String }.compactMap { $0["message"] as? String }
            #expect(hashed.isEmpty, "files that failed were hashed into the catalogue: \(hashed)")

            let after = try CatalogueState(footage)
            let added = Set(
                rows.filter { $0["status"] as? String == "registered" }
                    .compactMap { $0["sha256"] as? String })
            #expect(after.clips == before.clips + added.count)
            #expect(after.events == before.events + rows.reduce(0) { $0 + (($1["events"] as? [Any])?.count ?? 0) })
            #expect(after.locations.isDisjoint(with: failed.map(\.path)), "a refused file has a location")
            #expect(try footage.run(["verify"], stallLimit: Self.stallLimit).status == 0)
            #expect(corpus.filesHoldingTheToken(under: root).isEmpty, "the secret reached the catalogue")
        }
    }

    /// Part of the corpus through the steps that decode every picture: registration with fingerprints and keyframes,
    /// keyframes of the files as they are (not catalogued), and fingerprints computed again.
    @Test func keyframesAndFingerprintsOfTheCorpusFailCleanly() throws {
        let corpus = try #require(HostileCorpusScope.current)
        let files = corpus.decodingSubset
        try withCatalogFolder { footage, root throws in
            let registered = try footage.run(
                ["register", "--json", "--keyframes"] + files.map(\.path),
                stallLimit: Self.stallLimit)
            let errors = registered.rows.filter { $0["status"] as? String == "error" }
            let accepted = registered.rows.filter { $0["status"] as? String != "error" }
                .compactMap { $0["path"] as? String }
            HostileRun(corpus: corpus, command: "register --keyframes", result: registered).check(
                over: files, failureLines: errors.compactMap { $0["message"] as? String }.map { $0[...] },
                succeeded: Set(accepted))
            // A file registered whose keyframes or fingerprint then failed keeps no trace of the failed step.
            let state = try CatalogueState(footage)
            for row in errors {
                guard let sha256 = row["sha256"] as? String, let message = row["message"] as? String else { continue }
                if message.contains("keyframes failed") {
                    #expect(!state.extracted.contains(sha256), "\(message)")
                }
                if message.contains("fingerprint failed") {
                    #expect(!state.fingerprinted.contains(sha256), "\(message)")
                }
            }

            let out = root.appendingPathComponent("stills")
            let stills = try FootageBinary.run(
                [],
                [
                    "keyframes", "--json", "--mode", "interval", "--every", "7",
                    "--max", "3", "--out", out.path,
                ] + files.map(\.path),
                stallLimit: Self.stallLimit)
            HostileRun(corpus: corpus, command: "keyframes", result: stills).check(
                over: files, failureLines: stills.stderr.split(separator: "\n"),
                succeeded: Set(stills.rows.compactMap { $0["file"] as? String }))

            let refs = Array(accepted.filter { $0.contains("/absurd/") }.prefix(4))
            let fingerprints = try footage.run(
                ["fingerprint", "--json", "--rate", "2"] + refs,
                stallLimit: Self.stallLimit)
            #expect(fingerprints.signal == nil && !fingerprints.stalled)
            #expect(
                fingerprints.rows.count + fingerprints.stderr.split(separator: "\n").count == refs.count,
                "\(fingerprints.stderr)")
            #expect(!fingerprints.stdout.contains(corpus.token) && !fingerprints.stderr.contains(corpus.token))

            #expect(try footage.run(["verify"], stallLimit: Self.stallLimit).status == 0)
            #expect(corpus.filesHoldingTheToken(under: root).isEmpty, "the secret reached the catalogue or a still")
        }
    }
}

/// Makes the hostile corpus once for the suite it marks, with a loopback listener its disguised files point at, and
/// afterwards removes it and checks that the listener never had a connection. `FOOTAGE_HOSTILE_KEEP=1` keeps the
/// corpus to look into a failure.
struct HostileCorpusScope: SuiteTrait, TestScoping {
    @TaskLocal static var current: HostileCorpus?

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void)
        async throws
    {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("footage-hostile-\(UUID().uuidString)")
        let keep = ProcessInfo.processInfo.environment["FOOTAGE_HOSTILE_KEEP"] == "1"
        defer {
            if keep {
                print("hostile corpus kept in \(root.path)")
            } else {
                try? FileManager.default.removeItem(at: root)
            }
        }
        let listener = try LocalListener()
        let corpus = try HostileCorpus.make(in: root, scale: .standard, port: listener.port)
        // The leak check finds the token where it is, and only there.
        #expect(corpus.filesHoldingTheToken(under: root) == [corpus.secret.path])
        try await Self.$current.withValue(corpus) { try await function() }
        #expect(listener.stop() == 0, "footage connected to the server a disguised file named")
    }
}

extension Trait where Self == HostileCorpusScope {
    static var hostileCorpus: Self { Self() }
}

/// What the catalogue holds, read with the sqlite3 shell: counts, and the files and clips rows refer to.
struct CatalogueState {
    var clips = 0
    var events = 0
    var locations: Set<String> = []
    /// SHA-256 of clips with a keyframe extraction, and with a fingerprint.
    var extracted: Set<String> = []
    var fingerprinted: Set<String> = []

    init(_ footage: FootageBinary) throws {
        let database = footage.catalog.appendingPathComponent("Catalog/catalog.sqlite").path
        func query(_ sql: String) throws -> [Substring] {
            let result = try runProcess("/usr/bin/sqlite3", ["-readonly", database, sql])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stdout.split(separator: "\n")
        }
        clips = Int(try query("SELECT count(*) FROM clip").first ?? "") ?? -1
        events = Int(try query("SELECT count(*) FROM ledger").first ?? "") ?? -1
        locations = Set(try query("SELECT path FROM location").map(String.init))
        let clipsIn = { (table: String) in
            Set(try query("SELECT sha256 FROM clip WHERE id IN (SELECT clip_id FROM \(table))").map(String.init))
        }
        extracted = try clipsIn("extraction")
        fingerprinted = try clipsIn("fingerprint")
    }
}
