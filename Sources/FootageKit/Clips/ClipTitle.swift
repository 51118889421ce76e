import FootageCatalog
import FootageCore
import Foundation

/// `footage title REF TEXT`: the analyst's title for a clip, which reports, `show` and `list` use before the
/// container's title tag and the platform's title. The text is kept as typed — markup included, since it is data and
/// is escaped wherever it is shown — but it must say something, fit on one line, and stay short.
public enum ClipTitle {
    /// Longer titles are refused: a title names a clip on one line of a timeline or a table.
    public static let maximumLength = 300

    public enum Failure: FootageError, Equatable {
        case empty
        case tooLong(limit: Int)
        case controlCharacter

        public var description: String {
            switch self {
            case .empty: "the title is empty; give the clip a title with some text in it"
            case .tooLong(let limit): "the title is too long (over \(limit) characters)"
            case .controlCharacter: "the title holds a line break or another control character; give it on one line"
            }
        }
    }

    /// The title to record: `text` without white space around it.
    /// - Throws: `Failure` for an empty title, one over `maximumLength` characters, or one holding a control character.
    public static func checked(_ text: String) throws(Failure) -> String {
        let title = text.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw .empty }
        guard title.count <= maximumLength else { throw .tooLong(limit: maximumLength) }
        guard !title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .controlCharacter
        }
        return title
    }

    /// Records `text` as the title of the clip `reference` names, after checking it; nothing is recorded when the
    /// text or the reference is refused.
    public static func set(_ text: String, of reference: String, catalog: Catalog, actor: String) throws
        -> ClipTitleRecord
    {
        let title = try checked(text)
        let clip = try catalog.clip(matching: reference)
        return try catalog.setTitle(clip: clip, title: title, actor: actor)
    }
}

/// A title given to a clip (`title`, and `show`'s `titles`, oldest first).
public struct ClipTitleRow: Encodable, Sendable {
    public var id: Int64
    public var clipSha256: String
    public var title: String
    public var createdAt: String
    public var createdBy: String

    public init(_ record: ClipTitleRecord) {
        id = record.id
        clipSha256 = record.clipSha256
        title = record.title
        createdAt = record.createdAt
        createdBy = record.createdBy
    }

    enum CodingKeys: String, CodingKey {
        case id, title
        case clipSha256 = "clip_sha256"
        case createdAt = "created_at"
        case createdBy = "created_by"
    }
}
