import FootageCatalog
import FootageCore

/// A request a workflow cannot carry out because of what the catalogue or the files hold: the facts, and one line
/// in the library's words. The command line words some of them in its own terms (naming the command that helps).
public enum WorkflowError: FootageError, Equatable {
    /// A claim typed by the analyst holds nothing but white space.
    case emptyClaim
    /// A claim typed by the analyst is longer than `limit` characters.
    case claimTooLong(limit: Int)
    /// An article path that is not a regular file (a folder, a device, a FIFO).
    case notARegularFile(path: String)
    /// An article file larger than the importer accepts, refused before it is read.
    case articleTooLarge(path: String, bytes: Int64, limit: Int)
    /// The clip (its SHA-256) has no stored fingerprint to match with.
    case noFingerprint(clip: String)
    /// A stored fingerprint whose blob `part` ("frames", "variants", "centre hashes", "strip hashes") has a size the
    /// layout rules out; `clip` names whose, when known.
    case damagedFingerprint(part: String, bytes: Int, clip: String? = nil)
    /// None of the clip's recorded locations still holds its bytes; `reasons` says why, one per location.
    case noReadableLocation(clip: String, reasons: [String])
    /// Keyframes of a file outside the catalogue need a folder to go to.
    case noOutputFolder
    /// The ledger chain is broken, so it is not sealed: the checkpoint would vouch for the tampering.
    case brokenChain(CheckProblem)
    /// A report was asked of something that is neither an article nor a clip (a claim).
    case notReportable(subject: String)
    /// A ClaimReview export of claims none of which has a verdict.
    case noVerdicts
    /// A ClaimReview export of reviewed claims whose articles have no review URL (and none was given).
    case noReviewURL(articles: [String])
    /// A ClaimReview export before the reviewing organisation was set.
    case noReviewer

    public var description: String {
        switch self {
        case .emptyClaim: "the claim text is empty"
        case .claimTooLong(let limit): "the claim text is too long (over \(limit) characters)"
        case .notARegularFile(let path): "\(path): not a regular file"
        case .articleTooLarge(let path, let bytes, let limit):
            "\(path): too large for an article (\(bytes) bytes; at most \(limit))"
        case .noFingerprint(let clip): "clip \(clip.prefix(12)) has no fingerprint"
        case .damagedFingerprint(let part, let bytes, let clip):
            "\(clip.map { "the stored fingerprint of clip \($0.prefix(12))" } ?? "a stored fingerprint") is damaged "
                + "(\(bytes) bytes of \(part))"
        case .noReadableLocation(let clip, let reasons):
            "clip \(clip.prefix(12)): no location holds its bytes any more (\(reasons.joined(separator: "; ")))"
        case .noOutputFolder: "a file outside the catalogue needs a folder for its keyframes"
        case .brokenChain(let problem): "\(problem); nothing sealed"
        case .notReportable(let subject): "\(subject): a report is of an article or a clip"
        case .noVerdicts: "no claim here has a verdict: a ClaimReview reviews rated claims; nothing written"
        case .noReviewURL(let articles):
            "no review URL for the claims of \(articles.joined(separator: ", ")): each ClaimReview needs the URL of "
                + "the page it is published on; nothing written"
        case .noReviewer:
            "no reviewing organisation set: each ClaimReview names the one that publishes it; nothing written"
        }
    }
}
