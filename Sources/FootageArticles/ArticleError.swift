import FootageCore
import Foundation

/// Why an article file could not be imported. Each case names the file and says what to do.
public enum ArticleError: FootageError, Equatable {
    /// The file holds no bytes, or only whitespace.
    case empty(fileName: String)
    /// The file holds NUL bytes or mostly control characters: it is not text.
    case binary(fileName: String)
    /// The file is larger than `ArticleImporter.maximumBytes`.
    case tooLarge(fileName: String, bytes: Int, limit: Int)
    /// The bytes are neither UTF-8, BOM-marked UTF-16, nor clean Windows-1252 text.
    case undecodable(fileName: String, detail: String)
    /// The file parsed, but no article text was found in it.
    case noBodyText(fileName: String, format: ArticleFormat)
    /// A JSON-LD file that is not valid JSON, is nested too deeply, or holds no article object.
    case malformedJSONLD(fileName: String, detail: String)
    /// The text holds more check-worthy sentences than `ClaimExtractor.maximumClaims`.
    case tooManyClaims(fileName: String, limit: Int)

    public var description: String {
        switch self {
        case .empty(let name):
            return "\(name): empty file (nothing to import; check that the download completed)"
        case .binary(let name):
            return "\(name): not a text file (it holds NUL bytes or control characters; "
                + "import the article as HTML, Markdown, plain text or JSON-LD)"
        case .tooLarge(let name, let bytes, let limit):
            return "\(name): too large (\(bytes) bytes; articles are limited to \(limit) bytes, 5 MiB; "
                + "save only the article page, without embedded media)"
        case .undecodable(let name, let detail):
            return "\(name): not readable text (\(detail); re-save the file as UTF-8)"
        case .noBodyText(let name, let format):
            return "\(name): no article text found in this \(format.rawValue) file "
                + "(check that it is the article itself and not an index or a login page)"
        case .malformedJSONLD(let name, let detail):
            return "\(name): malformed JSON-LD (\(detail); expected a schema.org NewsArticle object)"
        case .tooManyClaims(let name, let limit):
            return "\(name): more than \(limit) check-worthy sentences (one article yields at most \(limit) claims; "
                + "import the part of the document that the footage bears on)"
        }
    }
}
