import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How messages (`WireEncoder`) travel over the pipes between footage and a media worker: each as a frame, its
/// length in 4 bytes (little-endian) and then its bytes.
enum MessageFrames {
    /// The largest message accepted from a worker: a fingerprint of ten hours at 30 frames a second is about 700 MB.
    /// A worker taken over by a hostile file cannot make footage hold more than this for it.
    static let largest = 1 << 30

    /// Writes one frame to `descriptor`; false when the other end has gone (EPIPE: SIGPIPE is ignored).
    static func write(_ message: [UInt8], to descriptor: Int32) -> Bool {
        let count = UInt32(message.count)
        var frame = [UInt8](repeating: 0, count: 4)
        for index in 0..<4 { frame[index] = UInt8(truncatingIfNeeded: count >> (8 * index)) }
        frame.append(contentsOf: message)
        return frame.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Reads one frame from `descriptor`, waiting as long as it takes; nil at the end of the stream (a worker reads
    /// its requests this way: its parent is trusted, and gone when the stream ends).
    static func read(from descriptor: Int32) -> [UInt8]? {
        guard let header = readExactly(4, from: descriptor) else { return nil }
        let count = header.enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        return readExactly(count, from: descriptor)
    }

    private static func readExactly(_ count: Int, from descriptor: Int32) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + offset, count - offset) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return nil }
            offset += got
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
