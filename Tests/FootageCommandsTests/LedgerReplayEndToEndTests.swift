import FootageTestSupport
import Foundation
import Testing

/// Every table is what the ledger's events say it is: a row deleted or edited with the `sqlite3` shell, in any
/// column, is named by `verify`, also when the ledger itself is intact and a published seal still holds.
@Suite(.serialized) struct LedgerReplayEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }
    var handheld: String { samples.appendingPathComponent("handheld-rotated.mov").path }

    /// A catalogue with two registered clips (the ministry's with its acquisition, keyframes and fingerprint; a
    /// phone clip with make and model), the example article, an evidence link and an assessment, verified clean and
    /// sealed. `body` gets a fresh copy for each change, with the seal line.
    private func withRecords(_ body: (_ copy: () throws -> (FootageBinary, URL), _ seal: String) throws -> Void)
        throws
    {
        try withCatalogFolder { footage, root throws in
            let registered = try footage.run([
                "register", ministry, "--source", "Ministry of Defence", "--platform", "YouTube", "--note", "first",
            ])
            #expect(registered.status == 0, "\(registered.stderr)")
            #expect(try footage.run(["register", handheld, "--no-fingerprint"]).status == 0)
            #expect(try footage.run(["keyframes", ministry, "--max", "3"]).status == 0)
            let claims = try footage.run(["article", "add", Repository.exampleArticle.path, "--json"]).rows
            let claim = try #require(
                claims.first { ($0["text"] as? String)?.contains("YouTube") == true }?["id"] as? String)
            let link = try footage.run([
                "link", claim, ministry, "--stance", "supports", "--from", "2", "--to", "9", "--note", "the convoy",
            ])
            #expect(link.status == 0, "\(link.stderr)")
            #expect(try footage.run(["assess", ministry, "--category", "staged", "--note", "re-enacted"]).status == 0)
            #expect(try footage.run(["verify"]).status == 0)
            let seal = try footage.run(["seal"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            var copies: [URL] = []
            defer { for copy in copies { try? FileManager.default.removeItem(at: copy) } }
            try body(
                {
                    let folder = try temporaryFolder()
                    copies.append(folder)
                    let copy = folder.appendingPathComponent("catalogue")
                    try FileManager.default.copyItem(at: root, to: copy)
                    return (FootageBinary(catalog: copy), copy)
                }, seal)
        }
    }

    /// Each change behind footage's back, and words the problem `verify` reports about it must contain.
    static let changes: [(sql: String, named: String)] = [
        // Deleted.
        ("DELETE FROM link", "link L1: recorded by ledger event"),
        ("DELETE FROM link; DELETE FROM claim WHERE id = (SELECT min(id) FROM claim)", "claim C1: recorded by"),
        ("DELETE FROM link; DELETE FROM claim; DELETE FROM article", "article A1: recorded by"),
        ("DELETE FROM acquisition", "acquisition 1 of clip"),
        ("DELETE FROM assessment", "assessment 1 of clip"),
        ("DELETE FROM fingerprint", "fingerprint of clip"),
        ("DELETE FROM location WHERE id = 1", "location \(FootageBinary.samples.path)/ministry-upload.mp4: recorded"),
        (
            """
            PRAGMA foreign_keys = OFF; DELETE FROM stream WHERE clip_id = 2; DELETE FROM tag WHERE clip_id = 2;
            DELETE FROM acquisition WHERE clip_id = 2; DELETE FROM location WHERE clip_id = 2;
            DELETE FROM clip WHERE id = 2
            """, "(deleted outside footage)"
        ),
        // Edited: what a clip says about itself.
        ("UPDATE clip SET latitude = 48.8566, longitude = 2.3522 WHERE id = 1", "in latitude (48.8566 where"),
        ("UPDATE clip SET creation_time = '2016-07-01T10:00:00Z' WHERE id = 1", "in creation_time"),
        ("UPDATE clip SET title = 'Another strike' WHERE id = 1", "in title"),
        ("UPDATE clip SET duration = 12.5 WHERE id = 1", "in duration"),
        ("UPDATE clip SET width = 1920, height = 1080 WHERE id = 1", "in width"),
        ("UPDATE clip SET video_codec = 'hevc' WHERE id = 1", "in video_codec"),
        ("UPDATE clip SET make = 'Canon', model = 'EOS' WHERE id = 2", "in make"),
        ("UPDATE tag SET value = 'Lavf60' WHERE id = 1", "tag "),
        ("UPDATE stream SET codec_name = 'vp9' WHERE clip_id = 1 AND stream_index = 0", "stream 0 of clip"),
        ("UPDATE claim SET attribution = 'a spokesman' WHERE id = 1", "claim C1: differs"),
        ("UPDATE location SET kind = 'copy' WHERE id = 1", "in kind (\"copy\" where the event says \"original\")"),
        // Edited: who and when.
        ("UPDATE clip SET registered_by = 'someone else' WHERE id = 1", "in registered_by"),
        ("UPDATE clip SET registered_at = '2016-07-01T00:00:00.000Z' WHERE id = 1", "in registered_at"),
        ("UPDATE link SET created_by = 'someone else'", "link L1: differs from ledger event"),
        ("UPDATE link SET created_at = '2016-07-01T00:00:00.000Z'", "in created_at"),
        ("UPDATE claim SET created_by = 'x' WHERE id = 2", "claim C2: differs"),
        ("UPDATE article SET imported_by = 'x'", "article A1: differs"),
        ("UPDATE acquisition SET recorded_by = 'x'", "in recorded_by"),
        ("UPDATE assessment SET created_at = '2016-07-01T00:00:00.000Z'", "assessment 1 of clip"),
        ("UPDATE extraction SET created_by = 'x'", "keyframe extraction 1 of clip"),
        ("UPDATE fingerprint SET created_by = 'x'", "fingerprint of clip"),
        ("UPDATE location SET first_seen = '2016-07-01T00:00:00.000Z' WHERE id = 1", "in first_seen"),
        // A note that was never written, found by search.
        ("INSERT INTO search (kind, ref, field, text) VALUES ('link', 'L1', 'note', 'fabricated')", "search entry"),
        // The ledger's own text: a key given twice, other white space.
        (
            #"UPDATE ledger SET payload = substr(payload, 1, length(payload) - 1) || ',"stance":"contradicts"}' "#
                + "WHERE action = 'link.add'", #"duplicate key "stance""#
        ),
        ("UPDATE ledger SET payload = replace(payload, '\",\"', '\", \"') WHERE seq = 1", "canonical JSON"),
    ]

    @Test func everyDeletionAndEditIsNamedAlsoSinceAPublishedSeal() throws {
        try withRecords { copy, seal in
            for change in Self.changes {
                let (footage, root) = try copy()
                let edit = try CatalogueInvariants.sqlite(root, change.sql)
                #expect(edit.status == 0, "\(change.sql): \(edit.stderr)")
                let result = try footage.run(["verify", "--ledger-only", "--since", seal])
                #expect(result.status == 1, "\(change.sql): \(result.stdout)")
                #expect(result.stdout.contains(change.named), "\(change.sql): \(result.stdout)")
                // The seal's chain still holds: the replay, not the chain, found the change.
                if !change.sql.contains("UPDATE ledger") {
                    #expect(!result.stdout.contains("PROBLEM  checkpoint"), "\(change.sql): \(result.stdout)")
                }
            }
        }
    }

    @Test func theLatestAssessmentDeletedDoesNotSilentlyRestoreAnEarlierOne() throws {
        try withRecords { copy, _ in
            let (footage, root) = try copy()
            #expect(try footage.run(["assess", ministry, "--category", "original"]).status == 0)
            _ = try CatalogueInvariants.sqlite(root, "DELETE FROM assessment WHERE id = 2")
            let result = try footage.run(["verify", "--ledger-only"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("PROBLEM  assessment 2 of clip"), "\(result.stdout)")
        }
    }

    @Test func anUntouchedCopyVerifiesAndRecordsTheRun() throws {
        try withRecords { copy, seal in
            let (footage, _) = try copy()
            let result = try footage.run(["verify", "--since", seal, "--json"])
            #expect(result.status == 0, "\(result.stdout)")
            let log = try footage.run(["log", "--json"]).rows
            #expect(log.last?["action"] as? String == "catalog.verify")
        }
    }

    /// An auditor given a write-blocked copy can verify it: as another, unprivileged user when the tests run as root
    /// (root may write anything), else as the user running them; the run is reported, not recorded.
    @Test func aReadOnlyCopyVerifiesWithoutBeingWritten() throws {
        try withRecords { copy, seal in
            let (_, root) = try copy()
            try FileManager.default.setAttributes(
                [.posixPermissions: 0o755], ofItemAtPath: root.deletingLastPathComponent().path)
            let before = try CatalogueInvariants.sqlite(root, "SELECT count(*) FROM ledger").stdout
            #expect(try runProcess("/bin/chmod", ["-R", "a-w", root.path]).status == 0)
            defer { _ = try? runProcess("/bin/chmod", ["-R", "u+w", root.path]) }
            let verify = [FootageBinary.path, "verify", "--catalog", root.path, "--since", seal]
            let result =
                getuid() == 0
                ? try runProcess("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups"] + verify)
                : try runProcess(verify[0], Array(verify.dropFirst()))
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("verified: no problems"), "\(result.stdout)")
            #expect(result.stderr.contains("read-only; this run is not recorded"), "\(result.stderr)")
            #expect(try CatalogueInvariants.sqlite(root, "SELECT count(*) FROM ledger").stdout == before)
            let left = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Catalog").path)
            #expect(!left.contains { $0.hasSuffix("-wal") || $0.hasSuffix("-shm") }, "\(left)")
        }
    }
}
