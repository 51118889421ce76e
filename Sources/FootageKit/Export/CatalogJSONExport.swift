import FootageCatalog
import Foundation

/// `footage export --format json`: the catalogue (or an article's or a clip's part of it) as one JSON document.
/// Stable and deterministic: keys sorted, lists in id order, no export time, so exporting the same catalogue twice
/// gives byte-identical files that diff cleanly.
enum CatalogJSONExport {
    static func value(_ index: SnapshotIndex) -> JSONValue {
        let snapshot = index.snapshot
        let scope: JSONValue
        switch snapshot.scope {
        case .all: scope = ["kind": "all"]
        case .article(let id): scope = ["kind": "article", "article": .string(ShortID.article.text(id))]
        case .clip: scope = ["kind": "clip", "clip": .optional(snapshot.clips.first?.sha256)]
        }
        return [
            "format": "footage catalogue export",
            "footage_version": .string(FootageVersion.string),
            "scope": scope,
            "ledger": ["events": .int(snapshot.ledgerEvents), "head": .string(snapshot.ledgerHead)],
            "last_verification": snapshot.lastVerification.map { verification($0.verification) } ?? .null,
            "clips": .array(snapshot.clips.map { clip(index, $0) }),
            "articles": .array(snapshot.articles.map { article(index, $0) }),
            "links": .array(snapshot.links.map { link(index, $0) }),
            "matches": .array(StoredMatchRow.rows(index).map(JSONRow.value)),
            // The organisation that publishes the reviews (`footage config reviewer`).
            "reviewer": snapshot.reviewer.map { JSONRow.value(ReviewSettingRow($0)) } ?? .null,
        ]
    }

    static func clip(_ index: SnapshotIndex, _ clip: ClipRecord) -> JSONValue {
        let id = clip.id
        var row = PrettyJSON.object(clip, dropping: ["probe_json", "warnings"])
        row["warnings"] = .array(clip.warningList.map(JSONValue.string))
        row["probe"] = PrettyJSON.parsed(clip.probeJson)
        row["locations"] = .array(
            (index.locations[id] ?? []).map { .object(PrettyJSON.object($0, dropping: ["clip_id"])) })
        row["streams"] = .array((index.streams[id] ?? []).map { .object(PrettyJSON.object($0, dropping: ["clip_id"])) })
        row["tags"] = .array((index.tags[id] ?? []).map { .object(PrettyJSON.object($0, dropping: ["clip_id"])) })
        row["acquisitions"] = .array(
            (index.acquisitions[id] ?? []).map { acquisition in
                var object = PrettyJSON.object(acquisition, dropping: ["clip_id", "sidecar_json"])
                object["sidecar"] = acquisition.sidecarJson.map(PrettyJSON.parsed) ?? .null
                return .object(object)
            })
        row["extractions"] = .array(
            (index.extractions[id] ?? []).map { extraction in
                var object = PrettyJSON.object(extraction, dropping: ["clip_id"])
                object["params"] = PrettyJSON.parsed(extraction.params)
                return .object(object)
            })
        let frames = (index.keyframes[id] ?? []).sorted { $0.id < $1.id }
        row["keyframes"] = .array(frames.map { .object(PrettyJSON.object($0, dropping: ["clip_id"])) })
        row["assessments"] = .array(
            (index.assessments[id] ?? []).map { assessment in
                var object = PrettyJSON.object(assessment, dropping: ["clip_id"])
                object["schema_org"] = .string(assessment.category.schemaOrgName)
                return .object(object)
            })
        if let credentials = index.credentials[id], case .object(var c2pa) = JSONRow.value(CredentialsRow(credentials))
        {
            c2pa["manifest_store"] = credentials.manifestJson.map(PrettyJSON.parsed) ?? .null
            row["c2pa"] = .object(c2pa)
        }
        // Titles analysts gave the clip (`footage title`), oldest first; the last one stands.
        row["titles"] = .array(
            index.snapshot.titles.filter { $0.clipId == id }.map {
                .object(PrettyJSON.object($0, dropping: ["clip_id"]))
            })
        return .object(row)
    }

    static func article(_ index: SnapshotIndex, _ article: ArticleRecord) -> JSONValue {
        var row = PrettyJSON.object(article)
        row["short_id"] = .string(article.shortID)
        row["review_url"] = .optional(index.snapshot.reviewURLs[article.id]?.url)
        let claims = (index.claimsByArticle[article.id] ?? []).sorted { $0.id < $1.id }
        row["claims"] = .array(
            claims.map { claim in
                var object = PrettyJSON.object(claim, dropping: ["details", "kinds"])
                object["short_id"] = .string(claim.shortID)
                object["kinds"] = .array(claim.kindList.map(JSONValue.string))
                object["details"] = claim.detailsValue
                // The review: the text now (the extracted one stays as `original_text` once edited), the status,
                // the verdict that stands and the dismissal, as the claim rows show them, and every step.
                let review = index.review(of: claim.id)
                let row = JSONRow.value(index.claimRow(claim))
                object["text"] = .string(review.text(of: claim))
                object["original_text"] = .optional(review.originalText(of: claim))
                object["status"] = .string(review.status.rawValue)
                object["verdict"] = row["verdict"] ?? .null
                object["dismissal"] = row["dismissal"] ?? .null
                object["reviews"] = .array(review.history.map { .object(PrettyJSON.object($0)) })
                return .object(object)
            })
        return .object(row)
    }

    static func link(_ index: SnapshotIndex, _ link: LinkRecord) -> JSONValue {
        var row = PrettyJSON.object(link, dropping: ["keyframes"])
        row["short_id"] = .string(link.shortID)
        row["claim"] = .string(ShortID.claim.text(link.claimId))
        row["keyframes"] = link.keyframesValue
        row["event_hash"] = .optional(index.linkEvents[link.id]?.hash)
        return .object(row)
    }

    static func verification(_ record: VerificationRecord) -> JSONValue {
        var row = PrettyJSON.object(record, dropping: ["problem_list"])
        row["problem_list"] = .array(record.problemTexts.map(JSONValue.string))
        return .object(row)
    }
}
