import FootageCore
import Testing

struct MatchTransformTests {
    @Test func undoingATransformTwiceGivesItBack() {
        for transform in MatchTransform.allCases {
            #expect(transform.inverse.inverse == transform, "\(transform)")
        }
    }

    @Test func quarterTurnsAndCropsAreEachOthersInverse() {
        #expect(MatchTransform.rot90.inverse == .rot270)
        #expect(MatchTransform.cropped.inverse == .widened)
        let ownInverse = MatchTransform.allCases.filter { $0.inverse == $0 }
        #expect(ownInverse == [.rot180, .flipX, .flipY, .flipPlus1, .flipMinus1])
    }

    /// The names are stored in match records and ledger events: the PDQ reference's names, and the two crops.
    @Test func namesAreTheStoredText() {
        #expect(
            MatchTransform.allCases.map(\.rawValue) == [
                "rot90", "rot180", "rot270", "flipX", "flipY", "flipPlus1", "flipMinus1", "cropped", "widened",
            ])
        #expect("\(MatchTransform.flipPlus1)" == "flipPlus1")
    }
}
