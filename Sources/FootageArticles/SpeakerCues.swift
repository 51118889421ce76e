import Foundation

/// Decides whether a speaker phrase names a person or an organisation, from the words it is made of.
///
/// English noun phrases put their head last, so the phrase is read from its head backwards and the first cue
/// decides: `a US military official` is a person (`official`), `the army's press office` an organisation
/// (`office`), `Lt. Col. Dana Whitlow` a person (`Col.`). A head with no cue that is an acronym (`the BBC`) is an
/// organisation; a role noun heading a phrase with a qualifier (`Geologists from the university`) a person. The head is looked for before any `of`, `for`, `on`,
/// `at`, `in`, `from` or `with` (`the Ministry of Defence`, `a spokesman for the ministry`) and after a
/// possessive (`the ministry's spokeswoman`). When the phrase itself has no cue, its appositive does
/// (`Rosa Imbert, a shopkeeper,` → person; `Rosa Imbert, 54,` → person). A personal name with no cue anywhere
/// stays unknown (nil): nothing in the words tells `Rosa Imbert` from `North Mara`.
enum SpeakerCues {
    /// Titles, ranks, roles and words for people (lower case, without dots).
    static let person: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "col", "lt", "ltc", "gen", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
        "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "pres", "insp", "supt", "det", "cllr", "amb", "atty",
        "rev", "colonel", "general", "major", "captain", "sergeant", "lieutenant", "corporal", "commander",
        "admiral", "brigadier", "marshal", "minister", "president", "premier", "chancellor", "governor", "mayor",
        "senator", "congressman", "congresswoman", "lawmaker", "legislator", "mp", "spokesman", "spokeswoman",
        "spokesperson", "official", "officials", "officer", "officers", "chief", "commissioner", "director",
        "inspector", "superintendent", "detective", "constable", "ambassador", "envoy", "diplomat", "secretary",
        "chairman", "chairwoman", "leader", "candidate", "witness", "witnesses", "eyewitness", "eyewitnesses",
        "resident", "residents", "doctor", "doctors", "nurse", "medic", "paramedic", "analyst", "researcher",
        "expert", "journalist", "reporter", "correspondent", "photographer", "head", "deputy", "man", "woman",
        "men", "women", "farmer", "survivor", "survivors", "father", "mother", "prosecutor", "prosecutors", "judge",
        "lawyer", "attorney", "coroner", "sheriff", "manager", "owner", "worker", "volunteer", "teacher",
        "student", "activist", "investigator", "investigators", "firefighter", "firefighters", "rescuer",
        "rescuers", "soldier", "soldiers", "pilot", "driver", "source", "king", "queen", "prince", "imam", "priest",
        "bishop", "he", "she", "him", "her",
    ]
    /// Institutions, forces, publishers and the words that name them (lower case, without dots).
    static let organization: Set<String> = [
        "ministry", "office", "agency", "army", "forces", "force", "police", "department", "pentagon", "military",
        "government", "command", "coalition", "commission", "committee", "council", "court", "service",
        "services", "authority", "authorities", "embassy", "navy", "corps", "brigade", "battalion", "regiment",
        "division", "unit", "guard", "party", "campaign", "union", "association", "organisation", "organization",
        "group", "company", "corporation", "inc", "ltd", "bureau", "center", "centre", "institute", "university",
        "hospital", "administration", "directorate", "secretariat", "parliament", "senate", "congress", "cabinet",
        "kremlin", "observatory", "network", "newspaper", "broadcaster", "television", "tv", "radio", "channel",
        "outlet", "media", "reuters", "ap", "afp", "bloomberg", "xinhua", "press", "un", "nato", "eu", "unicef",
        "unhcr", "cross", "crescent", "watch", "international", "foundation", "fund", "trust", "bank", "board",
        "headquarters", "station", "prefecture", "municipality", "firm", "mission", "tribunal", "assembly",
        "federation", "league", "movement", "militia", "wing", "house", "operator", "airline", "utility", "charity",
        "it",
    ]
    /// Words that end the head of a phrase: what follows them qualifies it.
    static let headEnds: Set<String> = ["of", "for", "on", "at", "in", "from", "with", "to", "near"]

    /// The kind of the speaker `phrase` (token range), helped by its appositive `descriptor` when it has no cue.
    static func kind(of phrase: Range<Int>, descriptor: Range<Int>? = nil, tokens: [ClaimToken]) -> SpeakerKind? {
        if let kind = headKind(phrase, tokens: tokens) { return kind }
        guard let descriptor else { return nil }
        if let kind = headKind(descriptor, tokens: tokens) { return kind }
        let words = tokens[descriptor]
        // `Rosa Imbert, 54,`: an age.
        if words.count == 1, let number = words.first?.number, (1...110).contains(number.value) { return .person }
        // `a shopkeeper`, `an accountant`, `a local activist`: a role noun.
        if let first = words.first, ["a", "an"].contains(first.lower), let last = words.last, !last.isCapitalized,
            isRoleNoun(last)
        {
            return .person
        }
        return nil
    }

    /// A noun for someone by what they do: `observers`, `geologist`, `shopkeeper`, `accountant`, `historian`.
    static func isRoleNoun(_ token: ClaimToken) -> Bool {
        guard token.kind == .word, token.lower.count > 4, !organization.contains(bare(token.lower)) else {
            return false
        }
        let word = token.lower.hasSuffix("s") ? String(token.lower.dropLast()) : token.lower
        return ["er", "or", "ist", "ian", "ant", "ent"].contains { word.hasSuffix($0) }
    }

    private static func headKind(_ range: Range<Int>, tokens: [ClaimToken]) -> SpeakerKind? {
        var start = range.lowerBound
        for index in range where isPossessive(tokens[index]) { start = index + 1 }
        if start >= range.upperBound { start = range.lowerBound }
        var end = start
        while end < range.upperBound, end == start || !headEnds.contains(tokens[end].lower) { end += 1 }
        if let kind = lastCue(in: start..<end, tokens: tokens) { return kind }
        // `the BBC`, `ISIL`: an acronym heading the phrase names an organisation.
        if tokens[end - 1].isAcronym { return .organization }
        // `Observers from the mission`, `Geologists at the university`: a role noun heads the phrase.
        if end < range.upperBound, isRoleNoun(tokens[end - 1]) { return .person }
        return lastCue(in: range, tokens: tokens)
    }

    private static func lastCue(in range: Range<Int>, tokens: [ClaimToken]) -> SpeakerKind? {
        for token in tokens[range].reversed() where token.kind == .word {
            let word = bare(token.lower)
            if organization.contains(word) { return .organization }
            if person.contains(word) { return .person }
        }
        return nil
    }

    static func isPossessive(_ token: ClaimToken) -> Bool {
        token.kind == .word && (token.lower.hasSuffix("’s") || token.lower.hasSuffix("'s"))
    }

    /// `Col.` → `col`, `U.N.` → `un`, `ministry’s` → `ministry`.
    static func bare(_ word: String) -> String {
        var word = word
        if word.hasSuffix("’s") || word.hasSuffix("'s") { word.removeLast(2) }
        return word.replacingOccurrences(of: ".", with: "")
    }
}
