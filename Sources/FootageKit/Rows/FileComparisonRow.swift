import FootageMatching
import Foundation

/// The line of `match FILE FILE`: two files compared without a catalogue, and the match if they share footage
/// (`matched: false` alone when they do not).
public struct FileComparisonRow: Encodable, Sendable {
    public var aPath: String
    public var bPath: String
    public var match: MatchRow?

    public init(aPath: String, bPath: String, comparison: MatchJob.Comparison) {
        self.aPath = aPath
        self.bPath = bPath
        match = comparison.match.map { MatchRow($0, overlap: comparison.overlap) }
    }

    enum CodingKeys: String, CodingKey {
        case matched
        case aPath = "a_path"
        case bPath = "b_path"
    }

    public func encode(to encoder: any Encoder) throws {
        try match?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(aPath, forKey: .aPath)
        try container.encode(bPath, forKey: .bPath)
        if match == nil { try container.encode(false, forKey: .matched) }
    }
}
