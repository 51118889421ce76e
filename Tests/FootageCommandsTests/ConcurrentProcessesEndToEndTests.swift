import FootageTestSupport
import Foundation
import Testing

/// Four `register` processes on overlapping folders of one catalogue at once, with readers running `xref`, `search`
/// and `list` meanwhile: every process succeeds, each clip exists once, and the ledger is one unbroken chain.
/// `make stress` (Tests/Stress/concurrency.py) runs more rounds.
@Suite(.serialized) struct ConcurrentProcessesEndToEndTests {
    let samples = FootageBinary.samples
    let names = ["ministry-upload.mp4", "pentagon-release.webm", "checkpoint-cctv.ts", "handheld-rotated.mov"]

    @Test func fourWritersOnOverlappingFoldersAndReadersAllSucceed() throws {
        try withCatalogFolder { footage, root throws in
            let article = Repository.exampleArticle.path
            #expect(try footage.run(["article", "add", article]).status == 0)
            // Folder i holds copies of samples i and i+1 (and i+2 for odd i): every sample is in two or more folders,
            // and every folder is given to two writers. Copies, not hard links: a link made or removed changes the
            // sample's status-change time, and another suite reading the sample meanwhile would rightly see it
            // change (README, "One descriptor from hash to pixels").
            var folders: [String] = []
            for index in 0..<4 {
                let folder = root.appendingPathComponent("in/folder-\(index)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for offset in (index % 2 == 1 ? [0, 1, 2] : [0, 1]) {
                    let name = names[(index + offset) % 4]
                    try FileManager.default.copyItem(
                        at: samples.appendingPathComponent(name),
                        to: folder.appendingPathComponent(name))
                }
                folders.append(folder.path)
            }
            let extras = [["--copy"], ["--keyframes"], [], ["--copy", "--keyframes"]]
            let writers = try (0..<4).map { index in
                try start(
                    ["register", folders[index], folders[(index + 1) % 4], "--jobs", "1", "--catalog", root.path]
                        + extras[index], log: root.appendingPathComponent("writer-\(index).log"))
            }
            repeat {
                for arguments in [["xref", "A1"], ["search", "convoy"], ["list", "clips"]] {
                    let result = try footage.run(arguments)
                    #expect(result.status == 0, "\(arguments[0]) failed while writers ran: \(result.stderr)")
                }
            } while writers.contains(where: \.isRunning)
            for (index, writer) in writers.enumerated() {
                writer.waitUntilExit()
                let log =
                    (try? String(contentsOf: root.appendingPathComponent("writer-\(index).log"), encoding: .utf8)) ?? ""
                #expect(writer.terminationStatus == 0, "writer \(index) failed: \(log)")
            }
            #expect(try CatalogueInvariants.problems(footage, root).isEmpty)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM clip") == 4)
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM location WHERE kind = 'original'") == 10)
            #expect(try CatalogueInvariants.leftovers(root).isEmpty)
        }
    }
}

/// Starts the binary without waiting for it; what it prints goes to `log`.
private func start(_ arguments: [String], log: URL) throws -> Process {
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: FootageBinary.path)
    process.arguments = arguments
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return process
}
