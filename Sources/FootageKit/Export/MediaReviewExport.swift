import FootageCatalog
import FootageCore
import Foundation

/// The `MediaReview`s of a ClaimReview export (<https://schema.org/MediaReview>): one per clip that the reviewed
/// claims' standing evidence rests on. Its `itemReviewed` is a `VideoObject` carrying the clip's SHA-256 (as an
/// `identifier`, a `PropertyValue` named `sha256`), its title, duration, upload date and publisher, as
/// `startTime`/`endTime` the span of footage the links rest on, and each linked range as a `Clip` in `hasPart`.
///
/// Where the clip came from goes where schema.org puts it: `contentUrl` is "actual bytes of the media object", so it
/// holds the acquisition's URL only when that names a media file (its path ends in a video file's extension); a
/// platform's watch page (YouTube's `watch?v=`, a post) is the page the video is on, its `url`.
/// `mediaAuthenticityCategory` is the analyst's latest assessment (`footage assess`), left out (and named in a note)
/// for a clip not assessed.
enum MediaReviewExport {
    /// The extensions of media files a URL may name for `contentUrl`.
    static let mediaExtensions: Set<String> = [
        "mp4", "m4v", "mov", "webm", "mkv", "avi", "ts", "mpg", "mpeg", "ogv", "3gp",
    ]

    static func value(_ index: SnapshotIndex, claims: [(claim: ClaimRecord, url: String)], author: JSONValue)
        -> (reviews: [JSONValue], unassessed: [String])
    {
        let reviewURL = Dictionary(claims.map { ($0.claim.id, $0.url) }, uniquingKeysWith: { first, _ in first })
        var reviews: [JSONValue] = []
        var unassessed: [String] = []
        for clip in index.snapshot.clips {
            let standing = (index.linksByClip[clip.id] ?? []).filter { !$0.isRetracted && reviewURL[$0.claimId] != nil }
            guard let first = standing.first, let url = reviewURL[first.claimId] else { continue }
            var video: [String: JSONValue] = [
                "@type": "VideoObject",
                "identifier": ["@type": "PropertyValue", "propertyID": "sha256", "value": .string(clip.sha256)],
                "startTime": .string(ClaimReviewExport.time(standing.map(\.start).min() ?? 0)),
                "endTime": .string(ClaimReviewExport.time(standing.map(\.end).max() ?? 0)),
                "hasPart": .array(
                    standing.map { link in
                        [
                            "@type": "Clip", "name": .string("\(link.shortID): \(link.stance) C\(link.claimId)"),
                            "startOffset": .double(link.start), "endOffset": .double(link.end),
                        ]
                    }),
            ]
            if let credentials = index.credentials[clip.id] {
                // The clip's hash and what its Content Credentials said, both as identifiers of the video.
                video["identifier"] = [video["identifier"] ?? .null, CredentialsRow.property(credentials)]
            }
            if let title = index.title(of: clip.id) { video["name"] = .string(title) }
            if let address = WebAddress.http(index.url(of: clip.id)) {
                video[isMediaFile(address) ? "contentUrl" : "url"] = .string(address)
            }
            if let upload = index.uploadTime(of: clip.id) { video["uploadDate"] = .string(upload) }
            if let duration = clip.duration { video["duration"] = .string(ClaimReviewExport.isoDuration(duration)) }
            if let publisher = index.publisher(of: clip.id) {
                video["author"] = ["@type": "Organization", "name": .string(publisher)]
            }
            var review: [String: JSONValue] = [
                "@type": "MediaReview", "@id": .string("\(ClaimReviewExport.page(url))#mediareview-\(clip.sha256)"),
                "url": .string(url),
                "itemReviewed": .object(video), "author": author,
                "datePublished": .string(standing.map(\.createdAt).max() ?? ""),
            ]
            if let assessment = index.assessment(of: clip.id) {
                review["mediaAuthenticityCategory"] = .string(assessment.category.schemaOrgName)
                if let note = assessment.note { review["reviewBody"] = .string(Sentences.sentence(note)) }
            } else {
                unassessed.append(clip.sha256)
            }
            reviews.append(.object(review))
        }
        return (reviews, unassessed)
    }

    /// Whether an http(s) URL names a media file (its path ends in a video file's extension), not a page.
    static func isMediaFile(_ address: String) -> Bool {
        guard let path = URLComponents(string: address)?.path, let dot = path.lastIndex(of: "."),
            !path[dot...].contains("/")
        else { return false }
        return mediaExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}
