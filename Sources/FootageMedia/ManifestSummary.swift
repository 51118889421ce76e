import Foundation

/// The active manifest of a C2PA manifest store, in brief: who made the claim with what tool, who signed it and when,
/// what was done (actions) and from what (ingredients). Every text is cut to a bounded length: it is untrusted.
public struct ManifestSummary: Sendable, Codable, Equatable {
    /// One ingredient of the active manifest: a file it was made from or with.
    public struct Ingredient: Sendable, Codable, Equatable {
        public var title: String?
        /// "parentOf", "componentOf", "inputTo".
        public var relationship: String?
        public var format: String?
    }

    /// How many manifests the store holds (the active one and those of its ingredients).
    public var manifests: Int
    /// The active manifest's label (`urn:uuid:…`).
    public var label: String?
    public var title: String?
    /// The software that made the claim, e.g. "TestApp c2patool/0.6.2 c2pa-rs/0.28.2".
    public var claimGenerator: String?
    /// Who signed: the signing certificate's common name, else its issuer.
    public var signer: String?
    /// The signing certificate's issuer.
    public var issuer: String?
    /// When it was signed, as the manifest's time stamp says (ISO 8601).
    public var signingTime: String?
    /// The actions recorded, e.g. "c2pa.created", "c2pa.opened", "c2pa.edited".
    public var actions: [String]
    public var ingredients: [Ingredient]

    enum CodingKeys: String, CodingKey {
        case manifests, label, title, signer, issuer, actions, ingredients
        case claimGenerator = "claim_generator"
        case signingTime = "signing_time"
    }

    /// The longest text kept from a manifest, and the most actions and ingredients listed.
    static let maximumText = 300
    static let maximumItems = 50

    /// The summary of a store as the library reports it (`c2pa_reader_json`); nil without an active manifest.
    init?(store: [String: Any]) {
        let manifests = store["manifests"] as? [String: Any] ?? [:]
        guard let label = store["active_manifest"] as? String, let active = manifests[label] as? [String: Any]
        else { return nil }
        self.manifests = manifests.count
        self.label = Self.bounded(label)
        title = Self.text(active["title"])
        // Claims of version 1 name the generator in one string; version 2 in a list of {name, version}.
        if let generator = Self.text(active["claim_generator"]) {
            claimGenerator = generator
        } else if let info = active["claim_generator_info"] as? [[String: Any]] {
            let parts = info.prefix(Self.maximumItems).compactMap { entry -> String? in
                guard let name = Self.text(entry["name"]) else { return nil }
                return Self.text(entry["version"]).map { "\(name)/\($0)" } ?? name
            }
            claimGenerator = parts.isEmpty ? nil : Self.bounded(parts.joined(separator: " "))
        }
        let signature = active["signature_info"] as? [String: Any] ?? [:]
        issuer = Self.text(signature["issuer"])
        signer = Self.text(signature["common_name"]) ?? issuer
        signingTime = Self.text(signature["time"])
        var actions: [String] = []
        for assertion in active["assertions"] as? [Any] ?? [] {
            guard let assertion = assertion as? [String: Any], let name = assertion["label"] as? String,
                name.hasPrefix("c2pa.actions"),
                let listed = (assertion["data"] as? [String: Any])?["actions"] as? [Any]
            else { continue }
            for action in listed {
                guard actions.count < Self.maximumItems else { break }
                if let action = Self.text((action as? [String: Any])?["action"]) { actions.append(action) }
            }
        }
        self.actions = actions
        ingredients = (active["ingredients"] as? [Any] ?? []).prefix(Self.maximumItems).compactMap { entry in
            guard let entry = entry as? [String: Any] else { return nil }
            return Ingredient(
                title: Self.text(entry["title"]), relationship: Self.text(entry["relationship"]),
                format: Self.text(entry["format"]))
        }
    }

    /// The summary of a manifest store's JSON (as stored in a catalogue), with the same bounds as a reading; nil when
    /// the text is not one.
    public init?(json: String) {
        guard case .success(let object) = ContentCredentials.parsed(json) else { return nil }
        self.init(store: object)
    }

    static func text(_ value: Any?) -> String? {
        guard let value = value as? String, !value.isEmpty else { return nil }
        return bounded(value)
    }

    static func bounded(_ text: String) -> String {
        text.count <= maximumText ? text : String(text.prefix(maximumText)) + "…"
    }
}
