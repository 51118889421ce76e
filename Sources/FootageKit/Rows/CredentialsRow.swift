import FootageCatalog
import FootageMedia
import Foundation

/// A clip's C2PA manifest store in brief (`probe`, `show`, `register` and the exports): the state, the validation
/// codes, and who made and signed the active manifest with what actions and ingredients.
public struct CredentialsRow: Encodable, Sendable {
    /// `valid`, `invalid`, `unreadable`, `none` or `not checked`.
    public var state: String
    public var codes: [String]
    public var reason: String?
    public var library: String?
    public var summary: ManifestSummary?
    /// The state in words: "valid, signed by …", "invalid: assertion.bmffHash.mismatch", …
    public var text: String

    public init(_ credentials: ContentCredentials) {
        state = credentials.state.rawValue
        codes = credentials.codes
        reason = credentials.reason
        library = credentials.library
        summary = credentials.summary
        text = credentials.description
    }

    public init(_ record: CredentialsRecord) {
        self.init(ContentCredentials(record))
    }

    enum CodingKeys: String, CodingKey {
        case state, codes, reason, library, text
        case claimGenerator = "claim_generator"
        case signer, issuer
        case signingTime = "signing_time"
        case actions, ingredients, manifests
        case activeManifest = "active_manifest"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(state, forKey: .state)
        try container.encode(text, forKey: .text)
        try container.encode(codes, forKey: .codes)
        try container.encodeIfPresent(reason, forKey: .reason)
        try container.encodeIfPresent(library, forKey: .library)
        guard let summary else { return }
        try container.encodeIfPresent(summary.label, forKey: .activeManifest)
        try container.encode(summary.manifests, forKey: .manifests)
        try container.encodeIfPresent(summary.claimGenerator, forKey: .claimGenerator)
        try container.encodeIfPresent(summary.signer, forKey: .signer)
        try container.encodeIfPresent(summary.issuer, forKey: .issuer)
        try container.encodeIfPresent(summary.signingTime, forKey: .signingTime)
        try container.encode(summary.actions, forKey: .actions)
        try container.encode(summary.ingredients, forKey: .ingredients)
    }

    /// Lines for people, after a label column: the state, then the active manifest's fields.
    public var lines: [(label: String, text: String)] {
        var lines = [("c2pa", text)]
        guard let summary else { return lines }
        if let generator = summary.claimGenerator { lines.append(("generator", generator)) }
        if let signer = summary.signer {
            let issuer = summary.issuer.flatMap { $0 == signer ? nil : " (issued by \($0))" } ?? ""
            lines.append(("signer", signer + issuer))
        }
        if let time = summary.signingTime { lines.append(("signed", time)) }
        if !summary.actions.isEmpty { lines.append(("actions", summary.actions.joined(separator: ", "))) }
        for ingredient in summary.ingredients {
            let parts = [ingredient.title, ingredient.relationship, ingredient.format].compactMap { $0 }
            lines.append(("ingredient", parts.joined(separator: "  ")))
        }
        return lines
    }
}

extension ContentCredentials {
    /// A reading as recorded in a catalogue, its summary read again from the stored manifest store.
    public init(_ record: CredentialsRecord) {
        self.init(
            state: State(rawValue: record.state.rawValue) ?? .unreadable, codes: record.codeList,
            reason: record.reason, manifestStore: record.manifestJson, library: record.library,
            summary: record.manifestJson.flatMap(ManifestSummary.init(json:)))
    }

    /// The reading as a row to record with its clip.
    var record: CredentialsRecord {
        CredentialsRecord(
            state: CredentialsState(rawValue: state.rawValue) ?? .unreadable, codes: codes, reason: reason,
            manifestJson: manifestStore, library: library)
    }
}

extension CredentialsRow {
    /// The state as a schema.org `PropertyValue` (MediaReview's `itemReviewed.identifier`): schema.org has no term for
    /// Content Credentials, and the active manifest's label identifies the claim made about the file.
    static func property(_ record: CredentialsRecord) -> JSONValue {
        let row = CredentialsRow(record)
        var value: [String: JSONValue] = [
            "@type": "PropertyValue", "propertyID": "c2pa", "name": "C2PA Content Credentials",
            "value": .string(row.state), "description": .string(row.text),
        ]
        if let label = row.summary?.label { value["identifier"] = .string(label) }
        return .object(value)
    }

    /// The state and the active manifest's signer, generator and signing time as PROV attributes of the clip.
    static func provAttributes(_ record: CredentialsRecord) -> [String: JSONValue] {
        let row = CredentialsRow(record)
        var attributes: [String: JSONValue] = ["footage:c2paState": .string(row.state)]
        if !row.codes.isEmpty { attributes["footage:c2paCodes"] = .string(row.codes.joined(separator: " ")) }
        if let signer = row.summary?.signer { attributes["footage:c2paSigner"] = .string(signer) }
        if let generator = row.summary?.claimGenerator { attributes["footage:c2paClaimGenerator"] = .string(generator) }
        if let time = row.summary?.signingTime { attributes["footage:c2paSigningTime"] = .string(time) }
        return attributes
    }
}
