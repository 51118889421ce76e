import FootageTestSupport
import Foundation
import Testing

@testable import FootageMedia

@Suite struct FileHasherTests {
    @Test func hashesAKnownVector() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/abc"
            try write("abc", to: path)
            let digest = try FileHasher.sha256(path: path)
            #expect(digest.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
            #expect(digest.size == 3)
        }
    }

    /// Several buffers' worth plus a ragged end, compared with coreutils.
    @Test(.enabled(if: ExternalTool.find("sha256sum") != nil, "sha256sum is not on PATH"))
    func agreesWithSha256sumAcrossBufferBoundaries() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/pattern.bin"
            var bytes = [UInt8](repeating: 0, count: 3 * FileHasher.bufferSize + 12_345)
            var state: UInt32 = 2_463_534_242
            for index in bytes.indices {
                state ^= state << 13
                state ^= state >> 17
                state ^= state << 5
                bytes[index] = UInt8(truncatingIfNeeded: state)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let output = try ExternalTool.run(try #require(ExternalTool.find("sha256sum")), [path]).stdout
            let expected = String(output.prefix(64))
            let digest = try FileHasher.sha256(path: path)
            #expect(digest.sha256 == expected)
            #expect(digest.size == Int64(bytes.count))
        }
    }

    @Test func inspectionHashesAndProbesTheSameFile() throws {
        let inspection = try MediaInspection.inspect(path: Samples.ministryUpload)
        #expect(inspection.sha256 == (try FileHasher.sha256(path: Samples.ministryUpload)).sha256)
        #expect(inspection.size == inspection.probe.format.size)
        #expect(inspection.probe == (try Probe.probe(path: Samples.ministryUpload)))
    }

    @Test func inspectionRefusesWhatProbingRefuses() throws {
        try withTemporaryDirectory { directory in
            let path = directory + "/notes.txt"
            try write("not footage\n", to: path)
            #expect(mediaError { try MediaInspection.inspect(path: path) }?.kind == .notMedia)
            #expect(mediaError { try MediaInspection.inspect(path: directory) }?.kind == .notRegularFile)
        }
    }
}
