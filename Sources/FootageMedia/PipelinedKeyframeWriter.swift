import FootageCore
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
    private struct Picture {
        let frame: FrameBuffer
        let orientation: DisplayOrientation
        let pts: Int64
        let time: Double
        let score: Double?
    }
    private struct State {
        var waiting: [Picture] = []
        var spare: [FrameBuffer] = []
        var closed = false
        var stopped = false
        var failure: (any Error)?
    }
    /// Waited on by the extractor while `depth` pictures wait, and by the writing thread while none does.
    private let state = Monitor(State())
    /// Touched by the extractor's thread alone.
    private var handedOver = 0
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
        let room: (State) -> Bool = { $0.waiting.count < Self.depth || $0.failure != nil }
        try state.withLock(when: room) { state in
            if let failure = state.failure { throw failure }
            let copy = state.spare.popLast() ?? FrameBuffer()
            copy.take(from: frame)
            state.waiting.append(Picture(frame: copy, orientation: orientation, pts: pts, time: time, score: score))
        }
        handedOver += 1
    }

    /// Waits until every picture handed over is written, then writes the contact sheet; returns the stills and the
    /// sheet. Throws the first error a still threw.
    func finish() throws -> (frames: [ExtractedKeyframe], sheet: (name: String, sha256: String)?) {
        stop(discarding: false)
        if let failure = state.withLock({ $0.failure }) { throw failure }
        return (writer.frames, try writer.finish())
    }

    /// Stops writing (what is waiting is dropped) and waits for the thread: call before removing what was written.
    func cancel() {
        stop(discarding: true)
    }

    private func stop(discarding: Bool) {
        let first = state.withLock { state in
            if discarding { state.waiting.removeAll() }
            state.closed = true
            let first = !state.stopped
            state.stopped = true
            return first
        }
        if first { done.wait() }
    }

    private func writeUntilClosed() {
        while true {
            let ready: (State) -> Bool = { !$0.waiting.isEmpty || $0.closed }
            let next = state.withLock(when: ready) { state in
                state.waiting.isEmpty ? nil : state.waiting.removeFirst()
            }
            guard let picture = next else { return }
            do {
                try writer.keep(
                    picture.frame, orientation: picture.orientation, pts: picture.pts, time: picture.time,
                    score: picture.score)
            } catch {
                state.withLock {
                    $0.failure = error
                    $0.waiting.removeAll()
                }
                return
            }
            picture.frame.unref()
            state.withLock { $0.spare.append(picture.frame) }
        }
    }
}
