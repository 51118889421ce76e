import FootageCatalog
import Foundation

/// The line of `footage show`: the clip's own fields, its probe (ffprobe's fields), and everything recorded about it.
public struct ClipDetailRow: Encodable, Sendable {
    public var clip: ClipRow
    /// The probe as kept; absent if the stored text is not JSON (which `verify` reports).
    public var probe: JSONValue?
    public var locations: [LocationRow]
    public var streams: [StreamRow]
    public var tags: [TagRow]
    public var acquisitions: [AcquisitionRow]
    public var events: [LedgerEventRow]
    public var keyframes: [KeyframeRow]
    /// Absolute paths of the contact sheets.
    public var contactSheets: [String]
    public var sharesFootageWith: [SharedFootageRow]
    public var assessments: [AssessmentRow]
    /// Its C2PA manifest store in brief; absent for clips registered before footage read them.
    public var c2pa: CredentialsRow?
    /// The titles analysts gave the clip, oldest first; the last one stands.
    public var titles: [ClipTitleRow]

    public init(_ overview: ClipOverview) {
        let detail = overview.detail
        clip = ClipRow(detail.clip)
        probe = try? JSONValue(parsing: detail.clip.probeJson)
        locations = detail.locations.map(LocationRow.init)
        streams = detail.streams.map(StreamRow.init)
        tags = detail.tags.map(TagRow.init)
        acquisitions = detail.acquisitions.map(AcquisitionRow.init)
        events = overview.events.map(LedgerEventRow.init)
        let modes = Dictionary(overview.extractions.map { ($0.id, $0.mode) }, uniquingKeysWith: { first, _ in first })
        // Every still belongs to an extraction (a foreign key); one without is left out rather than given a mode.
        keyframes = overview.keyframes.compactMap { frame in
            modes[frame.extractionId].map {
                KeyframeRow(frame, clip: detail.clip.sha256, mode: $0, root: overview.root)
            }
        }
        contactSheets = overview.extractions.compactMap(\.sheetPath).map {
            overview.root.appendingPathComponent($0).path
        }
        sharesFootageWith = overview.shared.map(SharedFootageRow.init)
        assessments = overview.assessments.map(AssessmentRow.init)
        c2pa = overview.credentials.map(CredentialsRow.init)
        titles = overview.titles.map(ClipTitleRow.init)
    }

    enum CodingKeys: String, CodingKey {
        case probe, locations, streams, tags, acquisitions, events, keyframes, assessments, c2pa, titles
        case contactSheets = "contact_sheets"
        case sharesFootageWith = "shares_footage_with"
    }

    public func encode(to encoder: any Encoder) throws {
        try clip.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(probe, forKey: .probe)
        try container.encode(locations, forKey: .locations)
        try container.encode(streams, forKey: .streams)
        try container.encode(tags, forKey: .tags)
        try container.encode(acquisitions, forKey: .acquisitions)
        try container.encode(events, forKey: .events)
        try container.encode(keyframes, forKey: .keyframes)
        try container.encode(contactSheets, forKey: .contactSheets)
        try container.encode(sharesFootageWith, forKey: .sharesFootageWith)
        try container.encode(assessments, forKey: .assessments)
        try container.encodeIfPresent(c2pa, forKey: .c2pa)
        try container.encode(titles, forKey: .titles)
    }
}
