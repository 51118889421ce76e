import FootageCatalog
import Foundation

extension EvidenceReport {
    /// `footage report`: renders the report of `subject` (an article id such as `A3`, or a clip's SHA-256 prefix or
    /// path) and writes it to `target`, with its pictures in a folder beside it when `imagesFolder` is set.
    /// - Throws: `ReportWriter.Failure` when the target cannot be written, `FileRefusal` or `SymbolicLinkRefused` when
    ///   an images folder of that name is not one footage wrote (both checked before any work), else what reading the
    ///   catalogue throws.
    public static func write(_ subject: String, catalog: Catalog, to target: URL, imagesFolder: Bool) throws
        -> ReportRow
    {
        let folder = imagesFolder ? ReportWriter.defaultImagesFolder(for: target) : nil
        try ReportWriter.checkTarget(target, imagesFolder: folder)
        let resolved: Subject
        switch try CatalogSubject.resolve(subject, in: catalog, acceptingClaims: false) {
        case .article(let article): resolved = .article(article)
        case .clip(let clip): resolved = .clip(clip)
        case .claim: throw WorkflowError.notReportable(subject: subject)
        }
        let page = try render(resolved, catalog: catalog, options: Options(imagesFolder: folder))
        try ReportWriter.write(page, to: target, imagesFolder: folder)
        return ReportRow(
            path: target.path, bytes: page.html.utf8.count, claims: page.claims, clips: page.clips,
            imagesFolder: folder)
    }
}
