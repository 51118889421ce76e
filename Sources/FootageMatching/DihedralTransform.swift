import FootageCore

/// The seven rotations and mirrorings a fingerprint frame may carry as variants, in the order of
/// `FingerprintFrame.variants` (its `rawValue` is the index).
enum DihedralTransform: Int, CaseIterable, Sendable {
    case rot90, rot180, rot270, flipX, flipY, flipPlus1, flipMinus1

    /// What a match under this variant reports.
    var transform: MatchTransform {
        switch self {
        case .rot90: .rot90
        case .rot180: .rot180
        case .rot270: .rot270
        case .flipX: .flipX
        case .flipY: .flipY
        case .flipPlus1: .flipPlus1
        case .flipMinus1: .flipMinus1
        }
    }
}
