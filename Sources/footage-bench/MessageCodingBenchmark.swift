import ArgumentParser
import FootageMedia
import FootageWorkers
import Foundation

/// What coding a worker's answer costs (`footage-bench messages FILE`, Benchmarks/register.sh): the answer for one
/// file's probe, written and read back many times with JSON and with the wire form.
enum MessageCodingBenchmark {
    struct Result: Sendable {
        /// Bytes of the answer in each form.
        public var jsonBytes: Int
        public var wireBytes: Int
        /// Microseconds of CPU per answer on one thread: writing, then reading.
        public var json: (encode: Double, decode: Double)
        public var wire: (encode: Double, decode: Double)
    }

    static func run(path: String, iterations: Int) throws -> Result {
        let answer = try MediaTask.probe(path: path).run(on: MediaFile(path: path))
        let jsonData = try JSONEncoder().encode(answer)
        let wireBytes = try WireEncoder.encode(answer)
        guard try WireDecoder.decode(MediaTaskResult.self, from: wireBytes).probed == answer.probed else {
            throw ValidationError("the wire form did not read back the same answer")
        }
        let count = max(1, iterations)
        let jsonEncode = try perCall(count) { _ = try JSONEncoder().encode(answer) }
        let jsonDecode = try perCall(count) { _ = try JSONDecoder().decode(MediaTaskResult.self, from: jsonData) }
        let wireEncode = try perCall(count) { _ = try WireEncoder.encode(answer) }
        let wireDecode = try perCall(count) { _ = try WireDecoder.decode(MediaTaskResult.self, from: wireBytes) }
        return Result(
            jsonBytes: jsonData.count, wireBytes: wireBytes.count, json: (jsonEncode, jsonDecode),
            wire: (wireEncode, wireDecode))
    }

    /// Microseconds of this thread's CPU per call, after one call to warm caches.
    private static func perCall(_ count: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        let before = ThreadCPUClock.seconds()
        for _ in 0..<count { try body() }
        return (ThreadCPUClock.seconds() - before) / Double(count) * 1e6
    }
}

extension MediaTaskResult {
    /// The probe this answer carries, if it is one.
    var probed: ProbeResult? {
        if case .probe(let value, _) = self { value } else { nil }
    }
}
