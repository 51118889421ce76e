import FootageTestSupport
import Foundation
import Testing

/// The labelled claim set (`Benchmarks/claims`) scored through the built binary by `Benchmarks/claims.py`, which
/// imports each article with `footage article add --json`. Fails when a measure falls below what was measured
/// (`Benchmarks/RESULTS.md`) minus a small margin, so a change that loses speakers or claims is seen.
@Suite struct ClaimBenchmarkEndToEndTests {
    /// The measured figures minus a margin of about one claim in twenty.
    static let floors: [String: [String: Double]] = [
        "development": [
            "speaker_accuracy": 0.95, "speaker_name_accuracy": 0.95, "claim_recall": 0.95,
            "claim_precision": 0.95, "kind_accuracy": 0.91, "figure_accuracy": 0.95,
        ],
        "held_out": [
            "speaker_accuracy": 0.95, "speaker_name_accuracy": 0.95, "claim_recall": 0.95,
            "claim_precision": 0.93, "kind_accuracy": 0.86, "figure_accuracy": 0.95,
        ],
    ]

    @Test func theLabelledArticlesKeepTheirMeasuredRecallAndSpeakerAccuracy() throws {
        let python = try #require(ExternalTool.find("python3"), "python3 is needed to score the labelled claims")
        let script = Repository.root.appendingPathComponent("Benchmarks/claims.py").path
        let result = try ExternalTool.run(python, [script, "--footage", FootageBinary.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let sets = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]])
        for (set, floors) in Self.floors {
            let measured = try #require(sets[set], "no \(set) set in \(result.stdout)")
                .compactMapValues { ($0 as? NSNumber)?.doubleValue }
            #expect((measured["articles"] ?? 0) >= (set == "development" ? 12 : 7))
            for (measure, floor) in floors.sorted(by: { $0.key < $1.key }) {
                #expect((measured[measure] ?? 0) >= floor, "\(set) \(measure) \(measured[measure] ?? 0) < \(floor)")
            }
        }
    }
}
