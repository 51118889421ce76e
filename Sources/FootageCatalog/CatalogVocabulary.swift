import FootageCore
import GRDB

/// A closed list of words a catalogue column holds (stances, ledger actions, extraction modes…): a String-backed
/// enum that GRDB stores as its raw value, the same text the ledger records and the JSON output shows. Its
/// `description` is the raw value too, so that a word reads the same wherever it is interpolated.
///
/// A catalogue from elsewhere may hold a word outside the list (written by hand, or by a newer footage). Such a
/// row is not read as a record: reading it throws `CatalogError.unknownValue` naming the table, the row and the
/// word, and `verify` reports it as a problem while it checks every other row.
public protocol CatalogVocabulary: RawRepresentable<String>, CaseIterable, Codable, Sendable, Hashable,
    CustomStringConvertible, DatabaseValueConvertible
{}

extension CatalogVocabulary {
    public var description: String { rawValue }
}

extension MatchTransform: CatalogVocabulary {}

/// A column of a record whose values come from a vocabulary: what tells a row holding an unknown word from one
/// that cannot be read for another reason.
public struct VocabularyColumn: Sendable {
    let name: String
    let words: Set<String>

    public init<Words: CatalogVocabulary>(_ column: Column, _ vocabulary: Words.Type) {
        self.name = column.name
        self.words = Set(Words.allCases.map(\.rawValue))
    }

    /// The value of this column in `row` when it is not one of the words (NULL is left to the record's decoding).
    func unknownValue(in row: Row) -> String? {
        guard let value = row[name] as DatabaseValue? else { return nil }
        switch value.storage {
        case .null: return nil
        case .string(let text): return words.contains(text) ? nil : text
        default: return value.description
        }
    }
}
