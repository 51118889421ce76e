import FootageTestSupport
import Foundation
import Testing

/// The local RFC 3161 authority of `Tests/Fixtures/tsa/tsa_server.py` on 127.0.0.1: `openssl ts -reply` behind
/// Python's http.server, with a test CA and its certificates made by openssl in a temporary folder. Each path
/// behaves one way (`/good`, `/nopurpose`, `/garbage`, `/reject`, `/slow`, `/otherimprint`, `/huge`).
final class LocalTimestampAuthority {
    static let script = Repository.fixtures.appendingPathComponent("tsa/tsa_server.py").path

    /// python3 and openssl, which the authority needs (`make test-deps` installs both).
    static var available: Bool {
        ExternalTool.find("python3") != nil && ExternalTool.find("openssl") != nil
    }

    let folder: URL
    let port: Int
    private let process: Process

    init(folder: URL) throws {
        self.folder = folder
        process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(ExternalTool.find("python3")))
        process.arguments = [Self.script, folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line is the port, printed once the certificates are made and the server listens.
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            throw FixtureFailure("the local time-stamp authority did not start")
        }
        self.port = port
    }

    /// SIGKILL: a test runner may leave SIGTERM ignored, and children inherit that.
    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    func url(_ mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)" }

    /// The test CA's certificate, which the `/good` authority's certificate chains to.
    var caFile: String { folder.appendingPathComponent("ca.pem").path }
}
