/// The seven rotations and mirrorings a fingerprint frame may carry as variants, in the order of
/// `FingerprintFrame.variants`, named as in the PDQ reference.
enum DihedralTransform: Int, CaseIterable, Sendable {
    case rot90, rot180, rot270, flipX, flipY, flipPlus1, flipMinus1

    var name: String {
        switch self {
        case .rot90: "rot90"
        case .rot180: "rot180"
        case .rot270: "rot270"
        case .flipX: "flipX"
        case .flipY: "flipY"
        case .flipPlus1: "flipPlus1"
        case .flipMinus1: "flipMinus1"
        }
    }

    /// The transform that undoes this one. When B's variant matches A's original, B's footage is A's under the
    /// inverse; only the quarter turns are not their own inverse.
    var inverse: DihedralTransform {
        switch self {
        case .rot90: .rot270
        case .rot270: .rot90
        default: self
        }
    }
}
