import FootageCatalog
import Foundation

/// `footage export --format csv`: the clips, claims, links and matches tables as RFC 4180 CSV
/// (<https://www.rfc-editor.org/rfc/rfc4180>): a header line, CRLF line ends, and fields that hold a comma, a
/// quote, a CR or a LF in double quotes with quotes doubled.
///
/// A spreadsheet opening the file runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a
/// formula, and the text in these cells comes from hostile files (container titles, article sentences, notes quoting
/// them). Such a cell gets a leading apostrophe by default, as OWASP advises ("CSV injection"), so that it is shown
/// as text; a number (`-12.5`) is left as it is. `--raw` writes every value exactly as stored.
public enum CSVExport {
    public enum Table: String, CaseIterable, Sendable { case clips, claims, links, matches }

    static func text(_ table: Table, _ index: SnapshotIndex, raw: Bool = false) -> String {
        let rows: [[String]]
        switch table {
        case .clips: rows = clips(index)
        case .claims: rows = claims(index)
        case .links: rows = links(index)
        case .matches: rows = matches(index)
        }
        let cell: (String) -> String = { value in field(raw ? value : neutralised(value)) }
        return rows.map { $0.map(cell).joined(separator: ",") + "\r\n" }.joined()
    }

    /// `value`, with an apostrophe in front when a spreadsheet would read it as a formula.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return value }
        if first == "-" || first == "+", Double(value) != nil, value.allSatisfy({ "+-.0123456789eE".contains($0) }) {
            return value
        }
        return "'" + value
    }

    /// One field, quoted when it must be.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func number(_ value: Double?) -> String { value.map { JSONValue.double($0).canonicalText } ?? "" }
    private static func number(_ value: Int?) -> String { value.map(String.init) ?? "" }

    static func clips(_ index: SnapshotIndex) -> [[String]] {
        let header = [
            "sha256", "title", "publisher", "platform", "url", "upload_time", "creation_time", "latitude",
            "longitude", "duration", "size", "format_name", "video_codec", "audio_codec", "width", "height",
            "frame_rate", "warnings", "assessment", "registered_at", "registered_by", "c2pa", "c2pa_signer",
        ]
        return [header]
            + index.snapshot.clips.map { clip in
                let id = clip.id
                let c2pa = index.credentials[id].map(CredentialsRow.init)
                let row: [String] = [
                    clip.sha256, index.title(of: id) ?? "", index.publisher(of: id) ?? "", index.platform(of: id) ?? "",
                    index.url(of: id) ?? "", index.uploadTime(of: id) ?? "", clip.creationTime ?? "",
                    number(clip.latitude), number(clip.longitude), number(clip.duration), String(clip.size),
                    clip.formatName ?? "", clip.videoCodec ?? "", clip.audioCodec ?? "", number(clip.width),
                    number(clip.height), clip.frameRate ?? "", clip.warningList.joined(separator: "; "),
                    index.assessment(of: id)?.category.rawValue ?? "", clip.registeredAt, clip.registeredBy,
                    c2pa?.state ?? "", c2pa?.summary?.signer ?? "",
                ]
                return row
            }
    }

    static func claims(_ index: SnapshotIndex) -> [[String]] {
        let header = [
            "id", "article", "idx", "text", "kinds", "attribution", "origin", "evidence", "links",
            "created_at", "created_by", "status", "verdict", "rating_value", "explanation", "original_text",
        ]
        return [header]
            + index.snapshot.claims.map { claim in
                let standing = index.standingLinks(claim: claim.id)
                let review = index.review(of: claim.id)
                let verdict = review.verdict
                return [
                    claim.shortID, ShortID.article.text(claim.articleId), String(claim.idx), review.text(of: claim),
                    claim.kinds, claim.attribution ?? "", claim.origin.rawValue, StanceSummary.text(standing),
                    String(standing.count), claim.createdAt, claim.createdBy, review.status.rawValue,
                    verdict?.rating?.rawValue ?? "", verdict?.rating.map { String($0.ratingValue) } ?? "",
                    verdict?.note ?? "", review.originalText(of: claim) ?? "",
                ]
            }
    }

    static func links(_ index: SnapshotIndex) -> [[String]] {
        let header = [
            "id", "claim", "article", "clip_sha256", "start", "end", "stance", "confidence", "note",
            "created_at", "created_by", "retracted_at", "retracted_by", "retraction_note", "event_hash",
        ]
        return [header]
            + index.snapshot.links.map { link in
                let article = index.claims[link.claimId].map { ShortID.article.text($0.articleId) } ?? ""
                return [
                    link.shortID, ShortID.claim.text(link.claimId), article, link.clipSha256, number(link.start),
                    number(link.end), link.stance.rawValue, link.confidence.rawValue, link.note ?? "", link.createdAt,
                    link.createdBy, link.retractedAt ?? "", link.retractedBy ?? "", link.retractionNote ?? "",
                    index.linkEvents[link.id]?.hash ?? "",
                ]
            }
    }

    /// The JSON export's match rows, a column per key: lists and objects (segments, overlap, rule) as their canonical
    /// JSON, an absent value as an empty cell.
    static func matches(_ index: SnapshotIndex) -> [[String]] {
        [StoredMatchRow.columns]
            + StoredMatchRow.rows(index).map { row in
                let value = JSONRow.value(row)
                return StoredMatchRow.columns.map { key in
                    switch value[key] {
                    case nil, .null?: return ""
                    case .string(let text)?: return text
                    case let member?: return member.canonicalText
                    }
                }
            }
    }
}
