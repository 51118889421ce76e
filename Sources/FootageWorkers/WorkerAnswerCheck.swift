import FootageMedia
import Foundation

/// Worker answers as the fuzzer reads them (`make fuzz`, target `worker-answer`): bytes a worker taken over by a
/// hostile file could send in place of an answer.
public enum WorkerAnswerCheck {
    /// Reads `bytes` as an answer. When they read, the answer written again must read back the same (its JSON with
    /// sorted keys is compared); returns false when it does not, nil when the bytes do not read.
    public static func readsBackTheSame(_ bytes: [UInt8]) -> Bool? {
        guard let answer = try? WireDecoder.decode(MediaTaskResult.self, from: bytes) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let again = try? WireDecoder.decode(MediaTaskResult.self, from: WireEncoder.encode(answer)),
            let first = try? encoder.encode(answer), let second = try? encoder.encode(again)
        else { return false }
        return first == second
    }

    /// The wire form of `path`'s probe and of an error answer, as seeds for the fuzzer.
    public static func seeds(probing path: String) throws -> [[UInt8]] {
        let error = MediaError(.damaged, path: path, reason: "no decodable frames", ffmpegCode: -1094995529, errno: nil)
        return [
            try WireEncoder.encode(try MediaTask.probe(path: path).run(on: MediaFile(path: path))),
            try WireEncoder.encode(MediaTaskResult(error: error)),
        ]
    }
}
