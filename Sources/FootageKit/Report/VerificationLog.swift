import FootageCatalog
import Foundation

extension Verifier {
    /// Keeps the result of a check in the catalogue's verification log, for reports to show. A catalogue that
    /// cannot be written to (a read-only copy) is still verified; only the log entry is lost.
    public static func record(_ report: Report, in catalog: Catalog) {
        let entry = NewVerification(
            ok: report.ok, files: report.files.count,
            problems: report.problems.map(\.description), events: report.events,
            head: report.head)
        _ = try? catalog.record(verification: entry)
    }
}
