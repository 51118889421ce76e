import FootageCatalog
import Foundation

extension CatalogExport {
    /// The part of the catalogue an export covers: an article (`--article A3`: its claims, their links and the
    /// linked clips), a clip (REF: its links and the claims and articles they bear on), or everything.
    public static func scope(article: String?, clip: String?, in catalog: Catalog) throws -> CatalogSnapshot.Scope {
        if let article { return .article(try catalog.article(matching: article).id) }
        if let clip { return .clip(try catalog.clip(matching: clip).id) }
        return .all
    }
}
