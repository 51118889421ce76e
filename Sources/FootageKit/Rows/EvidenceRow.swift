import FootageCatalog
import Foundation

/// An evidence link with the clip it rests on, as `xref` lists it: the link, the clip's title and duration, and the
/// publisher and platform of the clip's first acquisition.
public struct EvidenceRow: Encodable, Sendable {
    public var link: LinkRow
    public var clipTitle: String?
    public var clipDuration: Double?
    public var publisher: String?
    public var platform: String?
    /// The state of the clip's C2PA manifest store; absent when it was never read.
    public var c2pa: String?

    public init(_ evidence: LinkEvidence) {
        link = LinkRow(evidence.link)
        clipTitle = evidence.clip.title
        clipDuration = evidence.clip.duration
        publisher = evidence.publisher
        platform = evidence.platform
        c2pa = evidence.c2pa
    }

    enum CodingKeys: String, CodingKey {
        case publisher, platform, c2pa
        case clipTitle = "clip_title"
        case clipDuration = "clip_duration"
    }

    public func encode(to encoder: any Encoder) throws {
        try link.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(clipTitle, forKey: .clipTitle)
        try container.encodeIfPresent(clipDuration, forKey: .clipDuration)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(platform, forKey: .platform)
        try container.encodeIfPresent(c2pa, forKey: .c2pa)
    }
}
