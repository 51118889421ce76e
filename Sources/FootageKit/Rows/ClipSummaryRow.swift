import FootageCatalog
import Foundation

/// One line of `footage list clips`: the clip with where it came from and where it lies.
public struct ClipSummaryRow: Encodable, Sendable {
    public var clip: ClipRow
    /// The first acquisition's publisher (or the platform's uploader).
    public var publisher: String?
    public var platform: String?
    /// The first path the clip was seen at.
    public var path: String?
    /// How many paths the clip was seen at.
    public var locations: Int
    /// The title an analyst gave the clip (`footage title`), when one was given.
    public var givenTitle: String?

    public init(_ summary: ClipSummary, givenTitle: String? = nil) {
        self.givenTitle = givenTitle
        clip = ClipRow(summary.clip)
        publisher = summary.publisher
        platform = summary.platform
        path = summary.path
        locations = summary.locationCount
    }

    enum CodingKeys: String, CodingKey {
        case publisher, platform, path, locations
        case givenTitle = "given_title"
    }

    public func encode(to encoder: any Encoder) throws {
        try clip.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(publisher, forKey: .publisher)
        try container.encodeIfPresent(platform, forKey: .platform)
        try container.encodeIfPresent(path, forKey: .path)
        try container.encode(locations, forKey: .locations)
        try container.encodeIfPresent(givenTitle, forKey: .givenTitle)
    }
}
