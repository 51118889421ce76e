import FootageTestSupport
import Foundation
import GRDB
import Testing

@testable import FootageCatalog

@Suite struct CatalogTests {
    @Test func registeringTheSameBytesTwiceKeepsOneClip() throws {
        try withTemporaryCatalog { catalog in
            let first = try catalog.register(
                sampleRegistration(seed: 1, path: "/footage/a.mp4", publisher: "Ministry"), actor: "analyst")
            let again = try catalog.register(
                sampleRegistration(seed: 1, path: "/footage/copy-of-a.mp4"), actor: "analyst")
            let same = try catalog.register(sampleRegistration(seed: 1, path: "/footage/a.mp4"), actor: "analyst")
            #expect(first.status == .registered)
            #expect(again.status == .known)
            #expect(again.clipId == first.clipId)
            #expect(again.addedLocations == ["/footage/copy-of-a.mp4"])
            #expect(same.addedLocations.isEmpty && same.events.isEmpty)
            #expect(try catalog.clipSummaries().count == 1)
            let detail = try catalog.detail(of: try catalog.clip(matching: first.sha256))
            #expect(detail.locations.map(\.path) == ["/footage/a.mp4", "/footage/copy-of-a.mp4"])
            #expect(detail.acquisitions.first?.publisher == "Ministry")
            #expect(detail.streams.first?.codecName == "h264")
        }
    }

    @Test func everyChangeAppendsOneChainedLedgerEvent() throws {
        try withTemporaryCatalog { catalog in
            _ = try catalog.register(sampleRegistration(seed: 1, path: "/a.mp4", publisher: "Ministry"), actor: "ana")
            _ = try catalog.register(sampleRegistration(seed: 2, path: "/b.mp4"), actor: "ben")
            let events = try catalog.ledgerEvents()
            #expect(
                events.map(\.action.rawValue)
                    == ["clip.register", "location.add", "acquisition.add", "clip.register", "location.add"])
            #expect(events.map(\.seq) == [1, 2, 3, 4, 5])
            #expect(events[0].prevHash == LedgerEvent.genesisHash)
            for (previous, event) in zip(events, events.dropFirst()) { #expect(event.prevHash == previous.hash) }
            #expect(events.allSatisfy { $0.recomputedHash == $0.hash })
            #expect(events[3].actor == "ben")
            #expect(try catalog.ledgerProblems().isEmpty)
        }
    }

    @Test func editingALedgerRowIsNamedByTheCheck() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...3 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            try catalog.write { db in try db.execute(sql: "UPDATE ledger SET actor = 'mallory' WHERE seq = 3") }
            let problems = try catalog.ledgerProblems()
            #expect(problems.first?.subject == "ledger event 3")
        }
    }

    @Test func deletingALedgerRowIsNamedByTheCheck() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...3 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            try catalog.write { db in try db.execute(sql: "DELETE FROM ledger WHERE seq = 2") }
            #expect(try catalog.ledgerProblems().first?.subject == "ledger event 2")
        }
    }

    @Test func rewritingTheWholeTailWithNewHashesStillBreaksAtTheEditedRow() throws {
        try withTemporaryCatalog { catalog in
            for seed in 1...2 {
                _ = try catalog.register(sampleRegistration(seed: seed, path: "/\(seed).mp4"), actor: "a")
            }
            try catalog.write { db in
                try db.execute(sql: "UPDATE ledger SET payload = '{\"path\":\"/elsewhere\"}' WHERE seq = 2")
            }
            #expect(try catalog.ledgerProblems().first?.subject == "ledger event 2")
        }
    }

    @Test func clipReferencesResolveByPrefixAndPath() throws {
        try withTemporaryCatalog { catalog in
            let a = try catalog.register(sampleRegistration(seed: 0xab, path: "/x/a.mp4"), actor: "a")
            #expect(try catalog.clip(matching: String(a.sha256.prefix(6))).sha256 == a.sha256)
            #expect(try catalog.clip(matching: a.sha256.uppercased()).sha256 == a.sha256)
            #expect(try catalog.clip(matching: "/x/a.mp4").sha256 == a.sha256)
            #expect(throws: CatalogError.self) { try catalog.clip(matching: "abab") }
            #expect(throws: CatalogError.self) { try catalog.clip(matching: "cdcdcd") }
            #expect(throws: CatalogError.self) { try catalog.clip(matching: "/nowhere.mp4") }
        }
    }

    @Test func anAmbiguousPrefixIsRefused() throws {
        try withTemporaryCatalog { catalog in
            var one = sampleRegistration(seed: 1, path: "/1.mp4")
            one.clip.sha256 = "abcdef" + String(repeating: "1", count: 58)
            var two = sampleRegistration(seed: 2, path: "/2.mp4")
            two.clip.sha256 = "abcdef" + String(repeating: "2", count: 58)
            _ = try catalog.register(one, actor: "a")
            _ = try catalog.register(two, actor: "a")
            do {
                _ = try catalog.clip(matching: "abcdef")
                Issue.record("expected an ambiguity error")
            } catch let error as CatalogError {
                #expect(error.kind == .ambiguousReference)
            }
            #expect(try catalog.clip(matching: "abcdef1").sha256 == one.clip.sha256)
        }
    }

    @Test func aSQLiteFileThatIsNotACatalogIsRefused() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: root.appendingPathComponent("Catalog/catalog.sqlite").path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes(x)") }
        try queue.close()
        do {
            _ = try Catalog.open(root: root)
            Issue.record("expected a refusal")
        } catch let error as CatalogError {
            #expect(error.kind == .notACatalog)
            #expect(error.description.contains("not a footage catalogue"))
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("Catalog"), withIntermediateDirectories: true)
        try Data(String(repeating: "not a database ", count: 20).utf8)
            .write(to: root.appendingPathComponent("Catalog/catalog.sqlite"))
        #expect(throws: CatalogError.self) { try Catalog.open(root: root) }
    }

    @Test func aMissingCatalogNamesTheFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        do {
            _ = try Catalog.open(root: root)
            Issue.record("expected notFound")
        } catch let error as CatalogError {
            #expect(error == .noCatalogue(folder: root.path))
            #expect(error.kind == .notFound)
            // The command line says which command makes one; the catalogue names no command.
            #expect(!error.description.contains("footage init"))
        }
    }

    @Test func reopeningKeepsTheContentsAndTheChain() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Catalog.create(at: root).register(sampleRegistration(seed: 5, path: "/5.mp4"), actor: "a")
        let reopened = try Catalog.open(root: root)
        #expect(try reopened.clipSummaries().count == 1)
        #expect(try reopened.ledgerHead().count == 2)
        #expect(try reopened.databaseProblems().isEmpty)
    }

    @Test func concurrentWritersFormOneUnbrokenChain() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Catalog.create(at: root)
        // Separate Catalog instances behave like separate processes: separate SQLite connections.
        let catalogs = try (0..<4).map { _ in try Catalog.open(root: root) }
        DispatchQueue.concurrentPerform(iterations: 40) { i in
            _ = try? catalogs[i % 4].register(sampleRegistration(seed: i % 20, path: "/\(i).mp4"), actor: "w\(i % 4)")
        }
        let catalog = catalogs[0]
        #expect(try catalog.clipSummaries().count == 20)
        #expect(try catalog.allLocations().count == 40)
        #expect(try catalog.ledgerProblems().isEmpty)
        #expect(try catalog.ledgerHead().count == 60)
    }

    @Test func locateWalksUpToTheCatalogFolder() throws {
        let root = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try Catalog.create(at: root)
        let deep = root.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        #expect(Catalog.locate(explicit: nil, environment: [:], start: deep)?.path == root.standardizedFileURL.path)
        #expect(
            Catalog.locate(explicit: nil, environment: ["FOOTAGE_HOME": "/elsewhere"], start: deep)?.path
                == "/elsewhere")
        #expect(
            Catalog.locate(explicit: "/given", environment: ["FOOTAGE_HOME": "/elsewhere"], start: deep)?.path
                == "/given")
    }
}
