import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMatching
import FootageMedia
import Foundation

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find clips that share footage: shares, time offset, matching segments, mirroring or rotation.",
        discussion: """
            REF: every other catalogued clip that shares footage with it. No argument: every matching pair in the \
            catalogue. FILE FILE: compare two files without a catalogue. All three give the same answer for a pair. \
            Matches found in the catalogue are kept as evidence (one per pair, a ledger event when one is found; \
            never removed by matching again, only withdrawn with a reason when a fingerprint it rests on is \
            recomputed) and shown by `footage show` and `footage xref`. Offsets are B − A: B's time ≈ A's time + \
            offset.
            """)

    @Argument(help: "Nothing, one registered clip (SHA-256 prefix or path), or two files.") var targets: [String] = []
    @Option(help: "FILE FILE: frames per second sampled from each file (as `register` samples them).")
    var rate = FingerprintJob.defaultRate
    @Option(name: .customLong("min-share"), help: "The share of the shorter clip's distinct images that must match.")
    var minimumShare: Double?
    @OptionGroup var analyst: AnalystOptions
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if targets.count > 2 { throw ValidationError("give no clip, one clip, or two files") }
        if !FingerprintSampler.rates.contains(rate) {
            throw ValidationError("--rate must be between 1/60 and 30 frames per second")
        }
        if let minimumShare, !(minimumShare > 0 && minimumShare <= 1) {
            throw ValidationError("--min-share must be above 0 and at most 1")
        }
    }

    func run() throws {
        var options = MatchJob.Options(analyst: analyst.name)
        if let minimumShare { options.rule.minimumShare = minimumShare }
        if targets.count == 2 { return try compareFiles(options) }
        let search = try MatchJob.search(targets.first, catalog: catalogOptions.open(), options: options)
        if output.json {
            for pair in search.pairs { Output.row(pair.row) }
            return
        }
        if let clip = search.clip {
            if let note = search.note { Output.error("\(Output.short(clip.sha256)): \(note)") }
            if search.pairs.isEmpty { Output.line("no other clip shares footage with \(Output.short(clip.sha256))") }
        } else if search.pairs.isEmpty {
            Output.line("no clips share footage")
        }
        for pair in search.pairs {
            let found = pair.found
            Output.line("A \(Output.short(found.clip.sha256))  \(Output.safe(pair.aPath))")
            Output.line(
                "B \(Output.short(found.other.sha256))  \(Output.safe(pair.bPath))"
                    + (found.changed ? "  (new or changed)" : ""))
            MatchOutput.print(found.match, overlap: found.overlap)
            Output.line("")
        }
    }

    private func compareFiles(_ options: MatchJob.Options) throws {
        let comparison = try MatchJob.compare(targets[0], targets[1], rate: rate, options: options)
        for note in comparison.notes { Output.error(Output.safe(note)) }
        if output.json {
            return Output.row(FileComparisonRow(aPath: targets[0], bPath: targets[1], comparison: comparison))
        }
        guard let match = comparison.match else { return Output.line("no shared footage") }
        Output.line("A \(Output.safe(targets[0]))")
        Output.line("B \(Output.safe(targets[1]))")
        MatchOutput.print(match, overlap: comparison.overlap)
    }
}

/// A match for people.
enum MatchOutput {
    static func print(_ match: ClipMatch, overlap: MatchSegment? = nil, indent: String = "  ") {
        var summary =
            "\(indent)shares \(MatchText.share(match.shareOfA)) of A's frames and "
            + "\(MatchText.share(match.shareOfB)) of B's, "
            + "\(MatchText.offset(match.offset)) (B ≈ A + offset)"
        if let transform = MatchText.transform(match.transform) { summary += "; B is A \(transform)" }
        Output.line(summary)
        if let overlap {
            Output.line(
                "\(indent)overlap at this offset: \(MatchText.segment(overlap)) "
                    + "(\(Int((overlap.aEnd - overlap.aStart).rounded())) s); matched segments:")
        }
        for segment in match.segments {
            Output.line("\(indent)\(MatchText.segment(segment)), \(MatchText.offset(match.offset))")
        }
        for other in match.otherAlignments {
            for segment in other.segments {
                Output.line("\(indent)also \(MatchText.segment(segment)), \(MatchText.offset(other.offset))")
            }
        }
    }
}
