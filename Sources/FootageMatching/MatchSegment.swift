/// A stretch of footage present in both clips: seconds `aStart…aEnd` of A show what `bStart…bEnd` of B show.
public struct MatchSegment: Sendable, Equatable {
    public var aStart: Double
    public var aEnd: Double
    public var bStart: Double
    public var bEnd: Double

    public init(aStart: Double, aEnd: Double, bStart: Double, bEnd: Double) {
        self.aStart = aStart
        self.aEnd = aEnd
        self.bStart = bStart
        self.bEnd = bEnd
    }
}

extension MatchSegment {
    /// The same stretch seen from B.
    public var reversed: MatchSegment { MatchSegment(aStart: bStart, aEnd: bEnd, bStart: aStart, bEnd: aEnd) }
}
