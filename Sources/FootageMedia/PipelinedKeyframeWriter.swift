import Foundation

/// A `KeyframeWriter` on a thread of its own: the extractor hands over each selected picture and goes on decoding the
/// next while this one scales, encodes, hashes and writes the still.
///
/// Why: in key mode decoding a 1080p keyframe and making its still take about as long each (0.37 s and 0.5 s of CPU
/// for the 60 keyframes of `Benchmarks/keyframes.sh`), so on two cores overlapping them takes the extraction from
/// about the sum to about the larger. The pictures are handed over by reference (`FrameBuffer.take`), at most
/// `depth` waiting, in order; the stills are the same bytes as when written one after the other.
final class PipelinedKeyframeWriter: @unchecked Sendable {
    private let writer: KeyframeWriter
    private let maxFrames: Int?
    private let condition = NSCondition()
    private struct Picture {
        let frame: FrameBuffer
        let orientation: DisplayOrientation
        let pts: Int64
        let time: Double
        let score: Double?
    }
    private var waiting: [Picture] = []
    private var spare: [FrameBuffer] = []
    private var handedOver = 0
    private var closed = false
    private var stopped = false
    private var failure: (any Error)?
    private let done = DispatchSemaphore(value: 0)
    /// Pictures waiting at most: enough to keep both threads busy, few enough to hold little memory (a decoded 4K
    /// picture is 12 MB).
    static let depth = 2

    init(_ writer: KeyframeWriter, maxFrames: Int?) {
        self.writer = writer
        self.maxFrames = maxFrames
        let thread = Thread { [self] in
            writeUntilClosed()
            done.signal()
        }
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Whether `maxFrames` pictures have been handed over.
    var isFull: Bool { maxFrames.map { handedOver >= $0 } ?? false }

    /// Hands over the picture in `frame` (which is left empty) to be written as the next still; waits while `depth`
    /// pictures are waiting. Throws the error a still already written threw.
    func keep(_ frame: FrameBuffer, orientation: DisplayOrientation, pts: Int64, time: Double, score: Double?) throws {
        try condition.withLock {
            while waiting.count >= Self.depth && failure == nil { condition.wait() }
            if let failure { throw failure }
            let copy = spare.popLast() ?? FrameBuffer()
            copy.take(from: frame)
            waiting.append(Picture(frame: copy, orientation: orientation, pts: pts, time: time, score: score))
            handedOver += 1
            condition.broadcast()
        }
    }

    /// Waits until every picture handed over is written, then writes the contact sheet; returns the stills and the
    /// sheet. Throws the first error a still threw.
    func finish() throws -> (frames: [ExtractedKeyframe], sheet: (name: String, sha256: String)?) {
        stop(discarding: false)
        if let failure { throw failure }
        return (writer.frames, try writer.finish())
    }

    /// Stops writing (what is waiting is dropped) and waits for the thread: call before removing what was written.
    func cancel() {
        stop(discarding: true)
    }

    private func stop(discarding: Bool) {
        let first: Bool = condition.withLock {
            if discarding { waiting.removeAll() }
            closed = true
            condition.broadcast()
            let first = !stopped
            stopped = true
            return first
        }
        if first { done.wait() }
    }

    private func writeUntilClosed() {
        while true {
            let next: Picture? = condition.withLock {
                while waiting.isEmpty && !closed { condition.wait() }
                return waiting.isEmpty ? nil : waiting.removeFirst()
            }
            guard let picture = next else { return }
            do {
                try writer.keep(picture.frame, orientation: picture.orientation, pts: picture.pts, time: picture.time,
                                score: picture.score)
            } catch {
                condition.withLock {
                    failure = error
                    waiting.removeAll()
                    condition.broadcast()
                }
                return
            }
            picture.frame.unref()
            condition.withLock {
                spare.append(picture.frame)
                condition.broadcast()
            }
        }
    }
}
