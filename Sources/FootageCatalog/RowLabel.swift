import Foundation

/// How `verify` names a row in a problem: as people know it (a clip by its SHA-256, a claim as `C17`), from the
/// row's key and image, and the clips' SHA-256 by row id for the rows that belong to a clip.
struct RowLabel {
    let clipSha: [Int64: String]

    func text(_ table: String, key: String, image: JSONValue) -> String {
        func column(_ name: String) -> String {
            switch image[name] {
            case .string(let text)?: return text
            case .int(let number)?: return String(number)
            case .double(let number)?: return String(number)
            default: return "?"
            }
        }
        func clip(_ name: String = "clip_id") -> String {
            guard case .int(let id)? = image[name] else { return "clip ?" }
            return clipSha[id].map { "clip \($0.prefix(12))" } ?? "clip row \(id)"
        }
        let id = key.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        switch table {
        case "clip": return "clip \(column("sha256").prefix(12))"
        case "stream": return "stream \(column("stream_index")) of \(clip())"
        case "tag": return "tag \(column("scope")):\(column("key")) of \(clip())"
        case "location": return "location \(column("path"))"
        case "acquisition": return "acquisition \(id) of \(clip())"
        case "extraction": return "keyframe extraction \(id) of \(clip())"
        case "keyframe": return "keyframe \(column("idx")) of extraction \(column("extraction_id")) of \(clip())"
        case "fingerprint": return "fingerprint of \(clip())"
        case "match": return "match \(id)"
        case "article": return "article \(ShortID.article.text(Int64(id) ?? 0))"
        case "claim": return "claim \(ShortID.claim.text(Int64(id) ?? 0))"
        case "link": return "link \(ShortID.link.text(Int64(id) ?? 0))"
        case "assessment": return "assessment \(id) of \(clip())"
        case "search": return "search entry \(id) (\(column("kind")) \(column("ref")))"
        default: return "\(table) \(id)"
        }
    }
}
