import FootageTestSupport
import Foundation
import Testing

/// C2PA manifests as an analyst meets them: `probe` shows them, `register` records them with the clip and in the
/// ledger, `show`, the exports and `verify` carry them; without the library every command says C2PA was not checked,
/// never that there is no manifest; damaged manifests are a state, not a crash.
@Suite(.serialized, .enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
struct ContentCredentialsEndToEndTests {
    /// An environment in which footage finds no C2PA library.
    let hidden = ["FOOTAGE_C2PA_LIBRARY": "/nonexistent/libc2pa_c.so"]

    @Test func probeShowsTheManifestAndItsState() throws {
        let valid = try ReferenceData.c2pa("video1.mp4")
        let none = try ReferenceData.c2pa("c.mov")
        let text = try FootageBinary.run([], ["probe", valid, none])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("c2pa       valid, signed by "), "\(text.stdout)")
        #expect(text.stdout.contains("generator  TestApp c2patool"))
        #expect(text.stdout.contains("actions    c2pa.opened"))
        #expect(text.stdout.contains("ingredient video1.mp4  parentOf"))
        #expect(text.stdout.contains("c2pa       none (no manifest in the file)"))
        let json = try FootageBinary.run([], ["probe", "--json", valid, none])
        let states = json.rows.map { ($0["c2pa"] as? [String: Any])?["state"] as? String }
        #expect(states == ["valid", "none"], "\(json.stdout)")
        let first = try #require(json.rows.first?["c2pa"] as? [String: Any])
        #expect(first["signing_time"] is String)
        #expect((first["codes"] as? [String])?.contains("signingCredential.untrusted") == true)
    }

    @Test func registerRecordsTheManifestWithTheClipAndInTheLedger() throws {
        try withCatalogFolder { footage, root throws in
            let files = try ["video1.mp4", "legacy.mp4", "video1_no_manifest.mp4", "c.mov"].map(ReferenceData.c2pa)
            let registered = try footage.run(["register", "--no-fingerprint", "--json"] + files)
            #expect(registered.status == 0, "\(registered.stderr)")
            // Files are registered in parallel: their lines come in any order.
            let states = registered.rows.map { row in
                (row["path"] as? String ?? "", (row["c2pa"] as? [String: Any])?["state"] as? String ?? "")
            }
            let byPath = Dictionary(states, uniquingKeysWith: { first, _ in first })
            #expect(files.map { byPath[$0] } == ["valid", "valid", "none", "none"], "\(registered.stdout)")
            let shown = try footage.run(["show", files[0], "--json"])
            let c2pa = try #require(shown.rows.first?["c2pa"] as? [String: Any])
            #expect(c2pa["state"] as? String == "valid")
            #expect((c2pa["claim_generator"] as? String)?.contains("c2patool") == true)
            #expect(try footage.run(["show", files[0]]).stdout.contains("content credentials (C2PA"))
            let log = try footage.run(["log", "--json"]).rows.compactMap { $0["action"] as? String }
            #expect(log.filter { $0 == "clip.credentials" }.count == 4)
            let stored = try CatalogueInvariants.sqlite(
                root, "SELECT state, length(manifest_json) > 1000 FROM credentials ORDER BY state DESC")
            #expect(stored.stdout.split(separator: "\n") == ["valid|1", "valid|1", "none|", "none|"], "\(stored)")
            // The same bytes again change nothing.
            let again = try footage.run(["register", "--no-fingerprint", files[0]])
            #expect(again.status == 0)
            #expect(try footage.run(["log", "--json"]).rows.count == log.count)
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func theExportsCarryTheState() throws {
        try withCatalogFolder { footage, root throws in
            let valid = try ReferenceData.c2pa("video1.mp4")
            #expect(try footage.run(["register", "--no-fingerprint", valid]).status == 0)
            let json = try footage.run(["export", "--format", "json"])
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let clip = try #require((doc["clips"] as? [[String: Any]])?.first)
            let c2pa = try #require(clip["c2pa"] as? [String: Any])
            #expect(c2pa["state"] as? String == "valid")
            #expect((c2pa["manifest_store"] as? [String: Any])?["active_manifest"] is String)
            let folder = root.appendingPathComponent("csv")
            #expect(try footage.run(["export", "--format", "csv", "-o", folder.path]).status == 0)
            let clips = try String(contentsOf: folder.appendingPathComponent("clips.csv"), encoding: .utf8)
            #expect(clips.split(separator: "\r\n").first?.hasSuffix(",c2pa,c2pa_signer") == true, "\(clips)")
            #expect(clips.contains(",valid,"))
            let prov = try footage.run(["export", "--format", "prov-json"])
            #expect(prov.stdout.contains("\"footage:c2paState\""), "\(prov.stdout.prefix(400))")
            #expect(prov.stdout.contains("\"footage:c2paSigner\""))
        }
    }

    @Test func xrefAndTheReportCarryTheState() throws {
        try withCatalogFolder { footage, root throws in
            let valid = try ReferenceData.c2pa("video1.mp4")
            #expect(try footage.run(["register", "--no-fingerprint", valid]).status == 0)
            let imported = try footage.run(["article", "add", Repository.exampleArticle.path, "--json"]).rows
            let claim = try #require(imported.dropFirst().first?["id"] as? String)
            #expect(try footage.run(["link", claim, valid, "--stance", "context"]).status == 0)
            let xref = try footage.run(["xref", valid])
            #expect(xref.stdout.contains("c2pa valid"), "\(xref.stdout)")
            let rows = try footage.run(["xref", claim, "--json"]).stdout
            #expect(rows.contains(#""c2pa":"valid""#), "\(rows)")
            let page = root.appendingPathComponent("clip.html")
            #expect(try footage.run(["report", valid, "-o", page.path]).status == 0)
            let html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("Content Credentials"))
            #expect(html.contains("valid, signed by "))
            // ClaimReview is exported for claims with a verdict, with a reviewer and a review page.
            #expect(try footage.run(["config", "reviewer", "Desk", "--url", "https://desk.example/"]).status == 0)
            #expect(
                try footage.run(["verdict", claim, "unproven", "--explanation", "The footage shows the road."]).status
                    == 0)
            let review = try footage.run([
                "export", "--format", "claimreview", "--article", "A1", "--review-url", "https://desk.example/r/1",
            ])
            let doc = try #require(try JSONSerialization.jsonObject(with: Data(review.stdout.utf8)) as? [String: Any])
            let media = (doc["@graph"] as? [[String: Any]] ?? []).first { $0["@type"] as? String == "MediaReview" }
            let video = try #require(media?["itemReviewed"] as? [String: Any])
            let identifiers = try #require(video["identifier"] as? [[String: Any]], "\(video)")
            let credentials = try #require(identifiers.first { $0["propertyID"] as? String == "c2pa" })
            #expect(credentials["value"] as? String == "valid")
            #expect(identifiers.contains { $0["propertyID"] as? String == "sha256" })
        }
    }

    @Test func withoutTheLibraryCommandsSayOnceThatC2PAWasNotChecked() throws {
        try withCatalogFolder { footage, root throws in
            let files = try ["video1.mp4", "c.mov"].map(ReferenceData.c2pa)
            let probed = try FootageBinary.run([], ["probe"] + files, environment: hidden)
            #expect(probed.status == 0)
            #expect(probed.stderr.components(separatedBy: "C2PA was not checked").count == 2, "\(probed.stderr)")
            #expect(probed.stdout.components(separatedBy: "c2pa       not checked").count == 3)
            #expect(!probed.stdout.contains("none"))
            let registered = try footage.run(["register", "--no-fingerprint"] + files, environment: hidden)
            #expect(registered.status == 0)
            #expect(registered.stderr.components(separatedBy: "C2PA was not checked").count == 2)
            #expect(registered.stdout.components(separatedBy: "c2pa: not checked").count == 3, "\(registered.stdout)")
            let stored = try CatalogueInvariants.sqlite(root, "SELECT DISTINCT state FROM credentials")
            #expect(stored.stdout == "not checked\n")
            // Registered again with the library, the clips' manifests are read and recorded.
            let checked = try footage.run(["register", "--no-fingerprint"] + files)
            #expect(checked.status == 0)
            #expect(!checked.stderr.contains("not checked"))
            let now = try CatalogueInvariants.sqlite(root, "SELECT state FROM credentials ORDER BY state")
            #expect(now.stdout == "none\nvalid\n")
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func damagedManifestsAreAStateAndNothingElseFails() throws {
        try withCatalogFolder { footage, root throws in
            let edited = try ReferenceData.c2paCopy("video1.mp4", in: root, as: "edited.mp4") { $0[400_000] ^= 0xFF }
            let garbled = try ReferenceData.c2paCopy("video1.mp4", in: root, as: "garbled.mp4") { bytes in
                for index in 2000..<2100 { bytes[index] ^= 0x5A }
            }
            // The C2PA box claims to run far past the end of the file.
            let oversized = try ReferenceData.c2paCopy("video1.mp4", in: root, as: "oversized.mp4") { bytes in
                bytes.replaceSubrange(24..<28, with: [0x7F, 0xFF, 0xFF, 0xFF])
            }
            // A file without a manifest given one: 20,000 JUMBF boxes nested in each other, or 24 MiB of noise.
            let nested = try ReferenceData.c2paCopy("video1_no_manifest.mp4", in: root, as: "nested.mp4") { bytes in
                bytes += C2PABox.uuid(C2PABox.nested(depth: 20_000))
            }
            let noise = try ReferenceData.c2paCopy("video1_no_manifest.mp4", in: root, as: "noise.mp4") { bytes in
                bytes += C2PABox.uuid((0..<(24 << 20)).map { UInt8(truncatingIfNeeded: $0) })
            }
            let probed = try FootageBinary.run([], ["probe", "--json", edited, garbled, nested, noise])
            #expect(probed.status == 0, "\(probed.stderr)")
            let readings = probed.rows.compactMap { $0["c2pa"] as? [String: Any] }
            #expect(readings.map { $0["state"] as? String } == ["invalid", "unreadable", "unreadable", "unreadable"])
            #expect((readings.first?["codes"] as? [String])?.contains("assertion.bmffHash.mismatch") == true)
            #expect((readings.last?["reason"] as? String)?.isEmpty == false)
            let registered = try footage.run(["register", "--no-fingerprint", edited, garbled])
            #expect(registered.status == 0, "\(registered.stderr)")
            #expect(registered.stdout.contains("c2pa: invalid"))
            #expect(registered.stdout.contains("c2pa: unreadable"))
            // A file FFmpeg refuses fails as any bad media file does: one line, nothing recorded.
            let refused = try footage.run(["register", "--no-fingerprint", oversized])
            #expect(refused.status == 1)
            #expect(refused.stderr.split(separator: "\n").count <= 2, "\(refused.stderr)")
            #expect(try footage.run(["verify"]).status == 0)
        }
    }

    @Test func anEditedRecordOfTheManifestIsNamedByVerify() throws {
        try withCatalogFolder { footage, root throws in
            let edited = try ReferenceData.c2paCopy("video1.mp4", in: root, as: "edited.mp4") { $0[400_000] ^= 0xFF }
            #expect(try footage.run(["register", "--no-fingerprint", edited]).status == 0)
            #expect(try CatalogueInvariants.sqlite(root, "UPDATE credentials SET state = 'valid'").status == 0)
            let result = try footage.run(["verify"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("credentials"), "\(result.stdout)")
            #expect(result.stdout.contains("state"))
        }
    }
}

/// C2PA's embedding in ISO base media files, for making manifests a file should not have: a `uuid` box of C2PA's UUID
/// whose payload (after version and flags, the purpose "manifest" and an 8-byte offset) is JUMBF.
enum C2PABox {
    static let uuid: [UInt8] = [
        0xD8, 0xFE, 0xC3, 0xD6, 0x1B, 0x0E, 0x48, 0x3C, 0x92, 0x97, 0x58, 0x28, 0x87, 0x7E, 0xC4, 0x81,
    ]

    static func uuid(_ jumbf: [UInt8]) -> [UInt8] {
        let payload = [0, 0, 0, 0] + Array("manifest\0".utf8) + [UInt8](repeating: 0, count: 8) + jumbf
        return box("uuid", uuid + payload)
    }

    /// JUMBF superboxes (`jumb`, each with its `jumd` description labelled "c2pa") nested `depth` deep.
    static func nested(depth: Int) -> [UInt8] {
        let c2pa: [UInt8] = [
            0x63, 0x32, 0x70, 0x61, 0x00, 0x11, 0x00, 0x10, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71,
        ]
        let description = box("jumd", c2pa + [0x03] + Array("c2pa\0".utf8))
        let level = 8 + description.count
        var out: [UInt8] = []
        out.reserveCapacity(depth * level)
        for index in 0..<depth {
            out += size(level * (depth - index)) + Array("jumb".utf8) + description
        }
        return out
    }

    static func box(_ type: String, _ body: [UInt8]) -> [UInt8] { size(8 + body.count) + Array(type.utf8) + body }

    static func size(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).bigEndian, Array.init) }
}
