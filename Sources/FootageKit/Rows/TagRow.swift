import FootageCatalog
import Foundation

/// A metadata tag exactly as the container held it (`show`'s `tags`). `scope` is `format` or `stream:N`.
public struct TagRow: Encodable, Sendable {
    public var scope: String
    public var key: String
    public var value: String

    public init(_ tag: TagRecord) {
        scope = tag.scope
        key = tag.key
        value = tag.value
    }
}
