import Foundation

/// Words that end in a full stop without ending a sentence, shared by the sentence splitter and the
/// claim tokenizer. All entries are lower case and without their final dot.
enum Abbreviations {
    /// Titles and abbreviations that are (almost) never the last word of a sentence.
    static let neverFinal: Set<String> = [
        "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "ft", "col", "gen", "lt", "ltc", "sgt", "capt", "cpt",
        "maj", "cpl", "pvt", "adm", "cmdr", "cdr", "brig", "gov", "sen", "rep", "pres", "rev", "hon", "fr",
        "sr", "sra", "srta", "messrs", "mme", "mlle", "insp", "supt", "det", "cllr", "amb", "atty", "gens",
        "approx", "e.g", "i.e", "cf", "viz", "vs", "v", "ca", "c", "al", "est", "dept", "univ", "assn",
    ]
    /// Abbreviations that do not end a sentence when a number follows (`No. 5`, `Jan. 5`, `p. 12`).
    static let beforeNumber: Set<String> = [
        "no", "nos", "nr", "vol", "vols", "p", "pp", "fig", "figs", "art", "ch", "sec", "para", "op", "tel",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "km", "approx",
    ]
    /// Abbreviations that end a sentence only when a typical sentence opener follows
    /// (`in the U.S. The next day` ends; `the U.S. Army` does not).
    static let ambiguous: Set<String> = [
        "inc", "ltd", "co", "corp", "jr", "bros", "plc", "llc", "etc", "a.m", "p.m", "u.s", "u.k", "u.n", "e.u",
        "u.s.a", "n.y", "d.c", "l.a",
    ]
    /// Capitalised words that commonly open a sentence; used to resolve `ambiguous` abbreviations and initials.
    static let sentenceOpeners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
        "his", "her", "their", "our", "there", "but", "and", "in", "on", "at", "after", "before", "when",
        "while", "however", "meanwhile", "according", "if", "as", "for", "from", "since", "so", "then", "yet",
        "although", "last", "earlier", "later", "some", "many", "most", "what", "why", "how", "who", "where",
        "under", "during", "no", "not", "both", "each", "all", "one", "two", "three", "several", "officials",
    ]

    /// True when a `.` after `word` (the letters and inner dots before it) cannot end a sentence, given
    /// the next word (`nil` at the end of the text) and whether that next word starts with a digit.
    static func suppressesBoundary(word: String, next: String?, nextIsNumber: Bool) -> Bool {
        let lower = word.lowercased()
        if neverFinal.contains(lower) { return true }
        if nextIsNumber, beforeNumber.contains(lower) { return true }
        let opensSentence = next.map { sentenceOpeners.contains($0.lowercased()) } ?? true
        if ambiguous.contains(lower) { return !opensSentence }
        // A single capital letter is an initial (J. Smith), unless a sentence plainly starts next.
        if word.unicodeScalars.count == 1, let letter = word.unicodeScalars.first,
            letter.properties.isUppercase
        {
            return !opensSentence
        }
        // Dotted initialisms not listed above (U.A.E., i.e. letters separated by dots).
        if word.contains("."), word.split(separator: ".").allSatisfy({ $0.count == 1 }) { return !opensSentence }
        return false
    }
}
