import FootageCore
import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

/// How the C2PA library's answers become a state: valid, invalid with its failing codes, unreadable, none, not
/// checked; and the bounds on what a manifest store may be.
@Suite struct ContentCredentialsTests {
    @Test func theLibrarysValidationStateDecides() {
        let untrusted = ["signingCredential.untrusted"]
        #expect(ContentCredentials.state(validationState: "Valid", codes: untrusted) == .valid)
        #expect(ContentCredentials.state(validationState: "Trusted", codes: []) == .valid)
        #expect(ContentCredentials.state(validationState: "Invalid", codes: untrusted) == .invalid)
        // Without a validation state, any code but an unknown signer fails it.
        #expect(ContentCredentials.state(validationState: nil, codes: untrusted) == .valid)
        #expect(ContentCredentials.state(validationState: nil, codes: ["assertion.bmffHash.mismatch"]) == .invalid)
    }

    @Test func noManifestIsNoneAndOtherErrorsAreUnreadable() {
        let none = ContentCredentials.reading(error: "ManifestNotFound: no JUMBF data found", library: "lib")
        #expect(none.state == .none)
        let broken = ContentCredentials.reading(error: "Decoding: claim could not be converted", library: "lib")
        #expect(broken.state == .unreadable)
        #expect(broken.reason == "Decoding: claim could not be converted")
        #expect(broken.description.hasPrefix("unreadable (Decoding"))
    }

    @Test func aStoreIsSummarisedWithItsFailingCodes() throws {
        let store = """
            {"active_manifest": "urn:uuid:1", "validation_state": "Invalid",
             "validation_status": [{"code": "signingCredential.untrusted"}, {"code": "assertion.bmffHash.mismatch"},
                                   {"code": "signingCredential.untrusted"}],
             "manifests": {"urn:uuid:1": {
                "claim_generator_info": [{"name": "Camera app", "version": "2.1"}],
                "signature_info": {"issuer": "Example CA", "common_name": "Newsroom", "time": "2024-01-02T03:04:05Z"},
                "assertions": [{"label": "c2pa.actions.v2", "data": {"actions": [{"action": "c2pa.created"},
                                                                               {"action": "c2pa.edited"}]}}],
                "ingredients": [{"title": "raw.mov", "relationship": "parentOf", "format": "video/quicktime"}]}}}
            """
        let reading = ContentCredentials.reading(json: store, library: "lib")
        #expect(reading.state == .invalid)
        #expect(reading.codes == ["signingCredential.untrusted", "assertion.bmffHash.mismatch"])
        #expect(reading.description == "invalid: assertion.bmffHash.mismatch")
        let summary = try #require(reading.summary)
        #expect(summary.claimGenerator == "Camera app/2.1")
        #expect(summary.signer == "Newsroom")
        #expect(summary.issuer == "Example CA")
        #expect(summary.signingTime == "2024-01-02T03:04:05Z")
        #expect(summary.actions == ["c2pa.created", "c2pa.edited"])
        #expect(summary.ingredients.map(\.title) == ["raw.mov"])
        #expect(ManifestSummary(json: store) == summary)
    }

    @Test func aHugeOrDeeplyNestedStoreIsUnreadableNotParsed() {
        let huge = #"{"manifests": {}, "padding": ""# + String(repeating: "x", count: 5 << 20) + #""}"#
        let tooLarge = ContentCredentials.reading(json: huge, library: "lib")
        #expect(tooLarge.state == .unreadable)
        #expect(tooLarge.manifestStore == nil)
        #expect(tooLarge.reason?.contains("4 MiB") == true)
        let nested = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let deep = ContentCredentials.reading(json: #"{"a": \#(nested)}"#, library: "lib")
        #expect(deep.state == .unreadable)
        #expect(deep.reason?.contains("nests deeper") == true)
        // Brackets inside strings do not count; unbalanced text is refused.
        func shape(_ text: String, depth: Int) -> JSONShape {
            Array(text.utf8).withUnsafeBytes { JSONShape.of($0, maximumDepth: depth) }
        }
        #expect(shape(#"{"a": "[[[[{{{{"}"#, depth: 2) == JSONShape(depth: 1, values: 3, balanced: true))
        #expect(!shape("{{}", depth: 8).balanced && !shape("{}}", depth: 8).balanced)
        #expect(shape("[[[[1]]]]", depth: 2).depth == 3)
        #expect(
            ContentCredentials.reading(json: "{{}", library: "lib").reason == "its manifest store is not whole JSON")
        #expect(ContentCredentials.reading(json: "[1, 2]", library: "lib").state == .unreadable)
        #expect(ManifestSummary(json: nested) == nil)
    }

    @Test func notCheckedNeverReadsAsNoManifest() {
        let missing = ContentCredentials.notChecked("the C2PA library was not found")
        #expect(missing.libraryMissing)
        #expect(missing.description == "not checked (no C2PA library)")
        let container = ContentCredentials(state: .notChecked, reason: "no manifest in matroska", library: "lib")
        #expect(!container.libraryMissing)
        #expect(!missing.description.contains("none"))
    }

    @Test func containersAreNamedToTheLibraryByWhatFFmpegFound() {
        #expect(ContentCredentialsReader.libraryFormat("mov,mp4,m4a,3gp,3g2,mj2") == "video/mp4")
        #expect(ContentCredentialsReader.libraryFormat("avi") == "video/avi")
        #expect(ContentCredentialsReader.libraryFormat("matroska,webm") == nil)
        #expect(ContentCredentialsReader.libraryFormat("mpegts") == nil)
    }

    @Test func theLibraryIsOnlyTakenFromThePathGivenWhenOneIsGiven() {
        #expect(C2PALibrary.locate(environment: [C2PALibrary.environmentVariable: "/nowhere/libc2pa_c.so"]) == nil)
        #expect(C2PALibrary.locate(environment: [C2PALibrary.environmentVariable: "/bin/sh"]) == "/bin/sh")
    }
}

/// The reference library on the C2PA samples, read through an open descriptor as registration reads them.
@Suite(.enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
struct ContentCredentialsReaderTests {
    func read(_ path: String) throws -> ContentCredentials {
        let file = try MediaFile(path: path)
        let probe = try Probe.probe(file: file)
        return ContentCredentialsReader.read(file: file, formatName: probe.format.formatName)
    }

    @Test func theSamplesReadAsTheirManifestsSay() throws {
        #expect(C2PALibrary.version != nil, "make test-deps installs c2pa-python into .build-venv")
        let valid = try read(ReferenceData.c2pa("video1.mp4"))
        #expect(valid.state == .valid, "\(valid)")
        #expect(valid.summary?.claimGenerator?.contains("c2patool") == true)
        #expect(valid.summary?.signer != nil)
        #expect(valid.summary?.signingTime != nil)
        #expect(valid.summary?.actions == ["c2pa.opened"])
        #expect(valid.summary?.ingredients.first?.relationship == "parentOf")
        #expect(valid.manifestStore?.contains("urn:uuid:") == true)
        // An older manifest (BMFF hash v1): its signature and hashes hold with this library; its signer is unknown.
        let legacy = try read(ReferenceData.c2pa("legacy.mp4"))
        #expect(legacy.state == .valid, "\(legacy)")
        #expect(legacy.codes.contains("signingCredential.untrusted"))
        for name in ["video1_no_manifest.mp4", "c.mov"] {
            #expect(try read(ReferenceData.c2pa(name)).state == .none)
        }
    }

    @Test func changedPicturesAndDamagedManifestsAreInvalidOrUnreadable() throws {
        try withTemporaryFolder { folder in
            // A byte of the pictures changed after signing: the BMFF hash no longer matches.
            let edited = try ReferenceData.c2paCopy("video1.mp4", in: folder, as: "edited.mp4") { $0[400_000] ^= 0xFF }
            let invalid = try read(edited)
            #expect(invalid.state == .invalid)
            #expect(invalid.codes.contains("assertion.bmffHash.mismatch"))
            // Bytes of the manifest's claim (inside the C2PA uuid box at offset 24) garbled.
            let garbled = try ReferenceData.c2paCopy("video1.mp4", in: folder, as: "garbled.mp4") { bytes in
                for index in 2000..<2100 { bytes[index] ^= 0x5A }
            }
            #expect(try read(garbled).state == .unreadable)
            // The manifest store zeroed out.
            let zeroed = try ReferenceData.c2paCopy("video1.mp4", in: folder, as: "zeroed.mp4") { bytes in
                for index in 124..<30_024 { bytes[index] = 0 }
            }
            #expect(try read(zeroed).state == .unreadable)
        }
    }
}
