import FootageCatalog
import Foundation

/// Claim review: dismissing a sentence that is not a claim, correcting a claim's text, and the verdict on a claim.
/// Each is one ledger event (`claim.dismiss`, `claim.edit`, `claim.verdict`) that `footage verify` replays; nothing
/// is ever overwritten, so the extracted text and every earlier verdict can be read back.
public enum ClaimReviewJob {
    /// The longest claim text accepted, as for `claim add`.
    static let textLimit = 4000

    public static func dismiss(_ claim: ClaimRecord, reason: String, catalog: Catalog, analyst: String) throws
        -> ClaimRow
    {
        _ = try catalog.dismiss(claimId: claim.id, reason: reason, actor: analyst)
        return try row(claim.id, catalog)
    }

    /// Sets a claim's text to `text` (white space around it trimmed); an empty text is refused.
    public static func edit(_ claim: ClaimRecord, text: String, catalog: Catalog, analyst: String) throws -> ClaimRow {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw WorkflowError.emptyClaim }
        guard trimmed.unicodeScalars.count <= textLimit else { throw WorkflowError.claimTooLong(limit: textLimit) }
        _ = try catalog.edit(claimId: claim.id, text: trimmed, actor: analyst)
        return try row(claim.id, catalog)
    }

    public static func verdict(
        _ claim: ClaimRecord, rating: VerdictRating, explanation: String, catalog: Catalog, analyst: String
    ) throws -> ClaimRow {
        _ = try catalog.verdict(claimId: claim.id, rating: rating, explanation: explanation, actor: analyst)
        return try row(claim.id, catalog)
    }

    private static func row(_ claimId: Int64, _ catalog: Catalog) throws -> ClaimRow {
        let claim = try catalog.claim(matching: ShortID.claim.text(claimId))
        return ClaimRow(claim, review: try catalog.claimReview(claimId: claimId))
    }
}
