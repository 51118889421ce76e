/// How the footage of one clip appears in another that shares it: turned, mirrored or cropped. The matcher finds
/// it, the catalogue stores it with each match (its `rawValue`, as in the ledger) and the text output explains it.
///
/// The dihedral names are the PDQ reference's, in the order of its hash variants.
public enum MatchTransform: String, CaseIterable, Codable, Sendable, CustomStringConvertible {
    case rot90, rot180, rot270, flipX, flipY, flipPlus1, flipMinus1
    /// B shows the middle of A's pictures: A cropped by about 10 %.
    case cropped
    /// B shows more around A's pictures: A is B cropped by about 10 %.
    case widened

    /// The transform that undoes this one, which is how B sees A: the quarter turns and the crops are not their
    /// own inverse, the half turn and the mirrorings are.
    public var inverse: MatchTransform {
        switch self {
        case .rot90: .rot270
        case .rot270: .rot90
        case .cropped: .widened
        case .widened: .cropped
        case .rot180, .flipX, .flipY, .flipPlus1, .flipMinus1: self
        }
    }

    public var description: String { rawValue }
}
