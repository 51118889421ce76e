import FootageMatching
import FootageMedia
import FootageTestSupport
import Foundation
import Testing

@testable import FootageKit

/// The reference vPDQ project's sample clips: each transformed copy matches its original, the unrelated clip
/// matches none, and border cropping finds the barred SD copy that the reference's rule misses.
///
/// Needs `FOOTAGE_REFERENCE_DIR`; when it is set, missing clips or hash files are failures, not skips.
@Suite(.enabled(if: ReferenceData.isConfigured, "set FOOTAGE_REFERENCE_DIR to the reference data folder"))
struct ReferenceClipMatchTests {
    /// (copy, original)
    static let pairs = [
        ("chair-22-with-small-logo-bar", "chair-orig-22-sd-bar"),
        ("chair-22-sd-grey-bar", "chair-orig-22-sd-bar"),
        ("pattern-sd-with-small-logo-bar", "pattern-hd-no-bar"),
    ]

    func fingerprints() throws -> [String: [FingerprintFrame]] {
        var result: [String: [FingerprintFrame]] = [:]
        for name in ReferenceData.clips {
            result[name] = try FingerprintJob.sample(path: try ReferenceData.clip(name), rate: 1)
        }
        return result
    }

    @Test func eachTransformedCopyMatchesItsOriginalAndTheUnrelatedClipMatchesNone() throws {
        let prints = try fingerprints()
        for (copy, original) in Self.pairs {
            let match = ClipMatcher.match(try #require(prints[copy]), try #require(prints[original]))
            #expect(match != nil, "\(copy) does not match \(original)")
            if let match {
                #expect(abs(match.offset) <= 0.5, "\(copy) ↔ \(original): offset \(match.offset)")
                #expect(match.transform == nil)
            }
        }
        for other in ReferenceData.clips where other != "doorknob-hd-no-bar" {
            #expect(
                ClipMatcher.match(prints["doorknob-hd-no-bar"]!, prints[other]!) == nil,
                "doorknob-hd-no-bar matches \(other)")
        }
    }

    /// The reference's figure (its own per-frame hashes sampled once a second, its rule) side by side with ours.
    @Test func borderCroppingFindsTheBarredCopyTheReferenceMisses() throws {
        let prints = try fingerprints()
        var lines = [
            "reference clips: share of frames matched (copy→original / original→copy)",
            "pair | vPDQ rule on vPDQ hashes | same rule on footage hashes | footage match (offset)",
        ]
        for (copy, original) in Self.pairs + [
            ("doorknob-hd-no-bar", "chair-orig-22-sd-bar"),
            ("doorknob-hd-no-bar", "pattern-hd-no-bar"),
        ] {
            let reference = (
                copy: FingerprintFixtures.oneASecond(try FingerprintFixtures.vpdqFrames(copy)),
                original: FingerprintFixtures.oneASecond(try FingerprintFixtures.vpdqFrames(original))
            )
            let theirs = (
                FingerprintFixtures.vpdqShare(reference.copy, in: reference.original),
                FingerprintFixtures.vpdqShare(reference.original, in: reference.copy)
            )
            let a = try #require(prints[copy]), b = try #require(prints[original])
            let ours = (FingerprintFixtures.sameRuleShare(a, in: b), FingerprintFixtures.sameRuleShare(b, in: a))
            let match = ClipMatcher.match(a, b)
            let matchText =
                match.map {
                    "\(FingerprintFixtures.percent($0.shareOfA)) / \(FingerprintFixtures.percent($0.shareOfB)) "
                        + "(\(String(format: "%+.1f", $0.offset)) s)"
                } ?? "no match"
            lines.append(
                "\(copy) ↔ \(original) | \(FingerprintFixtures.percent(theirs.0)) / "
                    + "\(FingerprintFixtures.percent(theirs.1)) | \(FingerprintFixtures.percent(ours.0)) / "
                    + "\(FingerprintFixtures.percent(ours.1)) | \(matchText)")
            if copy == "pattern-sd-with-small-logo-bar" {
                // The reference finds nothing in common here: the SD copy's bars move every hash too far.
                #expect(theirs.0 < 0.8)
                #expect(ours.0 > theirs.0 && ours.1 > theirs.1)
                // Four samples a second and the content anchors: more of them fall on the fast-changing frames the SD
                // re-encode blurs than at one a second (80 % then), so the share is lower; the match is certain.
                #expect(ours.0 >= 0.6, "border cropping should find most frames of the barred copy")
                #expect(match != nil)
            }
        }
        print(lines.map { "ACCURACY " + $0 }.joined(separator: "\n"))
    }
}
