import CProcess
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How messages (`WireEncoder`) travel between footage and a media worker: each as a frame, its length in 4 bytes
/// (little-endian) and then its bytes. Answers come back over a pipe; requests go over a Unix stream socket, because a
/// request carries the descriptor of the file it is about, attached to the frame's first bytes (SCM_RIGHTS): the
/// worker reads the file footage opened, never its path (see `MediaFile`).
enum MessageFrames {
    /// The largest message accepted from a worker: a fingerprint of ten hours at 30 frames a second is about 700 MB.
    /// A worker taken over by a hostile file cannot make footage hold more than this for it.
    static let largest = 1 << 30
    /// Descriptors a worker keeps of those that come with one request (footage sends one); any more are closed.
    static let descriptorsPerFrame = 4

    /// Writes one frame to `descriptor`; false when the other end has gone (EPIPE: SIGPIPE is ignored). With
    /// `attaching`, that descriptor travels with the frame, and `descriptor` must be a Unix socket.
    static func write(_ message: [UInt8], to descriptor: Int32, attaching file: Int32? = nil) -> Bool {
        let count = UInt32(message.count)
        var frame = [UInt8](repeating: 0, count: 4)
        for index in 0..<4 { frame[index] = UInt8(truncatingIfNeeded: count >> (8 * index)) }
        frame.append(contentsOf: message)
        return frame.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let start = buffer.baseAddress! + offset
                let written: Int
                if offset == 0, var file {
                    written = cprocess_send_with_descriptors(descriptor, start, buffer.count, &file, 1)
                } else {
                    written = Glibc.write(descriptor, start, buffer.count - offset)
                }
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Reads one frame from `descriptor`, a Unix socket, with the descriptors that came with it (the caller closes
    /// them), waiting as long as it takes; nil at the end of the stream (a worker reads its requests this way: its
    /// parent is trusted, and gone when the stream ends).
    static func receive(from descriptor: Int32) -> (message: [UInt8], descriptors: [Int32])? {
        var descriptors: [Int32] = []
        guard let header = receiveExactly(4, from: descriptor, collecting: &descriptors),
            let message = receiveExactly(
                header.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }, from: descriptor,
                collecting: &descriptors)
        else {
            for received in descriptors { close(received) }
            return nil
        }
        return (message, descriptors)
    }

    private static func receiveExactly(_ count: Int, from descriptor: Int32, collecting descriptors: inout [Int32])
        -> [UInt8]?
    {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        var received = [Int32](repeating: -1, count: descriptorsPerFrame)
        while offset < count {
            var got: Int32 = 0
            let read = bytes.withUnsafeMutableBytes {
                cprocess_receive_with_descriptors(
                    descriptor, $0.baseAddress! + offset, count - offset, &received, Int32(received.count), &got)
            }
            for index in 0..<Int(got) {
                if descriptors.count < descriptorsPerFrame {
                    descriptors.append(received[index])
                } else {
                    close(received[index])
                }
            }
            if read < 0 && errno == EINTR { continue }
            if read <= 0 { return nil }
            offset += read
        }
        return bytes
    }
}

/// Bytes read from a worker so far, handed out a frame at a time.
struct MessageReader {
    private var pending: [UInt8] = []
    private var start = 0

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        if start > 0 && start == pending.count {
            pending.removeAll(keepingCapacity: true)
            start = 0
        }
        pending.append(contentsOf: bytes)
    }

    /// The next whole frame's message, nil until it has all arrived.
    /// - Throws: `WorkerFailure` for a frame longer than `MessageFrames.largest`.
    mutating func next() throws -> [UInt8]? {
        guard pending.count - start >= 4 else { return nil }
        let count = (0..<4).reduce(0) { $0 | Int(pending[start + $1]) << (8 * $1) }
        guard count <= MessageFrames.largest else {
            throw WorkerFailure(message: "the media worker announced an answer of \(count >> 20) MiB")
        }
        guard pending.count - start - 4 >= count else { return nil }
        let message = Array(pending[(start + 4)..<(start + 4 + count)])
        start += 4 + count
        return message
    }
}
