import FootageCatalog
import Foundation

/// What `xref` and `report` are asked about: an article (`A3`), a claim (`C17`), or a clip (SHA-256 prefix or path).
public enum CatalogSubject: Sendable {
    case article(ArticleRecord)
    case claim(ClaimRecord)
    case clip(ClipRecord)

    /// Reads `text` as an article id when it looks like one (`A` and digits), as a claim id likewise when claims are
    /// accepted, and as a clip otherwise. An id that names nothing is still tried as a clip's path (a file may be
    /// called `a3`); when that finds nothing either, the error is the id's ("A9: no such article"). Any other error
    /// (an ambiguous prefix, a damaged database) is thrown as it is.
    public static func resolve(_ text: String, in catalog: Catalog, acceptingClaims: Bool = true) throws
        -> CatalogSubject
    {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if looksLikeID(trimmed, prefix: "A") {
            return try orClip(trimmed, catalog) { .article(try catalog.article(matching: trimmed)) }
        }
        if acceptingClaims, looksLikeID(trimmed, prefix: "C") {
            return try orClip(trimmed, catalog) { .claim(try catalog.claim(matching: trimmed)) }
        }
        return .clip(try catalog.clip(matching: trimmed))
    }

    /// `A3`, `a3`: the prefix letter and digits (a bare number is a clip's hex prefix or a path, never an id here).
    static func looksLikeID(_ text: String, prefix: Character) -> Bool {
        text.first.map { $0.uppercased() == String(prefix) } == true
            && (ShortID(rawValue: String(prefix))?.id(in: text)) != nil
    }

    private static func orClip(_ text: String, _ catalog: Catalog, _ lookup: () throws -> CatalogSubject) throws
        -> CatalogSubject
    {
        do {
            return try lookup()
        } catch let error as CatalogError where error.kind == .unknownReference {
            do {
                return .clip(try catalog.clip(matching: text))
            } catch let other as CatalogError where other.kind == .unknownReference {
                throw error
            }
        }
    }
}
