import FootageCatalog
import Foundation

extension Verifier {
    /// Records the result of a check in the ledger (`catalog.verify`), for reports to show as the ledger's own.
    public static func record(_ report: Report, in catalog: Catalog, actor: String) throws {
        let entry = NewVerification(
            ok: report.ok, files: report.files.count,
            problems: report.problems.map(\.description), events: report.events,
            head: report.head)
        try catalog.record(verification: entry, actor: actor)
    }
}
