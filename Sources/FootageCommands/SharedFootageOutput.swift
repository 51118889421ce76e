import FootageCatalog
import FootageKit
import Foundation
import FootageCore

/// The "shares footage with" parts of `footage show` and `footage xref`.
enum SharedFootageOutput {
    /// JSON: each clip sharing footage with this one, the match oriented from this clip (A) to the other (B).
    static func json(_ shared: [SharedFootage]) -> JSONValue {
        .array(shared.map { item in
            var row = MatchOutput.row(item.match)
            row["clip"] = .string(item.other.sha256)
            row["matched_at"] = .string(item.record.matchedAt)
            row["overlap"] = MatchOutput.overlap(item.overlap)
            return .object(row)
        })
    }

    /// Text: one block per clip sharing footage with this one.
    static func print(_ shared: [SharedFootage]) {
        guard !shared.isEmpty else { return }
        Output.line("")
        Output.line("shares footage with (A = this clip, B = the other)")
        for item in shared {
            Output.line("  B \(item.other.sha256)  (matched \(item.record.matchedAt))")
            MatchOutput.print(item.match, overlap: item.overlap, indent: "    ")
        }
    }

    /// For one evidence link on clip A: where the same seconds lie in each clip that shares footage with A.
    static func correspondingLines(_ shared: [SharedFootage], from start: Double, to end: Double) -> [String] {
        shared.flatMap { item in
            item.corresponding(from: start, to: end).map { segment in
                "same footage in clip \(Output.short(item.other.sha256)) \(TimeText.format(segment.bStart))–"
                    + "\(TimeText.format(segment.bEnd)) (\(MatchText.offset(item.match.offset)))"
            }
        }
    }

    static func correspondingJSON(_ shared: [SharedFootage], from start: Double, to end: Double) -> JSONValue {
        .array(shared.flatMap { item in
            item.corresponding(from: start, to: end).map { segment -> JSONValue in
                .object(["clip": .string(item.other.sha256), "from": .double(segment.bStart), "to": .double(segment.bEnd),
                         "this_from": .double(segment.aStart), "this_to": .double(segment.aEnd),
                         "offset": .double(item.match.offset)])
            }
        })
    }

    /// Text: the evidence linked to clips that share footage with this one, at the seconds of this clip that show
    /// the same footage.
    static func printLinksOnOthers(_ shared: [SharedFootage], catalog: Catalog) throws {
        for item in shared {
            let reversed = item.fromTheOtherSide
            for evidence in try CrossReference.clip(catalog, item.other) {
                for segment in reversed.corresponding(from: evidence.link.start, to: evidence.link.end) {
                    Output.line("  \(evidence.article.shortID) \(evidence.claim.shortID)  \(Output.safe(evidence.claim.text))")
                    Output.line("      via clip \(Output.short(item.other.sha256)) " + XrefText.linkLine(evidence))
                    Output.line("        same footage here: \(TimeText.format(segment.bStart))–\(TimeText.format(segment.bEnd))")
                }
            }
        }
    }
}
