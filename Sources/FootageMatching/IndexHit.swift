/// One indexed frame found near a query hash.
public struct IndexHit: Sendable, Equatable, Hashable {
    /// The position of the query hash in the list searched for.
    public var queryIndex: Int
    public var clipID: Int64
    /// The frame's position among its clip's frames, in the order they were indexed.
    public var frameIndex: Int
    /// The frame's time in its clip, in seconds.
    public var time: Double
    public var distance: Int

    public init(queryIndex: Int, clipID: Int64, frameIndex: Int, time: Double, distance: Int) {
        self.queryIndex = queryIndex
        self.clipID = clipID
        self.frameIndex = frameIndex
        self.time = time
        self.distance = distance
    }
}
