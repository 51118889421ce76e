import FootageCatalog
import FootageMatching
import Foundation

extension MatchJob {
    /// What `footage match` and `footage match REF` found.
    public struct Search: Sendable {
        /// The clip asked about (`match REF`), or nil for the whole catalogue.
        public var clip: ClipRecord?
        /// What to tell the analyst about that clip's fingerprint (too short, dark or flat), if anything.
        public var note: String?
        public var pairs: [Item]

        /// A match found, with the first path each clip was seen at.
        public struct Item: Sendable {
            public var found: Found
            public var aPath: String?
            public var bPath: String?
            public var row: MatchPairRow { MatchPairRow(found, aPath: aPath, bPath: bPath) }
        }
    }

    /// Every clip sharing footage with the clip `ref` names, or with no `ref` every matching pair in the catalogue
    /// (see `match(clip:)` and `matchAll`).
    public static func search(_ ref: String?, catalog: Catalog, options: Options) throws -> Search {
        var search = Search(pairs: [])
        let found: [Found]
        if let ref {
            let clip = try catalog.clip(matching: ref)
            found = try match(clip: clip, catalog: catalog, options: options)
            search.clip = clip
            // The counts only: the matching above has read the blobs already.
            if let counts = try catalog.fingerprintCounts(clipId: clip.id) {
                search.note = FingerprintJob.note(frameCount: counts.frames, usableCount: counts.usable)
            }
        } else {
            found = try matchAll(catalog: catalog, options: options)
        }
        search.pairs = try found.map { item in
            Search.Item(
                found: item, aPath: try firstPath(item.clip, catalog),
                bPath: try firstPath(item.other, catalog))
        }
        return search
    }

    private static func firstPath(_ clip: ClipRecord, _ catalog: Catalog) throws -> String? {
        try catalog.detail(of: clip).locations.first?.path
    }
}
