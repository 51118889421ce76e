import FootageCatalog
import FootageTimestamps
import Foundation

/// The export formats and what each writes.
public enum CatalogExport {
    public enum Format: String, CaseIterable, Sendable {
        case json, csv
        case provJSON = "prov-json"
        case claimReview = "claimreview"
        /// Seals with their time-stamp tokens and certificates, for openssl (`SealExport`; files, not a document).
        case seal
    }

    public struct Output: Sendable {
        /// File name → contents; one file named "" for a single document.
        public var files: [(name: String, text: String)]
        /// Things the user should know (for example clips without an assessment).
        public var notes: [String]
    }

    /// Reads one snapshot of `scope` and writes it in `format`. For CSV, `table` picks one table; without it
    /// every table is returned, each as `<table>.csv`; `raw` leaves cells a spreadsheet would run as they are.
    /// `reviewURL` is the page a ClaimReview export is published on, in place of each article's review URL.
    public static func export(
        _ catalog: Catalog, scope: CatalogSnapshot.Scope, format: Format,
        table: CSVExport.Table? = nil, raw: Bool = false, reviewURL: String? = nil
    ) throws -> Output {
        let index = try SnapshotIndex.read(catalog, scope)
        switch format {
        case .json:
            return Output(files: [("", PrettyJSON.text(CatalogJSONExport.value(index)))], notes: [])
        case .provJSON:
            return Output(files: [("", PrettyJSON.text(ProvExport.value(index)))], notes: [])
        case .claimReview:
            let result = try ClaimReviewExport.value(index, reviewURL: reviewURL)
            return Output(files: [("", PrettyJSON.text(result.document))], notes: result.notes)
        case .seal:
            throw TimestampError("--format seal writes binary files into a folder (SealExport.write), not a document")
        case .csv:
            if let table { return Output(files: [("", CSVExport.text(table, index, raw: raw))], notes: []) }
            return Output(
                files: CSVExport.Table.allCases.map { ("\($0.rawValue).csv", CSVExport.text($0, index, raw: raw)) },
                notes: [])
        }
    }
}
