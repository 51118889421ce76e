import FootageCatalog
import FootageCore
import Foundation

/// `footage export --format prov-json`: the provenance of the evidence as W3C PROV-JSON
/// (<https://www.w3.org/submissions/prov-json/>).
///
/// Entities: clips, keyframes, articles, claims and evidence links, named by content where they have one
/// (`footage:clip/<sha256>`, `footage:keyframe/<image sha256>`, `footage:article/<sha256>`,
/// `footage:link/<hash of its ledger event>`) and the findings of `footage match` (`footage:match/<a>/<b>`, see
/// `matches`). Activities: the ledger events that made them (registration, keyframe extraction, fingerprinting,
/// article import, linking, retraction, assessment) and the matching of each pair, started at their time.
/// Agents: the analysts, the publishers and footage itself. Relation ids are blank nodes made from their ends, so
/// the same catalogue always gives the same document.
enum ProvExport {
    static let namespace = "https://footage.invalid/ns#"

    static func value(_ index: SnapshotIndex) -> JSONValue {
        var doc = ProvDocument()
        let tool = "footage:tool/footage-\(FootageVersion.string)"
        doc.agent(
            tool,
            [
                "prov:type": qualified("prov:SoftwareAgent"), "prov:label": "footage",
                "footage:version": .string(FootageVersion.string),
            ])
        let snapshot = index.snapshot
        // The clips on the other side of a match are entities too, so that the match can use them.
        for clip in snapshot.clips + index.matches.others.values.sorted(by: { $0.id < $1.id }) {
            var attributes: [String: JSONValue] = [
                "prov:type": qualified("footage:Clip"), "footage:sha256": .string(clip.sha256),
                "footage:size": .int(clip.size),
            ]
            if let duration = clip.duration { attributes["footage:duration"] = .double(duration) }
            if let title = index.anyTitle(of: clip.id) { attributes["prov:label"] = .string(title) }
            if let url = WebAddress.http(index.url(of: clip.id)) { attributes["footage:url"] = .string(url) }
            if let credentials = index.credentials[clip.id] {
                attributes.merge(CredentialsRow.provAttributes(credentials)) { _, new in new }
            }
            doc.entity(clipID(clip.sha256), attributes)
            if let publisher = index.publisher(of: clip.id) {
                let agent = "footage:publisher/\(local(publisher))"
                doc.agent(agent, ["prov:type": qualified("prov:Organization"), "prov:label": .string(publisher)])
                doc.relation("wasAttributedTo", ["prov:entity": clipID(clip.sha256), "prov:agent": agent])
            }
        }
        let clipsByID = index.clips
        for frame in snapshot.keyframes {
            guard let clip = clipsByID[frame.clipId] else { continue }
            doc.entity(
                keyframeID(frame.sha256),
                [
                    "prov:type": qualified("footage:Keyframe"), "footage:sha256": .string(frame.sha256),
                    "footage:time": .double(frame.time), "footage:pts": .int(frame.pts),
                    "footage:timeBase": .string(frame.timeBase), "footage:pdq": .string(frame.pdq),
                ])
            doc.relation(
                "wasDerivedFrom",
                [
                    "prov:generatedEntity": keyframeID(frame.sha256),
                    "prov:usedEntity": clipID(clip.sha256),
                ])
        }
        for article in snapshot.articles {
            var attributes: [String: JSONValue] = [
                "prov:type": qualified("footage:Article"), "footage:sha256": .string(article.sha256),
                "prov:label": .string(article.headline),
            ]
            if let url = WebAddress.http(article.url) { attributes["footage:url"] = .string(url) }
            if let published = article.published { attributes["footage:published"] = .string(published) }
            doc.entity(articleID(article.sha256), attributes)
        }
        var claimIDs: [Int64: String] = [:]
        for claim in snapshot.claims {
            guard let article = index.articles[claim.articleId] else { continue }
            let id = "footage:claim/\(article.sha256)/\(claim.idx)"
            claimIDs[claim.id] = id
            doc.entity(
                id,
                [
                    "prov:type": qualified("footage:Claim"), "prov:value": .string(claim.text),
                    "footage:shortId": .string(claim.shortID),
                    "footage:origin": .string(claim.origin.rawValue),
                ])
            doc.relation("wasDerivedFrom", ["prov:generatedEntity": id, "prov:usedEntity": articleID(article.sha256)])
        }
        var linkIDs: [Int64: String] = [:]
        for link in snapshot.links {
            let id = "footage:link/" + (index.linkEvents[link.id]?.hash ?? link.shortID)
            linkIDs[link.id] = id
            doc.entity(
                id,
                [
                    "prov:type": qualified("footage:EvidenceLink"),
                    "footage:stance": .string(link.stance.rawValue),
                    "footage:confidence": .string(link.confidence.rawValue),
                    "footage:start": .double(link.start), "footage:end": .double(link.end),
                    "footage:shortId": .string(link.shortID), "footage:clipSha256": .string(link.clipSha256),
                ])
            let analyst = analystID(link.createdBy, in: &doc)
            doc.relation("wasAttributedTo", ["prov:entity": id, "prov:agent": analyst])
        }
        matches(index, tool: tool, in: &doc)
        // Activities, from the ledger events that recorded the records above.
        let articlesByShortID = Dictionary(uniqueKeysWithValues: snapshot.articles.map { ($0.shortID, $0) })
        let claimsByShortID = Dictionary(uniqueKeysWithValues: snapshot.claims.map { ($0.shortID, $0) })
        let linksByShortID = Dictionary(uniqueKeysWithValues: snapshot.links.map { ($0.shortID, $0) })
        let clipsBySha = Set(snapshot.clips.map(\.sha256))
        for event in snapshot.events {
            let kind: String
            switch event.action {
            case .clipRegister: kind = "register"
            case .keyframesExtract: kind = "extract"
            case .articleAdd: kind = "import"
            case .claimAdd: kind = "claim"
            // Not "link": the link entity is named `footage:link/<this event's hash>` already, and an activity of the
            // same name would be one identifier for two records, which PROV tools merge (`unified()`).
            case .linkAdd: kind = "linking"
            case .linkRetract: kind = "retract"
            case .clipAssess: kind = "assess"
            case .clipFingerprint: kind = "fingerprint"
            // Claim review: drawn by `reviews` below, from the stored reviews.
            case .claimDismiss, .claimEdit, .claimVerdict: continue
            // Publishing settings say where reviews go, not where evidence came from.
            case .articleReviewURL, .catalogReviewer: continue
            // Locations and acquisitions are attributes of the entities above, not activities of their own; a match's
            // activity is the one `matches` draws from the match as stored; verification runs are about the record,
            // not about the footage.
            // So is what a clip's C2PA manifest said (`footage:c2pa…` attributes of the clip); titles name, not evidence.
            case .locationAdd, .acquisitionAdd, .clipsMatch, .catalogVerify, .clipCredentials, .clipTitle: continue
            }
            let activity = "footage:\(kind)/\(event.hash)"
            var attributes: [String: JSONValue] = [
                "prov:type": qualified("footage:\(event.action)"), "footage:ledgerSeq": .int(event.seq),
                "footage:ledgerHash": .string(event.hash),
            ]
            let payload = PrettyJSON.parsed(event.payload)
            if kind == "assess", let category = payload["category"]?.stringValue {
                attributes["footage:category"] = .string(category)
            }
            doc.activity(activity, startTime: event.time, attributes)
            let analyst = analystID(event.actor, in: &doc)
            doc.relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": analyst])
            doc.relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": tool])
            switch kind {
            case "register", "fingerprint", "assess":
                if clipsBySha.contains(event.subject) {
                    doc.relation("used", ["prov:activity": activity, "prov:entity": clipID(event.subject)])
                }
            case "extract":
                guard clipsBySha.contains(event.subject) else { continue }
                doc.relation("used", ["prov:activity": activity, "prov:entity": clipID(event.subject)])
                for frame in payload["keyframes"]?.arrayItems ?? [] {
                    guard let sha = frame["sha256"]?.stringValue else { continue }
                    doc.relation(
                        "wasGeneratedBy",
                        [
                            "prov:entity": keyframeID(sha), "prov:activity": activity,
                            "prov:time": event.time,
                        ])
                }
            case "import":
                guard let article = articlesByShortID[event.subject] else { continue }
                doc.relation(
                    "wasGeneratedBy",
                    [
                        "prov:entity": articleID(article.sha256), "prov:activity": activity,
                        "prov:time": event.time,
                    ])
            case "claim":
                guard let claim = claimsByShortID[event.subject], let id = claimIDs[claim.id] else { continue }
                doc.relation("wasGeneratedBy", ["prov:entity": id, "prov:activity": activity, "prov:time": event.time])
                if let article = index.articles[claim.articleId] {
                    doc.relation("used", ["prov:activity": activity, "prov:entity": articleID(article.sha256)])
                }
            case "linking":
                guard let link = linksByShortID[event.subject], let id = linkIDs[link.id] else { continue }
                doc.relation("used", ["prov:activity": activity, "prov:entity": clipID(link.clipSha256)])
                if let claim = claimIDs[link.claimId] {
                    doc.relation("used", ["prov:activity": activity, "prov:entity": claim])
                }
                doc.relation("wasGeneratedBy", ["prov:entity": id, "prov:activity": activity, "prov:time": event.time])
            case "retract":
                guard let link = linksByShortID[event.subject], let id = linkIDs[link.id] else { continue }
                doc.relation(
                    "wasInvalidatedBy", ["prov:entity": id, "prov:activity": activity, "prov:time": event.time])
            default: break
            }
        }
        reviews(index, claimIDs: claimIDs, linkIDs: linkIDs, tool: tool, in: &doc)
        return doc.value
    }

    static func clipID(_ sha: String) -> String { "footage:clip/\(sha)" }
    static func keyframeID(_ sha: String) -> String { "footage:keyframe/\(sha)" }
    static func articleID(_ sha: String) -> String { "footage:article/\(sha)" }

    static func analystID(_ name: String, in doc: inout ProvDocument) -> String {
        let id = "footage:analyst/\(local(name))"
        doc.agent(id, ["prov:type": qualified("prov:Person"), "prov:label": .string(name)])
        return id
    }

    static func qualified(_ name: String) -> JSONValue { ["$": .string(name), "type": "prov:QUALIFIED_NAME"] }

    /// A name as the local part of a qualified name: letters, digits, `-`, `.`, `_` kept, everything else
    /// percent-encoded (UTF-8).
    static func local(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

/// A PROV-JSON document being built: records by kind and id.
///
/// An entity is generated once (PROV-CONSTRAINTS' uniqueness and ordering of generations): the same still extracted
/// twice is one entity, named by its bytes, generated by the first extraction; later ones are left out.
struct ProvDocument {
    private var sections: [String: [String: JSONValue]] = [:]
    private var generated: Set<String> = []

    mutating func entity(_ id: String, _ attributes: [String: JSONValue]) { add("entity", id, attributes) }
    mutating func agent(_ id: String, _ attributes: [String: JSONValue]) { add("agent", id, attributes) }

    mutating func activity(_ id: String, startTime: String, _ attributes: [String: JSONValue]) {
        var all = attributes
        all["prov:startTime"] = .string(startTime)
        add("activity", id, all)
    }

    /// A relation, its id a blank node made from its arguments (so repeats collapse into one); `attributes` are
    /// further attributes (`prov:type` of a derivation).
    mutating func relation(_ kind: String, _ arguments: [String: String], _ attributes: [String: JSONValue] = [:]) {
        if kind == "wasGeneratedBy", let entity = arguments["prov:entity"] {
            guard generated.insert(entity).inserted else { return }
        }
        let key = arguments.keys.sorted().map { "\($0)=\(arguments[$0]!)" }.joined(separator: "\n")
        add(
            kind, "_:\(kind)-\(Hashing.sha256Hex(key).prefix(16))",
            arguments.mapValues(JSONValue.string).merging(attributes) { first, _ in first })
    }

    private mutating func add(_ kind: String, _ id: String, _ attributes: [String: JSONValue]) {
        sections[kind, default: [:]][id] = .object(attributes)
    }

    var value: JSONValue {
        var doc: [String: JSONValue] = ["prefix": ["footage": .string(ProvExport.namespace)]]
        for (kind, records) in sections { doc[kind] = .object(records) }
        return .object(doc)
    }
}
