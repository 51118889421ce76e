import FootageCatalog
import FootageCore
import FootageKit

/// The command line's words for an error: where a command or a flag is what helps, the message names it. The
/// libraries throw the facts and word them without knowing how they were reached; only this layer knows that a
/// range came from `--from`/`--to` or that `footage list clips` shows what a clip can be called.
enum ErrorWording {
    /// One line for `error`, naming `path` when the error does not already. Not yet safe for a terminal: the
    /// caller passes it through `Output.safe`.
    static func line(_ error: any Error, path: String? = nil) -> String {
        let text: String
        switch error {
        case let error as CatalogError: text = error.commandLineText
        case let error as WorkflowError: text = error.commandLineText
        case let error as FileRefusal: text = error.commandLineText
        default: return FootageErrors.message(error, path: path)
        }
        return FootageErrors.naming(path, in: text)
    }
}

extension CatalogError {
    /// The description, with the command or flag that helps where there is one.
    var commandLineText: String {
        switch self {
        case .noCatalogue: "\(self); run `footage init`"
        case .foreignApplicationID, .otherDatabase: "\(self); use `footage init` in a new folder"
        case .damaged(let path, let result):
            "\(path): the catalogue is damaged (quick_check: \(result)); restore a backup or run `footage verify`"
        case .unknownClip: "\(self); see `footage list clips`"
        case .unknownArticle: "\(self); see `footage list articles`"
        case .unknownClaim: "\(self); see `footage claims ARTICLE`"
        case .unknownLink: "\(self); see `footage xref`"
        case .negativeRange(let start, let end): "a time range cannot be negative (--from \(start), --to \(end))"
        case .reversedRange(let start, let end): "--to (\(end) s) comes before --from (\(start) s)"
        case .rangePastEnd(let end, let clip, let duration):
            "--to \(end) s is past the end of clip \(clip.prefix(12)) (\(duration) s long)"
        case .unknownValue, .unreadableRow: "\(self); `footage verify` lists every such row"
        default: description
        }
    }
}

extension WorkflowError {
    /// The description, with the command or flag that helps where there is one.
    var commandLineText: String {
        switch self {
        case .noFingerprint(let clip): "\(self); run `footage fingerprint \(clip.prefix(12))`"
        case .noOutputFolder: "give --out DIR for a file outside the catalogue"
        case .brokenChain: "\(self) (run `footage verify`)"
        case .noVerdicts: "\(self) (footage verdict CLAIM RATING --explanation TEXT)"
        case .noReviewURL(let articles):
            "\(self) (give --review-url URL, or footage article review-url \(articles.first ?? "ARTICLE") URL)"
        case .noReviewer: "\(self) (footage config reviewer NAME --url URL)"
        default: description
        }
    }
}

extension FileRefusal {
    /// The description, with the flag that helps where there is one.
    var commandLineText: String {
        switch self {
        case .insideCatalogue:
            "\(self); give --out a folder elsewhere (the stills of a registered clip are in Catalog/keyframes/ already)"
        case .fileExists: "\(self); give --out another folder, or move it away"
        default: description
        }
    }
}
