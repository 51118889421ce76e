import ArgumentParser
import FootageCatalog
import FootageKit
import FootageMedia
import Foundation
import FootageMatching

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find clips that share footage: shares, time offset, matching segments, mirroring or rotation.",
        discussion: """
            REF: every other catalogued clip that shares footage with it. No argument: every matching pair in the \
            catalogue. FILE FILE: compare two files without a catalogue. Matches found in the catalogue are \
            recorded (one per pair, a ledger event when one is found or changes) and shown by `footage show` and \
            `footage xref`. Offsets are B − A: B's time ≈ A's time + offset.
            """)

    @Argument(help: "Nothing, one registered clip (SHA-256 prefix or path), or two files.") var targets: [String] = []
    @Option(name: .customLong("query-rate"),
            help: "Sample the query clip again at this many frames per second (dense sampling finds trimmed copies).")
    var queryRate: Double?
    @Option(help: "FILE FILE: frames per second sampled from each file.") var rate = 1.0
    @Option(name: .customLong("min-share"), help: "The share of the shorter clip's distinct images that must match.")
    var minimumShare: Double?
    @Option(help: "The analyst (default: the login name).") var by: String?
    @OptionGroup var catalogOptions: CatalogOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if targets.count > 2 { throw ValidationError("give no clip, one clip, or two files") }
        for (name, value) in [("--query-rate", queryRate), ("--rate", rate)] {
            if let value, !FingerprintSampler.rates.contains(value) {
                throw ValidationError("\(name) must be between 1/60 and 30 frames per second")
            }
        }
        if let minimumShare, !(minimumShare > 0 && minimumShare <= 1) {
            throw ValidationError("--min-share must be above 0 and at most 1")
        }
    }

    func run() throws {
        var options = MatchJob.Options(analyst: Analyst.name(by))
        options.queryRate = queryRate ?? MatchJob.defaultQueryRate
        if let minimumShare { options.rule.minimumShare = minimumShare }
        if targets.count == 2 { return try compareFiles(options) }
        let catalog = try catalogOptions.open()
        let found: [MatchJob.Found]
        if let ref = targets.first {
            let clip = try catalog.clip(matching: ref)
            found = try MatchJob.match(clip: clip, catalog: catalog, options: options)
            if !output.json, let record = try catalog.fingerprint(clipId: clip.id),
               let note = FingerprintJob.note(frameCount: record.frameCount, usableCount: record.usableCount) {
                Output.error("\(Output.short(clip.sha256)): \(note)")
            }
            if found.isEmpty && !output.json { Output.line("no other clip shares footage with \(Output.short(clip.sha256))") }
        } else {
            options.queryRate = queryRate
            found = try MatchJob.matchAll(catalog: catalog, options: options)
            if found.isEmpty && !output.json { Output.line("no clips share footage") }
        }
        for item in found {
            let names = (try? [item.clip, item.other].map { try name(of: $0, catalog) }) ?? ["", ""]
            if output.json {
                var row = MatchOutput.row(item.match)
                row["a"] = .string(item.clip.sha256)
                row["b"] = .string(item.other.sha256)
                row["a_path"] = .string(names[0])
                row["b_path"] = .string(names[1])
                row["changed"] = .bool(item.changed)
                row["overlap"] = MatchOutput.overlap(item.overlap)
                Output.json(.object(row))
            } else {
                Output.line("A \(Output.short(item.clip.sha256))  \(Output.safe(names[0]))")
                Output.line("B \(Output.short(item.other.sha256))  \(Output.safe(names[1]))"
                    + (item.changed ? "  (new or changed)" : ""))
                MatchOutput.print(item.match, overlap: item.overlap)
                Output.line("")
            }
        }
    }

    private func compareFiles(_ options: MatchJob.Options) throws {
        let comparison = try MatchJob.compare(targets[0], targets[1], rate: rate, options: options)
        for note in comparison.notes { Output.error(Output.safe(note)) }
        guard let match = comparison.match else {
            if output.json {
                Output.json(["a_path": .string(targets[0]), "b_path": .string(targets[1]), "matched": false])
            } else {
                Output.line("no shared footage")
            }
            return
        }
        if output.json {
            var row = MatchOutput.row(match)
            row["a_path"] = .string(targets[0])
            row["b_path"] = .string(targets[1])
            row["overlap"] = MatchOutput.overlap(comparison.overlap)
            Output.json(.object(row))
        } else {
            Output.line("A \(Output.safe(targets[0]))")
            Output.line("B \(Output.safe(targets[1]))")
            MatchOutput.print(match, overlap: comparison.overlap)
        }
    }

    private func name(of clip: ClipRecord, _ catalog: Catalog) throws -> String {
        try catalog.detail(of: clip).locations.first?.path ?? ""
    }
}

/// A match as JSON and as text.
enum MatchOutput {
    static func row(_ match: ClipMatch) -> [String: JSONValue] {
        func segments(_ list: [MatchSegment]) -> JSONValue {
            .array(list.map { .object(["a_start": .double($0.aStart), "a_end": .double($0.aEnd),
                                       "b_start": .double($0.bStart), "b_end": .double($0.bEnd)]) })
        }
        return [
            "matched": true, "share_a": .double(match.shareOfA), "share_b": .double(match.shareOfB),
            "offset": .double(match.offset), "transform": .optional(match.transform?.rawValue),
            "segments": segments(match.segments), "matched_frames": .int(Int64(match.matchedFrames)),
            "mean_distance": .double(match.meanDistance),
            "other_alignments": .array(match.otherAlignments.map {
                .object(["offset": .double($0.offset), "segments": segments($0.segments)])
            }),
        ]
    }

    static func overlap(_ segment: MatchSegment?) -> JSONValue {
        guard let segment else { return .null }
        return .object(["a_start": .double(segment.aStart), "a_end": .double(segment.aEnd),
                        "b_start": .double(segment.bStart), "b_end": .double(segment.bEnd)])
    }

    static func print(_ match: ClipMatch, overlap: MatchSegment? = nil, indent: String = "  ") {
        var summary = "\(indent)shares \(MatchText.share(match.shareOfA)) of A's frames and \(MatchText.share(match.shareOfB)) of B's, "
            + "\(MatchText.offset(match.offset)) (B ≈ A + offset)"
        if let transform = MatchText.transform(match.transform) { summary += "; B is A \(transform)" }
        Output.line(summary)
        if let overlap {
            Output.line("\(indent)overlap at this offset: \(MatchText.segment(overlap)) "
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
