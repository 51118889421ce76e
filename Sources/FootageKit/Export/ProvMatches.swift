import FootageCatalog
import FootageCore
import Foundation

extension ProvExport {
    /// Each stored match as PROV: the matching is an activity (`footage:matching/<a>/<b>`, started when the match was
    /// recorded, associated with the analyst and footage) that used both clips and generated an entity, the finding
    /// (`footage:match/<a>/<b>`), which carries the offset, the shares, the transform and the segments and was
    /// derived from both clips.
    ///
    /// Why not `alternateOf` between the clips: PROV-DM's alternateOf takes no attributes, so the offset and the
    /// shares would have nowhere to go, and two releases that share 22 seconds are not two aspects of one thing.
    /// Nor `wasDerivedFrom` from one clip to the other: a match says that two clips show the same footage, not which
    /// was made from which. The catalogue keeps one match per pair, so the pair's hashes name it.
    static func matches(_ index: SnapshotIndex, tool: String, in doc: inout ProvDocument) {
        for row in StoredMatchRow.rows(index) {
            let pair = "\(row.a)/\(row.b)"
            let finding = "footage:match/\(pair)"
            let activity = "footage:matching/\(pair)"
            let clips = [clipID(row.a), clipID(row.b)]
            var attributes: [String: JSONValue] = [
                "prov:type": qualified("footage:Match"), "prov:label": .string(MatchText.alignment(row.offset)),
                "footage:clipA": .string(row.a), "footage:clipB": .string(row.b),
                "footage:offset": .double(row.offset), "footage:shareA": .double(row.shareA),
                "footage:shareB": .double(row.shareB), "footage:matchedFrames": .int(Int64(row.matchedFrames)),
                "footage:meanDistance": .double(row.meanDistance), "footage:matchedAt": .string(row.matchedAt),
                // PROV attribute values are literals: the segments go as their JSON text.
                "footage:segments": .string(JSONRow.value(row.segments).canonicalText),
            ]
            if let transform = row.transform { attributes["footage:transform"] = .string(transform.rawValue) }
            doc.entity(finding, attributes)
            doc.activity(
                activity, startTime: row.matchedAt,
                ["prov:type": qualified("footage:clips.match"), "footage:matchId": .int(row.matchId)])
            doc.relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": tool])
            let analyst = analystID(row.matchedBy, in: &doc)
            doc.relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": analyst])
            doc.relation(
                "wasGeneratedBy", ["prov:entity": finding, "prov:activity": activity, "prov:time": row.matchedAt])
            for clip in clips {
                doc.relation("used", ["prov:activity": activity, "prov:entity": clip])
                doc.relation("wasDerivedFrom", ["prov:generatedEntity": finding, "prov:usedEntity": clip])
            }
        }
    }
}
