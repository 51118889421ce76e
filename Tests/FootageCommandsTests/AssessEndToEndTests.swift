import FootageTestSupport
import Foundation
import Testing

/// An analyst's assessment is a ledger event, and editing it behind the tool's back is named by verify.
@Suite(.serialized) struct AssessEndToEndTests {
    @Test func anEditedAssessmentIsNamedByVerify() throws {
        try withCatalogFolder { footage, root throws in
            let clip = FootageBinary.samples.appendingPathComponent("checkpoint-cctv.ts").path
            _ = try footage.run(["register", clip, "--no-fingerprint"])
            let assessed = try footage.run([
                "assess", clip, "--category", "decontextualized", "--note", "older footage",
            ])
            #expect(assessed.status == 0, "\(assessed.stderr)")
            let shown = try footage.run(["show", clip, "--json"])
            let assessments = shown.rows.first?["assessments"] as? [[String: Any]] ?? []
            #expect(assessments.map { $0["category"] as? String } == ["decontextualized"], "\(shown.stdout)")
            #expect(assessments.first?["note"] as? String == "older footage")
            #expect(try footage.run(["show", clip]).stdout.contains("assessment: "))
            #expect(try footage.run(["verify"]).status == 0)
            #expect(try CatalogueInvariants.sqlite(root, "UPDATE assessment SET category = 'original'").status == 0)
            let result = try footage.run(["verify"])
            #expect(result.status == 1)
            #expect(result.stdout.contains("assessment 1"))
        }
    }
}
