import FootageTestSupport
import Foundation
import Testing

/// Changes made behind footage's back with the `sqlite3` shell or by editing files: `verify` names the first bad
/// event, the changed row or the changed file, and exits 1. Checkpoints (`footage seal`) prove the ledger has only
/// been appended to.
@Suite(.serialized) struct TamperEndToEndTests {
    let samples = FootageBinary.samples
    var ministry: String { samples.appendingPathComponent("ministry-upload.mp4").path }

    /// A catalogue holding two clips, keyframes, the example article and one evidence link (L1), verified clean;
    /// `body` gets a fresh copy of it for each change it makes.
    private func withEvidence(_ body: (_ copy: () throws -> (FootageBinary, URL)) throws -> Void) throws {
        try withCatalogFolder { footage, root throws in
            _ = try footage.run([
                "register", ministry, samples.appendingPathComponent("pentagon-release.webm").path,
                "--no-fingerprint",
            ])
            #expect(try footage.run(["keyframes", ministry, "--max", "4"]).status == 0)
            let article = Repository.root.appendingPathComponent("Catalog/examples/convoy-strike.md").path
            let claims = try footage.run(["article", "add", article, "--json"]).rows
            let claim = try #require(
                claims.first { ($0["text"] as? String)?.contains("YouTube") == true }?["id"] as? String)
            #expect(
                try footage.run(["link", claim, ministry, "--stance", "supports", "--from", "2", "--to", "14.5"]).status
                    == 0)
            #expect(try footage.run(["verify"]).status == 0)
            var copies: [URL] = []
            defer { for copy in copies { try? FileManager.default.removeItem(at: copy) } }
            try body {
                let folder = try temporaryFolder()
                copies.append(folder)
                let copy = folder.appendingPathComponent("catalogue")
                try FileManager.default.copyItem(at: root, to: copy)
                return (FootageBinary(catalog: copy), copy)
            }
        }
    }

    /// Runs `sql` in the `sqlite3` shell on a fresh copy, then `footage verify`.
    private func verifyAfter(_ sql: String, _ copy: () throws -> (FootageBinary, URL)) throws -> FootageBinary.Result {
        let (footage, root) = try copy()
        let edit = try CatalogueInvariants.sqlite(root, sql)
        #expect(edit.status == 0, "\(edit.stderr)")
        return try footage.run(["verify"])
    }

    @Test func changingDeletingOrReorderingALedgerRowNamesIt() throws {
        try withEvidence { copy in
            let edits = [
                "UPDATE ledger SET actor = 'someone else' WHERE seq = 3",
                "UPDATE ledger SET payload = replace(payload, '14.5', '24.5') WHERE action = 'link.add'",
                "DELETE FROM ledger WHERE seq = 3",
                // Swapping two events: the rows keep their hashes, but each now follows the wrong event.
                "UPDATE ledger SET seq = -seq WHERE seq IN (3, 4); UPDATE ledger SET seq = 4 WHERE seq = -3; "
                    + "UPDATE ledger SET seq = 3 WHERE seq = -4",
            ]
            for sql in edits {
                let result = try verifyAfter(sql, copy)
                #expect(result.status == 1, "\(sql)")
                let first = result.stdout.split(separator: "\n").first { $0.contains("ledger event") }
                #expect(first != nil, "no ledger event named after \(sql): \(result.stdout)")
                if sql.hasPrefix("UPDATE ledger SET actor") || sql.hasPrefix("DELETE") || sql.contains("seq = -seq") {
                    #expect(first?.contains("ledger event 3") == true, "\(sql): \(result.stdout)")
                }
            }
        }
    }

    @Test func editingRowsTheLedgerVouchesForNamesThem() throws {
        try withEvidence { copy in
            let edits: [(sql: String, named: String)] = [
                (#"UPDATE link SET "end" = 20.0 WHERE id = 1"#, "link L1"),
                ("UPDATE link SET stance = 'contradicts' WHERE id = 1", "link L1"),
                ("UPDATE link SET retracted_at = '2016-07-03T00:00:00Z', retracted_by = 'x' WHERE id = 1", "link L1"),
                ("UPDATE claim SET text = 'The convoy was never struck.' WHERE id = 2", "claim C2"),
                ("UPDATE article SET headline = 'Something else' WHERE id = 1", "article A1"),
                ("UPDATE keyframe SET time = time + 1 WHERE idx = 2", "keyframe 2 of extraction 1 of clip"),
                (
                    "UPDATE keyframe SET sha256 = '\(String(repeating: "0", count: 64))' WHERE idx = 2",
                    "keyframe 2 of extraction 1 of clip"
                ),
                ("UPDATE location SET path = '/elsewhere.mp4' WHERE id = 1", "/elsewhere.mp4"),
            ]
            for edit in edits {
                let result = try verifyAfter(edit.sql, copy)
                #expect(result.status == 1, "\(edit.sql)")
                #expect(result.stdout.contains("PROBLEM  \(edit.named)"), "\(edit.sql): \(result.stdout)")
            }
        }
    }

    @Test func aFlippedByteInAClipOrAKeyframeImageIsNamed() throws {
        try withEvidence { copy in
            let (footage, root) = try copy()
            let clip = root.appendingPathComponent("clip.mp4")
            try FileManager.default.copyItem(atPath: ministry, toPath: clip.path)
            #expect(try footage.run(["register", clip.path, "--no-fingerprint"]).status == 0)
            try flipByte(in: clip.path)
            let image = try CatalogueInvariants.sqlite(root, "SELECT path FROM keyframe WHERE idx = 3").stdout
                .trimmingCharacters(in: .whitespacesAndNewlines)
            try flipByte(in: root.appendingPathComponent(image).path)
            let result = try footage.run(["verify"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("PROBLEM  \(clip.path): changed"))
            #expect(result.stdout.contains("PROBLEM  \(root.appendingPathComponent(image).path): changed"))
        }
    }

    @Test func aCheckpointHoldsWhileTheLedgerIsOnlyAppendedTo() throws {
        try withEvidence { copy in
            let (footage, _) = try copy()
            let sealed = try footage.run(["seal"])
            #expect(sealed.status == 0)
            let checkpoint = sealed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(checkpoint.hasPrefix("footage-seal:v1:"))
            #expect(try footage.run(["seal"]).stdout == sealed.stdout, "the same ledger gives the same checkpoint")
            #expect(try footage.run(["assess", ministry, "--category", "original"]).status == 0)
            let after = try footage.run(["verify", "--since", checkpoint, "--json"])
            #expect(after.status == 0, "\(after.stdout)")
            let row = try #require(after.rows.first { $0["source"] as? String == "given" })
            #expect(row["holds"] as? Bool == true && row["appended"] as? Int == 1)
            #expect(try footage.run(["verify", "--since", "footage-seal:v1:3:nothex"]).status == 64)
        }
    }

    @Test func aCheckpointNamesRemovedOrRewrittenEvents() throws {
        try withEvidence { copy in
            // The newest event removed with its seal: the chain left is valid, only the published line tells.
            let truncated = try sealThenChange(
                "DELETE FROM ledger WHERE seq = (SELECT max(seq) FROM ledger); DELETE FROM seal", copy)
            #expect(truncated.verify.status == 1)
            #expect(truncated.verify.stdout.contains("checkpoint \(truncated.checkpoint): the ledger now has"))
            #expect(truncated.verify.stdout.contains("events were removed"))

            let rewritten = try sealThenChange("UPDATE ledger SET actor = 'someone else' WHERE seq = 2", copy)
            #expect(rewritten.verify.status == 1)
            #expect(rewritten.verify.stdout.contains("PROBLEM  checkpoint \(rewritten.checkpoint): ledger event 2"))
            // The seal kept in the catalogue is checked by every verify, and a broken chain is not sealed.
            #expect(try rewritten.footage.run(["verify"]).stdout.contains("PROBLEM  seal 1 footage-seal:v1:"))
            let refused = try rewritten.footage.run(["seal"])
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("nothing sealed (run `footage verify`)"), "\(refused.stderr)")
        }
    }

    /// Seals a fresh copy, changes it with `sql`, and verifies it against the checkpoint.
    private func sealThenChange(_ sql: String, _ copy: () throws -> (FootageBinary, URL))
        throws -> (checkpoint: String, footage: FootageBinary, verify: FootageBinary.Result)
    {
        let (footage, root) = try copy()
        let checkpoint = try footage.run(["seal"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try CatalogueInvariants.sqlite(root, sql).status == 0)
        return (checkpoint, footage, try footage.run(["verify", "--since", checkpoint]))
    }

    private func flipByte(in path: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        bytes[bytes.count / 2] ^= 0xff
        try bytes.write(to: URL(fileURLWithPath: path))
    }
}
