import FootageCatalog
import Foundation

/// Who made a claim, as a ClaimReview's `itemReviewed.author`: a schema.org `Person` or `Organization`.
///
/// The claim's attribution names the speaker. Claim extraction records in the claim's details whether it is a
/// person or an organisation (`speaker_kind`: `person` or `organization`); for claims extracted before it did, the
/// kind is guessed from the name: words such as Ministry, Office, Army, Pentagon or Agency make an organisation.
/// A group that names no one ("officials", "witnesses", "residents") is neither, and is left out rather than
/// published as a person named "officials".
struct ClaimSpeaker {
    enum Kind: String {
        case person = "Person"
        case organization = "Organization"
    }

    var name: String
    var kind: Kind

    init?(_ claim: ClaimRecord) {
        let details = claim.detailsValue
        guard
            let name = (details["speaker"]?.stringValue ?? claim.attribution)?
                .trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty
        else { return nil }
        let recorded = details["speaker_kind"]?.stringValue?.lowercased()
        switch recorded {
        case "person": kind = .person
        case "organization", "organisation": kind = .organization
        default:
            guard let guessed = Self.guess(name) else { return nil }
            kind = guessed
        }
        self.name = name
    }

    var value: JSONValue { ["@type": .string(kind.rawValue), "name": .string(name)] }

    /// Words that make a name an organisation's.
    static let organisationWords: Set<String> = [
        "ministry", "office", "department", "agency", "army", "navy", "force", "forces", "command", "police",
        "government", "council", "committee", "commission", "organization", "organisation", "pentagon", "coalition",
        "military", "nations", "nato", "un", "u.n.", "ministry's", "reuters", "press", "news", "agence", "bureau",
        "service", "services", "authority", "administration", "embassy", "party", "company", "corporation", "group",
        "institute", "university", "court", "parliament", "senate", "congress", "red", "crescent", "cross",
        "headquarters", "directorate", "brigade", "battalion", "division", "regiment", "guard", "centre", "center",
    ]

    /// Plural nouns of people that name no one in particular.
    static let groupWords: Set<String> = [
        "officials", "witnesses", "residents", "sources", "activists", "people", "observers", "analysts", "experts",
        "doctors", "survivors", "locals", "villagers", "authorities", "reports", "critics", "diplomats", "spokesmen",
        "they", "others", "many", "some",
    ]

    /// Words of a person speaking, for an organisation or not: a title, a role.
    static let personalWords: Set<String> = [
        "official", "spokesman", "spokeswoman", "spokesperson", "minister", "officer", "commander", "general",
        "colonel", "chief", "director", "secretary", "president", "member", "soldier", "mr.", "mrs.", "ms.", "dr.",
        "col.", "lt.", "gen.", "maj.", "capt.", "sgt.", "cpl.", "adm.", "sen.", "rep.", "gov.", "prof.", "mayor",
        "witness", "resident", "doctor", "journalist", "reporter", "analyst", "researcher",
    ]

    static func guess(_ name: String) -> Kind? {
        let words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;:"))
        }
        guard let last = words.last else { return nil }
        if groupWords.contains(last) { return nil }
        // "a US military official", "a coalition spokesman, Col. Chris Garver": a person, speaking for an
        // organisation or not.
        if words.contains(where: personalWords.contains) { return .person }
        return words.contains(where: organisationWords.contains) ? .organization : .person
    }
}
