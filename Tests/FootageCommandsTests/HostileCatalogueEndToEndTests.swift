import FootageTestSupport
import Foundation
import Testing

/// SQLite files made to look like a catalogue (footage's application_id, footage's tables) with something of their
/// own added: every command refuses them before anything in them runs.
@Suite(.serialized) struct HostileCatalogueEndToEndTests {
    let samples = FootageBinary.samples

    /// A real catalogue with one clip, then changed with the `sqlite3` shell.
    private func withCatalogueChanged(_ sql: String, _ body: (FootageBinary, URL) throws -> Void) throws {
        try withCatalogFolder { footage, root throws in
            #expect(
                try footage.run(["register", samples.appendingPathComponent("checkpoint-cctv.ts").path]).status == 0)
            let edit = try CatalogueInvariants.sqlite(root, sql)
            #expect(edit.status == 0, "\(edit.stderr)")
            try body(footage, root)
        }
    }

    @Test func aTriggerOnTheLedgerIsRefusedByEveryCommandAndNeverFires() throws {
        let sql = """
            CREATE TABLE loot (what TEXT);
            CREATE TRIGGER copy_out AFTER INSERT ON ledger BEGIN INSERT INTO loot VALUES (new.payload); END;
            CREATE TRIGGER wipe AFTER INSERT ON verification BEGIN DELETE FROM ledger; END;
            """
        try withCatalogueChanged(sql) { footage, root in
            let events = try CatalogueInvariants.count(root, "SELECT count(*) FROM ledger")
            let commands = [
                ["register", samples.appendingPathComponent("handheld-rotated.mov").path], ["list", "clips"],
                ["verify"], ["seal"], ["log"], ["search", "cctv"],
            ]
            for arguments in commands {
                let result = try footage.run(arguments)
                #expect(result.status == 1, "\(arguments[0]) was not refused")
                #expect(
                    result.stderr.contains("refused: its schema is not one footage makes"),
                    "\(arguments[0]): \(result.stderr)")
                #expect(result.stderr.contains("unexpected trigger copy_out on ledger"))
                #expect(result.stderr.contains("nothing in it was run"))
            }
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM loot") == 0)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM ledger") == events)
        }
    }

    @Test func aViewShadowingATableIsRefused() throws {
        let sql = "ALTER TABLE clip RENAME TO clip_real; CREATE VIEW clip AS SELECT * FROM clip_real"
        try withCatalogueChanged(sql) { footage, _ in
            let result = try footage.run(["list", "clips"])
            #expect(result.status == 1)
            #expect(result.stderr.contains("view clip where footage has a table"), "\(result.stderr)")
        }
    }

    /// A word outside a column's vocabulary, written past the CHECK constraint: a command that reads the row stops
    /// with one line naming it, `verify` lists it with every other problem; nothing crashes.
    @Test func aWordOutsideTheVocabularyIsNamedAndNeverCrashes() throws {
        // The word ends in an escape sequence that would clear the terminal.
        let sql = "PRAGMA ignore_check_constraints = ON; UPDATE location SET kind = 'stolen' || char(27) || '[2J'"
        try withCatalogueChanged(sql) { footage, _ in
            let clip = samples.appendingPathComponent("checkpoint-cctv.ts").path
            let show = try footage.run(["show", clip])
            #expect(show.status == 1 && show.signal == nil, "\(show.stderr)")
            // The escape sequence is written out, not sent to the terminal.
            let named = #"footage: location row 1: kind "stolen\u{1b}[2J" is not a value footage knows"#
            #expect(show.stderr.hasPrefix(named), "\(show.stderr)")
            #expect(show.stderr.contains("`footage verify` lists every such row"))
            let keyframes = try footage.run(["keyframes", clip])
            #expect(keyframes.status == 1 && keyframes.signal == nil)
            #expect(keyframes.stderr.contains("location row 1: kind \"stolen"), "\(keyframes.stderr)")
            let verify = try footage.run(["verify"])
            #expect(verify.status == 1 && verify.signal == nil)
            // Event 1 registered the clip, 2 recorded its C2PA reading, 3 its location.
            #expect(
                verify.stdout.contains(#"differs from ledger event 3 in kind ("stolen\u001b[2J" where the event says"#),
                "\(verify.stdout)")
        }
    }

    @Test func aFolderWithoutACatalogueSaysHowToMakeOne() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("footage-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let list = try FootageBinary(catalog: root).run(["list", "clips"])
        #expect(list.status == 1)
        #expect(
            list.stderr
                == "footage: \(root.path): no catalogue here (no Catalog/catalog.sqlite); run `footage init`\n")
    }

    @Test func footagesApplicationIDOnAnotherSchemaIsRefused() throws {
        try withTemporaryFolder { root in
            try FileManager.default.createDirectory(
                at: root.appendingPathComponent("Catalog"),
                withIntermediateDirectories: true)
            let result = try CatalogueInvariants.sqlite(
                root,
                """
                PRAGMA application_id = 1179928369;
                CREATE TABLE ledger (seq INTEGER PRIMARY KEY, payload TEXT);
                CREATE TRIGGER t AFTER INSERT ON ledger BEGIN DELETE FROM ledger; END;
                """)
            #expect(result.status == 0)
            let list = try FootageBinary(catalog: root).run(["list", "clips"])
            #expect(list.status == 1)
            #expect(list.stderr.contains("refused: its schema is not one footage makes"), "\(list.stderr)")
        }
    }
}
