import FootageCatalog
import FootageCore
import FootageKit
import Foundation

/// The "shares footage with" parts of `footage show` and `footage xref`, for people.
enum SharedFootageOutput {
    /// One block per clip sharing footage with this one.
    static func print(_ shared: [SharedFootage]) {
        guard !shared.isEmpty else { return }
        Output.line("")
        Output.line("shares footage with (A = this clip, B = the other)")
        for item in shared {
            Output.line("  B \(item.other.sha256)  (matched \(item.record.matchedAt))")
            MatchOutput.print(item.match, overlap: item.overlap, indent: "    ")
        }
    }

    /// Where an evidence link's seconds lie in a clip that shares footage with the linked one.
    static func line(_ same: CrossReference.Corresponding) -> String {
        "same footage in clip \(Output.short(same.shared.other.sha256)) \(TimeText.format(same.segment.bStart))–"
            + "\(TimeText.format(same.segment.bEnd)) (\(MatchText.offset(same.shared.match.offset)))"
    }
}
