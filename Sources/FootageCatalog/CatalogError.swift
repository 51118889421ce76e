import FootageCore
import Foundation

/// The one error type of FootageCatalog: what went wrong, as facts (the file, the reference, the range, the row).
///
/// `description` words them for any reader of the library; it names no command or flag, because the catalogue does
/// not know how it was reached. The command line words the cases where a command or flag helps in its own terms
/// (`see footage list clips`, `--to … comes before --from …`).
public enum CatalogError: FootageError, Equatable {
    /// No `Catalog/catalog.sqlite` in the folder.
    case noCatalogue(folder: String)
    /// SQLite could not open the file.
    case unopenable(path: String, reason: String)
    /// The file does not start like a SQLite database.
    case notSQLite(path: String)
    /// A SQLite database made by another application (its `application_id`).
    case foreignApplicationID(path: String, id: Int32)
    /// A SQLite database with tables but no footage `application_id`.
    case otherDatabase(path: String)
    /// A schema footage does not make: `differences` says what differs, in words.
    case foreignSchema(path: String, differences: [String])
    /// The list of migrations applied does not match the schema.
    case migrationsMismatch(path: String)
    /// Made by a newer footage: it lists migrations or objects this one does not know.
    case tooNew(path: String)
    /// Made by an older footage and opened where it cannot be migrated (a write-blocked copy).
    case needsMigration(path: String)
    /// SQLite's `quick_check` failed.
    case damaged(path: String, quickCheck: String)
    /// SQLite reported an error.
    case database(path: String, message: String)
    /// No clip has this SHA-256 prefix or registered path.
    case unknownClip(reference: String)
    /// A hex reference shorter than the 6 digits a prefix needs.
    case clipPrefixTooShort(reference: String)
    /// More than one clip starts with this SHA-256 prefix.
    case ambiguousClipPrefix(reference: String)
    /// This path held different bytes at different registrations.
    case ambiguousClipPath(reference: String)
    /// No article has this short id or SHA-256 prefix.
    case unknownArticle(reference: String)
    /// More than one article starts with this SHA-256 prefix.
    case ambiguousArticle(reference: String)
    /// No claim has this short id.
    case unknownClaim(reference: String)
    /// No link has this short id.
    case unknownLink(reference: String)
    /// A row named by its id is gone (removed since it was found).
    case missingRecord(ShortID, id: Int64)
    /// No clip has this row id.
    case missingClip(rowID: Int64)
    /// A time range with a negative end.
    case negativeRange(start: Double, end: Double)
    /// A time range that ends before it starts.
    case reversedRange(start: Double, end: Double)
    /// A time range that ends past the clip's end.
    case rangePastEnd(end: Double, clip: String, duration: Double)
    /// The link was retracted before.
    case alreadyRetracted(link: Int64, at: String)
    /// The claim was dismissed before.
    case alreadyDismissed(claim: Int64, at: String)
    /// A verdict on a claim that was dismissed as not a claim.
    case dismissedClaim(claim: Int64)
    /// An edit that gives the claim the text it already has.
    case unchangedClaim(claim: Int64)
    /// A row holds a word that is not in its column's vocabulary: edited outside footage, or made by a newer footage.
    case unknownValue(table: String, row: Int64, column: String, value: String)
    /// A row that cannot be read as a record (`detail`: what the database layer said).
    case unreadableRow(table: String, row: Int64, detail: String)

    /// What kind of failure it is, for callers that branch on it.
    public enum Kind: Sendable, Equatable {
        /// No catalogue folder was found or given.
        case notFound
        /// The file exists but is not a footage catalogue (another SQLite database, or not SQLite at all).
        case notACatalog
        /// The catalogue was made by a newer version of footage.
        case tooNew
        /// The database failed its quick check: it is damaged, or a row in it cannot be read.
        case damaged
        /// A reference (clip, article, claim, link) matched nothing.
        case unknownReference
        /// A reference matched more than one record.
        case ambiguousReference
        /// The request contradicts what the catalogue holds (for example a time range past a clip's end).
        case invalid
        /// SQLite reported an error.
        case database
    }

    public var kind: Kind {
        switch self {
        case .noCatalogue: .notFound
        case .unopenable, .notSQLite, .foreignApplicationID, .otherDatabase, .foreignSchema, .migrationsMismatch:
            .notACatalog
        case .tooNew: .tooNew
        case .needsMigration: .notACatalog
        case .damaged, .unknownValue, .unreadableRow: .damaged
        case .database: .database
        case .unknownClip, .clipPrefixTooShort, .unknownArticle, .unknownClaim, .unknownLink, .missingRecord,
            .missingClip:
            .unknownReference
        case .ambiguousClipPrefix, .ambiguousClipPath, .ambiguousArticle: .ambiguousReference
        case .negativeRange, .reversedRange, .rangePastEnd, .alreadyRetracted: .invalid
        case .alreadyDismissed, .dismissedClaim, .unchangedClaim: .invalid
        }
    }

    /// GRDB's description of a row it could not decode starts with what failed ("could not decode String from
    /// database value 12") and goes on with the whole row and the query; the start is what a reader needs.
    static func summary(of error: any Error) -> String {
        let text = String(describing: error)
        let head = text.range(of: " - ").map { String(text[..<$0.lowerBound]) } ?? text
        return head.count > 200 ? String(head.prefix(200)) + "…" : head
    }

    /// What is wrong with a row holding a word outside its column's vocabulary; a hostile value is cut short.
    static func unknownValueText(column: String, value: String) -> String {
        "\(column) \"\(value.prefix(40))\(value.count > 40 ? "…" : "")\" is not a value footage knows "
            + "(the row was edited outside footage, or by a newer footage)"
    }

    public var description: String {
        switch self {
        case .noCatalogue(let folder): "\(folder): no catalogue here (no Catalog/catalog.sqlite)"
        case .unopenable(let path, let reason): "\(path): cannot open as a catalogue (\(reason))"
        case .notSQLite(let path): "\(path): not a footage catalogue (not a SQLite database)"
        case .foreignApplicationID(let path, let id): "\(path): not a footage catalogue (SQLite application_id \(id))"
        case .otherDatabase(let path): "\(path): not a footage catalogue (another SQLite database)"
        case .foreignSchema(let path, let differences):
            "\(path): refused: its schema is not one footage makes (" + differences.prefix(3).joined(separator: "; ")
                + (differences.count > 3 ? "; \(differences.count - 3) more" : "") + "); nothing in it was run"
        case .migrationsMismatch(let path):
            "\(path): refused: its list of migrations does not match its schema; nothing in it was run"
        case .tooNew(let path): "\(path): made by a newer version of footage; update footage"
        case .needsMigration(let path):
            "\(path): made by an older version of footage and cannot be upgraded where it is (it is read-only)"
        case .damaged(let path, let result):
            "\(path): the catalogue is damaged (quick_check: \(result)); restore a backup"
        case .database(let path, let message): "\(path): \(message)"
        case .unknownClip(let ref): "\(ref): no clip with this SHA-256 prefix or path"
        case .clipPrefixTooShort(let ref): "\(ref): give at least 6 hex digits of the clip's SHA-256"
        case .ambiguousClipPrefix(let ref): "\(ref): more than one clip starts with this; give more digits"
        case .ambiguousClipPath(let ref):
            "\(ref): this path held different bytes at different registrations; name the clip by its SHA-256"
        case .unknownArticle(let ref): "\(ref): no such article"
        case .ambiguousArticle(let ref): "\(ref): more than one article matches"
        case .unknownClaim(let ref): "\(ref): no such claim"
        case .unknownLink(let ref): "\(ref): no such link"
        case .missingRecord(let kind, let id): "\(kind.text(id)): no such \(kind.noun)"
        case .missingClip(let id): "no clip with row id \(id)"
        case .negativeRange(let start, let end): "a time range cannot be negative (from \(start) s to \(end) s)"
        case .reversedRange(let start, let end): "the range ends (\(end) s) before it starts (\(start) s)"
        case .rangePastEnd(let end, let clip, let duration):
            "the range ends at \(end) s, past the end of clip \(clip.prefix(12)) (\(duration) s long)"
        case .alreadyRetracted(let link, let time): "\(ShortID.link.text(link)) was already retracted at \(time)"
        case .alreadyDismissed(let claim, let time): "\(ShortID.claim.text(claim)) was already dismissed at \(time)"
        case .dismissedClaim(let claim):
            "\(ShortID.claim.text(claim)) was dismissed as not a claim; a dismissed claim takes no verdict"
        case .unchangedClaim(let claim): "\(ShortID.claim.text(claim)) already has this text; nothing to change"
        case .unknownValue(let table, let row, let column, let value):
            "\(table) row \(row): " + Self.unknownValueText(column: column, value: value)
        case .unreadableRow(let table, let row, let detail): "\(table) row \(row): cannot be read (\(detail))"
        }
    }
}
