import FootageCatalog
import FootageCore
import Foundation

extension ProvExport {
    /// Claim review as PROV. Each review (dismissal, edit, verdict) is an activity, `footage:reviewing/<hash of its
    /// ledger event>`, started at the event's time, associated with the analyst and footage, that used the claim as it
    /// stood (and, for a verdict, the evidence links standing then) and generated one entity named after the same
    /// event: a verdict (`footage:verdict/<hash>`: the rating, its value on the 1–6 scale, the explanation), a
    /// dismissal (`footage:dismissal/<hash>`: the reason), or a revision of the claim (`footage:claim-revision/<hash>`:
    /// the new text), which `wasDerivedFrom` the text it replaced with `prov:type` `prov:Revision`.
    ///
    /// A dismissal is an entity rather than an invalidation of the claim: a dismissed claim is still the sentence the
    /// article printed, links made to it stay, and PROV forbids using an entity after it was invalidated.
    static func reviews(
        _ index: SnapshotIndex, claimIDs: [Int64: String], linkIDs: [Int64: String], tool: String,
        in doc: inout ProvDocument
    ) {
        let snapshot = index.snapshot
        let events = Dictionary(
            snapshot.events.compactMap { event -> (Int64, LedgerEvent)? in
                guard [.claimDismiss, .claimEdit, .claimVerdict].contains(event.action),
                    case .int(let id)? = PrettyJSON.parsed(event.payload)["review_id"]
                else { return nil }
                return (id, event)
            }, uniquingKeysWith: { first, _ in first })
        var current = claimIDs
        for review in snapshot.claimReviews {
            guard let event = events[review.id], let claim = current[review.claimId] else { continue }
            let activity = "footage:reviewing/\(event.hash)"
            doc.activity(
                activity, startTime: event.time,
                [
                    "prov:type": qualified("footage:\(event.action)"), "footage:ledgerSeq": .int(event.seq),
                    "footage:ledgerHash": .string(event.hash),
                ])
            let analyst = analystID(review.createdBy, in: &doc)
            doc.relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": analyst])
            doc.relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": tool])
            doc.relation("used", ["prov:activity": activity, "prov:entity": claim])
            let entity: String
            var attributes: [String: JSONValue] = ["footage:shortId": .string(ShortID.claim.text(review.claimId))]
            switch review.action {
            case .verdict:
                entity = "footage:verdict/\(event.hash)"
                let rating = review.rating ?? .unproven
                attributes["prov:type"] = qualified("footage:Verdict")
                attributes["prov:label"] = .string(rating.label)
                attributes["footage:rating"] = .string(rating.rawValue)
                attributes["footage:ratingValue"] = .int(Int64(rating.ratingValue))
                attributes["footage:explanation"] = .string(review.note ?? "")
                // The evidence standing when the verdict was given.
                for link in index.linksByClaim[review.claimId] ?? []
                where link.createdAt <= review.createdAt
                    && (link.retractedAt.map { $0 > review.createdAt } ?? true)
                {
                    if let id = linkIDs[link.id] {
                        doc.relation("used", ["prov:activity": activity, "prov:entity": id])
                    }
                }
            case .dismiss:
                entity = "footage:dismissal/\(event.hash)"
                attributes["prov:type"] = qualified("footage:Dismissal")
                attributes["footage:reason"] = .string(review.note ?? "")
            case .edit:
                entity = "footage:claim-revision/\(event.hash)"
                attributes["prov:type"] = qualified("footage:Claim")
                attributes["prov:value"] = .string(review.text ?? "")
                current[review.claimId] = entity
            }
            doc.entity(entity, attributes)
            doc.relation("wasGeneratedBy", ["prov:entity": entity, "prov:activity": activity, "prov:time": event.time])
            doc.relation("wasAttributedTo", ["prov:entity": entity, "prov:agent": analyst])
            doc.relation(
                "wasDerivedFrom", ["prov:generatedEntity": entity, "prov:usedEntity": claim],
                review.action == .edit ? ["prov:type": qualified("prov:Revision")] : [:])
        }
    }
}
