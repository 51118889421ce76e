import FootageMatching
import FootageMedia
import FootageTestSupport
import Foundation
import Testing

@testable import FootageCatalog
@testable import FootageKit

/// A copy cropped by 10 % found through the catalogue from either side: the centre hashes are stored with the
/// fingerprint, read back by the search index (the tail of the variants blob) and compared by the matcher.
@Suite(.enabled(if: ExternalTool.ffmpeg != nil, "needs the ffmpeg command-line tool"), .serialized)
struct CroppedCopyCatalogueTests {
    @Test func aCroppedCopyAndItsOriginalFindEachOtherInTheCatalogue() throws {
        try withTemporaryFolder { folder in
            let original = folder.appendingPathComponent("original.mp4").path
            let cropped = folder.appendingPathComponent("cropped.mp4").path
            let x264 = ["-an", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "26"]
            try ExternalTool.runFFmpeg(
                ["-i", Samples.path("ministry-upload.mp4"), "-t", "20"]
                    + x264 + [original])
            try ExternalTool.runFFmpeg(["-i", original, "-vf", "crop=iw*0.9:ih*0.9"] + x264 + [cropped])
            let catalog = try Catalog.create(at: folder.appendingPathComponent("catalog"))
            var options = Registrar.Options(analyst: "test")
            options.fingerprint = FingerprintJob.Options(analyst: "test")
            let registrar = Registrar(catalog: catalog, options: options)
            for path in [original, cropped] {
                let outcome = registrar.registerOne(path)
                #expect(outcome.status == .registered, "\(outcome.message ?? "")")
            }
            let stored = try catalog.allFingerprintFrames()
            #expect(stored.count == 2 && stored.allSatisfy { $0.centres.count == $0.frames.count / 41 * 32 })

            let originalClip = try catalog.clip(matching: try FileHasher.sha256(path: original).sha256)
            let croppedClip = try catalog.clip(matching: try FileHasher.sha256(path: cropped).sha256)
            let fromCrop = try MatchJob.match(clip: croppedClip, catalog: catalog, options: .init(analyst: "test"))
            let widened = try #require(fromCrop.first)
            #expect(widened.other.id == originalClip.id && widened.match.transform == .widened)
            #expect(abs(widened.match.offset) <= 0.5)
            let fromOriginal = try MatchJob.match(clip: originalClip, catalog: catalog, options: .init(analyst: "test"))
            let crop = try #require(fromOriginal.first)
            #expect(crop.other.id == croppedClip.id && crop.match.transform == .cropped)
            #expect(abs(crop.match.offset) <= 0.5)
            #expect(try Verifier.verify(catalog).problems.isEmpty)
        }
    }
}
