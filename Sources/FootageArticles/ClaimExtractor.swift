import FootageCore
import Foundation

/// Splits an article body into sentences and keeps the check-worthy ones as claims.
///
/// A sentence is check-worthy when it has at least one `ClaimKind`:
/// - `figure`: it states a quantity (`FigureFinder`);
/// - `attribution`: it names who said it (`AttributionFinder`), a person or an organisation (`SpeakerCues`); a
///   pronoun speaker (`he said`) is resolved to an earlier sentence's speaker (`SpeakerHistory`);
/// - `quote`: it quotes two words or more in “…”, "…" or ‘…’ (shorter quotations are scare quotes);
/// - `footage`: it refers to footage (`FootageReferenceFinder`);
/// - `event`: it has a past-tense action verb of attack, strike, capture, destruction, killing or
///   release (`eventVerbs`) and names an actor or place: a capitalised word that is not the sentence's
///   opening word, a day or a month, or an acronym (`ISIL`), or a capitalised opening word that is not a
///   common sentence opener.
/// Skipped entirely: lines that are promotions or page furniture (`READ MORE:`, `Related:`, `WATCH:`,
/// `Sign up …:`, `Advertisement`, …: a `promotionPrefixes` phrase at the start of the line followed by a
/// colon, `|`, `»`, a dash or the end of the line), and a sentence repeating the headline.
/// Offsets are Unicode scalar offsets into `body`; see `ExtractedClaim`. Linear in the body's length.
public enum ClaimExtractor {
    static let eventVerbs: Set<String> = [
        "attacked", "struck", "hit", "bombed", "shelled", "destroyed", "killed", "captured", "recaptured",
        "seized", "released", "fired", "launched", "targeted", "shot", "raided", "ambushed", "wounded",
        "injured", "detonated", "downed", "retook", "regained", "stormed", "invaded", "overran", "executed",
        "kidnapped", "abducted", "freed", "burned", "torched", "demolished", "razed", "lost", "retreated",
        "withdrew", "fled", "besieged", "surrounded", "liberated", "massacred", "looted", "blew", "bombarded",
        "strafed", "intercepted", "evacuated", "arrested", "detained",
    ]
    static let promotionPrefixes: [String] = [
        "read more", "read also", "also read", "related", "see also", "watch", "listen", "sign up", "subscribe",
        "advertisement", "follow us", "click here", "share this", "more on this", "recommended", "top stories",
        "more", "opinion", "explainer", "live updates", "newsletter", "sponsored",
    ]

    /// The most claims one article may hold. A long investigative piece has a few hundred check-worthy
    /// sentences; a hostile 5 MiB text of short sentences has over 150,000, which would take minutes to store and
    /// no one could review.
    public static let maximumClaims = 5_000

    /// The check-worthy sentences of `body`, in order: at most `maximumClaims + 1`, since extraction stops as soon
    /// as the text holds more than the limit (the importer then refuses the article, naming the limit).
    /// - Parameters:
    ///   - headline: a body sentence equal to it (ignoring case and spacing) is skipped.
    ///   - published: the article's publication date (ISO 8601, as `ImportedArticle.published`), used to
    ///     resolve relative dates such as `on Friday`.
    public static func extract(from body: String, headline: String? = nil, published: String? = nil) -> [ExtractedClaim]
    {
        let scalars = Array(body.unicodeScalars)
        let publishedDate = published.flatMap(CivilDate.init(isoPrefix:))
        let normalisedHeadline = headline?.collapsingWhitespace.lowercased()
        var claims: [ExtractedClaim] = []
        var lineStart = 0, scanned = 0
        var promotionLine: Int? = nil
        var speakers = SpeakerHistory()
        for range in SentenceSplitter.ranges(in: scalars) {
            while scanned < range.lowerBound {
                if scalars[scanned] == "\n" { lineStart = scanned + 1 }
                scanned += 1
            }
            if promotionLine != lineStart {
                promotionLine = isPromotion(scalars, lineStart: lineStart) ? lineStart : nil
            }
            if promotionLine == lineStart { continue }
            let sentence = Array(scalars[range])
            let text = String(String.UnicodeScalarView(sentence))
            if let normalisedHeadline, text.collapsingWhitespace.lowercased() == normalisedHeadline { continue }
            if let claim = analyse(
                sentence, text: text, offset: range.lowerBound, published: publishedDate, speakers: &speakers)
            {
                claims.append(claim)
                if claims.count > maximumClaims { break }
            }
        }
        return claims
    }

    static func analyse(
        _ sentence: [Unicode.Scalar], text: String, offset: Int, published: CivilDate?, speakers: inout SpeakerHistory
    ) -> ExtractedClaim? {
        let tokens = ClaimTokenizer.tokens(sentence)
        speakers.learnNames(in: tokens)
        let figures = FigureFinder.figures(in: tokens, scalars: sentence)
        let attribution = AttributionFinder.attribution(in: tokens, scalars: sentence).map { speakers.resolve($0) }
        let quotes = quotations(in: sentence)
        let footage = FootageReferenceFinder.reference(in: tokens, scalars: sentence, published: published)
        var kinds: Set<ClaimKind> = []
        if !figures.isEmpty { kinds.insert(.figure) }
        if attribution != nil { kinds.insert(.attribution) }
        if !quotes.isEmpty { kinds.insert(.quote) }
        if footage != nil { kinds.insert(.footage) }
        if isEvent(tokens) { kinds.insert(.event) }
        guard !kinds.isEmpty else { return nil }
        return ExtractedClaim(
            text: text, start: offset, end: offset + sentence.count, kinds: kinds.sorted(), figures: figures,
            attribution: attribution?.source, attributionMedium: attribution?.medium, quotes: quotes,
            footageReferences: footage.map { [$0] } ?? [], speakerKind: attribution?.kind)
    }

    static func isEvent(_ tokens: [ClaimToken]) -> Bool {
        guard tokens.contains(where: { $0.kind == .word && eventVerbs.contains($0.lower) }) else { return false }
        let firstWord = tokens.firstIndex { $0.kind != .punctuation }
        for (index, token) in tokens.enumerated() where token.kind == .word {
            if token.isAcronym { return true }
            guard token.isCapitalized, !calendarWords.contains(token.lower), token.text != "I" else { continue }
            if index != firstWord || !Abbreviations.sentenceOpeners.contains(token.lower) { return true }
        }
        return false
    }

    private static let calendarWords = Set(CivilDate.weekdayNames.keys).union(CivilDate.monthNames.keys)

    /// Quotations of two words or more: “…”, "…", and ‘…’ when the ‘ follows a space or the start and
    /// the ’ is not followed by a letter (so apostrophes are not taken for quotation marks).
    static func quotations(in sentence: [Unicode.Scalar]) -> [String] {
        var quotes: [String] = []
        var openAt: Int? = nil
        var closer: Unicode.Scalar = "”"
        for (index, scalar) in sentence.enumerated() {
            if let start = openAt {
                let closes =
                    scalar == closer
                    && (closer != "’" || index + 1 >= sentence.count || !sentence[index + 1].properties.isAlphabetic)
                if closes {
                    var inner = String(String.UnicodeScalarView(sentence[(start + 1)..<index])).collapsingWhitespace
                    while let last = inner.last, ",;:".contains(last) { inner.removeLast() }
                    if inner.split(separator: " ").count >= 2 { quotes.append(inner) }
                    openAt = nil
                }
                continue
            }
            let atWordStart =
                index == 0 || sentence[index - 1].properties.isWhitespace
                || "([—–-".unicodeScalars.contains(sentence[index - 1])
            switch scalar {
            case "“":
                openAt = index
                closer = "”"
            case "\"" where atWordStart:
                openAt = index
                closer = "\""
            case "‘" where atWordStart:
                openAt = index
                closer = "’"
            case "«":
                openAt = index
                closer = "»"
            default: break
            }
        }
        return quotes
    }

    /// True when the line starting at `lineStart` opens with a promotion phrase and a separator.
    static func isPromotion(_ scalars: [Unicode.Scalar], lineStart: Int) -> Bool {
        var end = lineStart
        while end < scalars.count, end - lineStart < 48, scalars[end] != "\n" { end += 1 }
        let head = String(String.UnicodeScalarView(scalars[lineStart..<end])).lowercased()
        let trimmed = head.drop { !$0.isLetter }
        for prefix in promotionPrefixes where trimmed.hasPrefix(prefix) {
            let rest = trimmed.dropFirst(prefix.count).drop { $0 == " " }
            guard let next = rest.first else { return end - lineStart < 48 }
            if ":|»›–—-".contains(next) { return true }
        }
        return false
    }
}
