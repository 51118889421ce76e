import FootageCatalog
import Foundation

/// Everything recorded about one clip (`footage show`): its records, ledger events, keyframes and contact sheets, the
/// clips it shares footage with, and its assessments.
public struct ClipOverview: Sendable {
    public var detail: ClipDetail
    public var events: [LedgerEvent]
    /// In time order.
    public var keyframes: [KeyframeRecord]
    public var extractions: [ExtractionRecord]
    public var shared: [SharedFootage]
    /// Oldest first; the last one stands.
    public var assessments: [AssessmentRecord]
    /// What its C2PA manifest store said when it was registered; nil for clips registered before footage read them.
    public var credentials: CredentialsRecord?
    /// The titles analysts gave the clip (`footage title`), oldest first; the last one stands.
    public var titles: [ClipTitleRecord]
    /// The catalogue folder that keyframe and contact sheet paths are relative to.
    public var root: URL

    public var clip: ClipRecord { detail.clip }

    /// The overview of the clip `reference` names (SHA-256, a unique prefix of it, or a registered path).
    public static func of(_ reference: String, catalog: Catalog) throws -> ClipOverview {
        try of(catalog.clip(matching: reference), catalog: catalog)
    }

    public static func of(_ clip: ClipRecord, catalog: Catalog) throws -> ClipOverview {
        let id = clip.id
        return ClipOverview(
            detail: try catalog.detail(of: clip), events: try catalog.ledgerEvents(subject: clip.sha256),
            keyframes: try catalog.keyframes(clipId: id), extractions: try catalog.extractions(clipId: id),
            shared: try SharedFootage.of(clip, catalog: catalog), assessments: try catalog.assessments(clipId: id),
            credentials: try catalog.credentials(clipId: id), titles: try catalog.titles(clipId: id),
            root: catalog.root)
    }
}
