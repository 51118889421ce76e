import FootageCatalog
import Foundation

/// A path where a clip's bytes were seen (`show`'s `locations`).
public struct LocationRow: Encodable, Sendable {
    public var id: Int64?
    public var clipId: Int64
    public var path: String
    /// `original` (a registered file) or `copy` (an evidentiary copy in `Media/`).
    public var kind: LocationKind
    public var firstSeen: String

    public init(_ location: LocationRecord) {
        id = location.id
        clipId = location.clipId
        path = location.path
        kind = location.kind
        firstSeen = location.firstSeen
    }

    enum CodingKeys: String, CodingKey {
        case id, path, kind
        case clipId = "clip_id"
        case firstSeen = "first_seen"
    }
}
