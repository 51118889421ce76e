import FootageMedia
import FootageTestSupport
import Foundation
import Testing

@testable import FootageWorkers

#if canImport(Glibc)
    import Glibc
#endif

/// The binary messages between footage and its media workers: every message reads back as it was written, and
/// damaged or crafted bytes (a worker taken over by a hostile file writes what it likes) fail to decode without
/// trapping or allocating more than they hold.
struct WireFormatTests {
    /// The same value written as JSON with sorted keys: a comparison that does not depend on dictionary order.
    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func roundTrip<T: Codable>(_ value: T) throws -> T {
        try WireDecoder.decode(T.self, from: try WireEncoder.encode(value))
    }

    @Test func everyRequestReadsBackAsItWasWritten() throws {
        var request = KeyframeRequest(mode: .interval(every: 2.5), folder: URL(fileURLWithPath: "/tmp/k f"))
        request.maxFrames = 12
        request.sheet = true
        let tasks: [MediaTask] = [
            .probe(path: "/cases/ünïcode clip.mp4"), .probe(path: ""),
            .keyframes(path: "/a", request: request),
            .fingerprint(path: "/b", rate: 1.0 / 60, timeout: 3600, threads: 1),
        ]
        let identity = try MediaFile(path: Samples.path("ministry-upload.mp4")).identity
        for task in tasks {
            let request = WorkerRequest(task: task, cpuSeconds: 3660.5, identity: identity)
            #expect(try json(roundTrip(request)) == json(request))
        }
    }

    @Test func realAnswersReadBackAsTheyWereWritten() throws {
        let path = Samples.path("ministry-upload.mp4")
        let answers: [MediaTaskResult] = [
            try MediaTask.probe(path: path).run(on: MediaFile(path: path)),
            try MediaTask.probe(path: "rotated").run(on: MediaFile(path: Samples.path("handheld-rotated.mov"))),
            try MediaTask.fingerprint(path: path, rate: 1, timeout: 120, threads: 0).run(on: MediaFile(path: path)),
            MediaTaskResult(
                error: MediaError(
                    .damaged, path: path, reason: "no decodable frames", ffmpegCode: -1,
                    errno: 5)),
            MediaTaskResult(error: CocoaError(.fileNoSuchFile)),
        ]
        for answer in answers {
            #expect(try json(roundTrip(answer)) == json(answer))
        }
        let hello = WorkerHello(library: .here, pid: 4242)
        #expect(try roundTrip(hello).library == hello.library)
        #expect(try roundTrip(hello).pid == 4242)
    }

    private struct Edges: Codable, Equatable {
        var signed: [Int64] = [.min, -1, 0, 1, .max]
        var unsigned: [UInt64] = [0, 127, 128, .max]
        var small: [Int8] = [.min, .max]
        var doubles: [Double] = [0, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, -1e-300]
        var floats: [Float] = [1.5, -2.25]
        var texts = ["", "a\u{0}b", "é🎞️\n\"", String(repeating: "x", count: 300)]
        var tags: [String: String] = ["": "empty key", "language": "ara", "😀": ""]
        var counts: [String: [Int]] = ["a": [], "b": [1, 2, 3]]
        var absent: Int?
        var present: String? = "here"
        var flags = [true, false]
        var nested: [[Double?]] = [[nil, 1.5], [], [nil]]
        var modes: [KeyframeMode] = [.key, .scene(threshold: 0.4), .interval(every: 10)]
    }

    @Test func edgeValuesReadBackExactly() throws {
        let edges = Edges()
        let back = try roundTrip(edges)
        #expect(back == edges)
        #expect(back.doubles[1].sign == .minus)
    }

    @Test func numbersThatAreNotFiniteAreRefused() throws {
        // The fuzzer's first find: a NaN start time read back fine but could not be written as JSON; nothing footage
        // sends holds one, and times that are not numbers would trap the arithmetic they reach.
        for value in [Double.nan, .infinity, -.infinity, Double(bitPattern: 0x7FF3_FFF4_0000_0000)] {
            #expect(throws: DecodingError.self) {
                try WireDecoder.decode(Double.self, from: try WireEncoder.encode(value))
            }
            #expect(throws: DecodingError.self) {
                try WireDecoder.decode([Float].self, from: try WireEncoder.encode([Float(value)]))
            }
        }
    }

    @Test func aValueOfAnotherTypeIsRefused() throws {
        let bytes = try WireEncoder.encode(["not": "a request"])
        #expect(throws: DecodingError.self) { try WireDecoder.decode(WorkerRequest.self, from: bytes) }
        #expect(throws: DecodingError.self) { try WireDecoder.decode(Int8.self, from: try WireEncoder.encode(300)) }
        #expect(throws: DecodingError.self) { try WireDecoder.decode(UInt.self, from: try WireEncoder.encode(-1)) }
    }

    @Test func everyTruncationAndFlippedByteFailsCleanly() throws {
        let path = Samples.path("ministry-upload.mp4")
        let answer = try MediaTask.probe(path: path).run(on: MediaFile(path: path))
        let bytes = try WireEncoder.encode(answer)
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) {
                try WireDecoder.decode(MediaTaskResult.self, from: Array(bytes[..<length]))
            }
        }
        #expect(throws: (any Error).self) { try WireDecoder.decode(MediaTaskResult.self, from: bytes + [0]) }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            var damaged = bytes
            damaged[Int(state % UInt64(bytes.count))] ^= UInt8(truncatingIfNeeded: state >> 32) | 1
            _ = try? WireDecoder.decode(MediaTaskResult.self, from: damaged)  // may decode; must not trap
        }
    }

    @Test func craftedLengthsAndCountsAreRefusedBeforeAnythingIsAllocated() {
        // A keyed container claiming 2^32 - 1 entries in 4 bytes, one whose length runs past the message, and a
        // string longer than the message.
        let manyEntries: [UInt8] = [7, 4, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF]
        let pastTheEnd: [UInt8] = [7, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0]
        let longString: [UInt8] = [6, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x41]
        let endlessNumber: [UInt8] = [3] + [UInt8](repeating: 0xFF, count: 12)
        for bytes in [manyEntries, pastTheEnd, longString, endlessNumber, [], [9], [0x7]] {
            #expect(throws: DecodingError.self) { try WireDecoder.decode(MediaTaskResult.self, from: bytes) }
        }
    }

    /// An `Encodable` that keeps a container and writes to it after starting another one beside it.
    private struct OutOfOrder: Encodable {
        enum Key: String, CodingKey { case a, b }
        func encode(to encoder: any Encoder) throws {
            var outer = encoder.container(keyedBy: Key.self)
            var first = outer.nestedUnkeyedContainer(forKey: .a)
            _ = outer.nestedUnkeyedContainer(forKey: .b)
            try first.encode(1)
        }
    }

    @Test func writingToAClosedContainerIsRefused() {
        #expect(throws: EncodingError.self) { try WireEncoder.encode(OutOfOrder()) }
    }

    @Test func framesArriveWhateverTheChunks() throws {
        let messages: [[UInt8]] = [[], [1, 2, 3], [UInt8](repeating: 0x0A, count: 70_000)]
        var pipe = [Int32](repeating: 0, count: 2)
        #expect(Glibc.pipe(&pipe) == 0)
        defer { close(pipe[0]) }
        let writeEnd = pipe[1]
        let writer = Thread {
            for message in messages { _ = MessageFrames.write(message, to: writeEnd) }
            close(writeEnd)
        }
        writer.start()
        var reader = MessageReader()
        var received: [[UInt8]] = []
        var chunk = [UInt8](repeating: 0, count: 7)  // small reads: frames split anywhere
        while received.count < messages.count {
            let count = read(pipe[0], &chunk, chunk.count)
            if count <= 0 { break }
            reader.append(chunk[..<count])
            while let message = try reader.next() { received.append(message) }
        }
        #expect(received == messages)
    }

    @Test func anAnnouncedGiantFrameIsRefused() {
        var reader = MessageReader()
        reader.append([0xFF, 0xFF, 0xFF, 0x7F, 1, 2][...])
        #expect(throws: WorkerFailure.self) { try reader.next() }
    }
}
