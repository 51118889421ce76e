import ArgumentParser
import FootageKit
import Foundation

/// Hidden: what coding a media worker's answer costs, JSON against the wire form, for Benchmarks/register.sh.
struct BenchMessagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-messages", abstract: "Time coding a media worker's answer for one file.",
        shouldDisplay: false)

    @Argument(help: "A media file to inspect once.") var file: String
    @Option(help: "Answers to write and read.") var iterations = 2000
    @Option(help: "Also write the answer and an error answer in the binary form into this folder (the fuzzer's seeds, Fuzz/seeds/worker-answer).")
    var saveSeeds: String?

    func run() throws {
        if let folder = saveSeeds {
            for (index, seed) in try WorkerAnswerCheck.seeds(inspecting: file).enumerated() {
                try Data(seed).write(to: URL(fileURLWithPath: folder).appendingPathComponent("answer-\(index).bin"))
            }
        }
        let result = try MessageCodingBenchmark.run(path: file, iterations: iterations)
        Output.line(String(format: "JSON: %d bytes, write %.1f µs, read %.1f µs", result.jsonBytes,
                           result.json.encode, result.json.decode))
        Output.line(String(format: "wire: %d bytes, write %.1f µs, read %.1f µs", result.wireBytes,
                           result.wire.encode, result.wire.decode))
    }
}
