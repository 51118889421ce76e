import FootageTestSupport
import Foundation
import Testing

/// `seal --tsa`: RFC 3161 tokens over the seal's line from a local authority, checked by `verify` offline, exported
/// for `openssl ts -verify`, and every way an authority can fail leaving the catalogue as it was.
@Suite(.serialized, .enabled(if: LocalTimestampAuthority.available, "needs python3 and openssl (make test-deps)"))
struct TimestampedSealEndToEndTests {
    /// A catalogue with a few ledger events (verify runs) and a running local authority.
    private func withAuthority(_ body: (FootageBinary, URL, LocalTimestampAuthority) throws -> Void) throws {
        try withCatalogFolder { footage, root in
            try withTemporaryFolder { folder in
                let authority = try LocalTimestampAuthority(folder: folder)
                for _ in 0..<2 { _ = try footage.run(["verify"]) }
                try body(footage, root, authority)
            }
        }
    }

    private func counts(_ root: URL) throws -> [Int] {
        try ["seal", "seal_timestamp", "timestamp_authority", "ledger"].map {
            try CatalogueInvariants.count(root, "SELECT count(*) FROM \($0)")
        }
    }

    @Test func aTimestampedSealVerifiesOfflineAndOpenSSLAcceptsItsExport() throws {
        try withAuthority { footage, root, authority in
            let sealed = try footage.run([
                "seal", "--tsa", authority.url("good"), "--tsa-ca", authority.caFile, "--json",
            ])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            let row = try #require(sealed.rows.first)
            let stamps = try #require(row["timestamps"] as? [[String: Any]])
            #expect(stamps.count == 1)
            let time = try #require(stamps.first?["time"] as? String)
            let events = try #require(row["events"] as? Int)
            #expect(try counts(root).prefix(3) == [1, 1, 1])

            let verified = try footage.run(["verify"])
            #expect(verified.status == 0, "\(verified.stdout)")
            #expect(verified.stdout.contains("seal 1: the ledger up to event \(events) existed at \(time)"))
            let rows = try footage.run(["verify", "--json"]).rows.filter { $0["check"] as? String == "timestamp" }
            #expect(rows.count == 1)
            #expect(rows.first?["holds"] as? Bool == true)
            #expect(rows.first?["time"] as? String == time)

            // The export, checked by openssl alone.
            try withTemporaryFolder { out in
                let exported = try footage.run(["export", "--format", "seal", "-o", out.path, "--json"])
                #expect(exported.status == 0, "\(exported.stderr)")
                let names = Set(
                    exported.rows.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } })
                #expect(names == ["ca.pem", "seal-1.txt", "seal-1-tsa-1.tst", "seal-1-tsa-1-certs.pem"])
                let line = try String(contentsOf: out.appendingPathComponent("seal-1.txt"), encoding: .utf8)
                #expect(line == (row["checkpoint"] as? String), "the file holds the line and nothing else")
                let openssl = try #require(ExternalTool.find("openssl"))
                let file = { (name: String) in out.appendingPathComponent(name).path }
                let checked = try ExternalTool.run(
                    openssl,
                    [
                        "ts", "-verify", "-data", file("seal-1.txt"), "-in", file("seal-1-tsa-1.tst"), "-token_in",
                        "-CAfile", file("ca.pem"), "-untrusted", file("seal-1-tsa-1-certs.pem"),
                    ])
                #expect(checked.status == 0, "\(checked.stdout) \(checked.stderr)")
                #expect(checked.stdout.contains("Verification: OK"))
                // Another line is not what was signed.
                try Data("footage-seal:v1:0:\(String(repeating: "0", count: 64))".utf8).write(
                    to: out.appendingPathComponent("other.txt"))
                let other = try ExternalTool.run(
                    openssl,
                    [
                        "ts", "-verify", "-data", file("other.txt"), "-in", file("seal-1-tsa-1.tst"), "-token_in",
                        "-CAfile", file("ca.pem"),
                    ])
                #expect(other.status != 0)
            }

            // A changed byte of the token is named.
            let flip = """
                UPDATE seal_timestamp SET token = substr(token, 1, length(token) - 1)
                    || CASE WHEN substr(token, -1) = X'00' THEN X'01' ELSE X'00' END
                """
            #expect(try CatalogueInvariants.sqlite(root, flip).status == 0)
            let tampered = try footage.run(["verify"])
            #expect(tampered.status == 1)
            #expect(tampered.stdout.contains("PROBLEM  seal 1 timestamp 1 (\(authority.url("good"))): does not hold"))
            #expect(!tampered.stdout.contains("existed at"))
            // A token far beyond any real one (a catalogue from elsewhere) is named without being parsed.
            #expect(
                try CatalogueInvariants.sqlite(root, "UPDATE seal_timestamp SET token = zeroblob(3000000)").status == 0)
            let huge = try footage.run(["verify"])
            #expect(huge.status == 1)
            #expect(huge.stdout.contains("its token is 3000000 bytes, more than any token needs"), "\(huge.stdout)")
        }
    }

    @Test func twoAuthoritiesOneOfThemRSADateTheSameSeal() throws {
        try withAuthority { footage, root, authority in
            let sealed = try footage.run([
                "seal", "--tsa", authority.url("rsa"), "--tsa", authority.url("good"), "--tsa-ca", authority.caFile,
            ])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            #expect(try counts(root).prefix(3) == [1, 2, 1], "one seal, two tokens, the CA kept once")
            let verified = try footage.run(["verify"])
            #expect(verified.status == 0, "\(verified.stdout)")
            #expect(verified.stdout.contains("(time-stamp by \(authority.url("rsa")))"))
            #expect(verified.stdout.contains("(time-stamp by \(authority.url("good")))"))
            try withTemporaryFolder { out in
                #expect(try footage.run(["export", "--format", "seal", "-o", out.path]).status == 0)
                let openssl = try #require(ExternalTool.find("openssl"))
                let file = { (name: String) in out.appendingPathComponent(name).path }
                let checked = try ExternalTool.run(
                    openssl,
                    [
                        "ts", "-verify", "-data", file("seal-1.txt"), "-in", file("seal-1-tsa-1.tst"), "-token_in",
                        "-CAfile", file("ca.pem"),
                    ])
                #expect(checked.stdout.contains("Verification: OK"), "\(checked.stderr)")
            }
        }
    }

    @Test func aTokenTakenWithoutItsCAIsNamedUntilVerifyIsGivenOne() throws {
        try withAuthority { footage, root, authority in
            let sealed = try footage.run(["seal", "--tsa", authority.url("good")])
            #expect(sealed.status == 0, "\(sealed.stderr)")
            #expect(sealed.stderr.contains("no --tsa-ca was given"))
            #expect(try counts(root).prefix(3) == [1, 1, 0])
            let unchained = try footage.run(["verify"])
            #expect(unchained.status == 1)
            #expect(unchained.stdout.contains("cannot be traced to a trusted authority"), "\(unchained.stdout)")
            let given = try footage.run(["verify", "--tsa-ca", authority.caFile])
            #expect(given.status == 0, "\(given.stdout)")
            #expect(given.stdout.contains("seal 1: the ledger up to event"))
            // A CA other than the authority's: the chain does not hold.
            let stranger = authority.folder.appendingPathComponent("code.pem").path
            let wrong = try footage.run(["verify", "--tsa-ca", stranger])
            #expect(wrong.status == 1)
            #expect(wrong.stdout.contains("does not chain to a trusted authority"), "\(wrong.stdout)")
            // A file that is no certificate is bad input: one line, exit 1.
            let notCertificate = authority.folder.appendingPathComponent("tsa.cnf").path
            let bad = try footage.run(["verify", "--tsa-ca", notCertificate])
            #expect(bad.status == 1)
            #expect(bad.stderr.contains("\(notCertificate): is not a certificate"), "\(bad.stderr)")
        }
    }

    @Test func aSignerWithoutTheTimeStampingPurposeIsRefusedAndNamedByVerify() throws {
        try withAuthority { footage, root, authority in
            let before = try counts(root)
            let refused = try footage.run(["seal", "--tsa", authority.url("nopurpose"), "--tsa-ca", authority.caFile])
            #expect(refused.status == 1)
            #expect(refused.stdout.isEmpty)
            #expect(refused.stderr.contains("is not for time-stamping"), "\(refused.stderr)")
            #expect(refused.stderr.contains("nothing was recorded"))
            #expect(try counts(root) == before)

            // A catalogue that holds such a token (made elsewhere, or put there by hand): verify names it. The token
            // is asked for over a kept seal's line with openssl's own request, and swapped in with its nonce.
            #expect(
                try footage.run(["seal", "--tsa", authority.url("good"), "--tsa-ca", authority.caFile]).status == 0)
            let out = authority.folder.appendingPathComponent("out")
            #expect(try footage.run(["export", "--format", "seal", "-o", out.path]).status == 0)
            let line = try String(contentsOf: out.appendingPathComponent("seal-1.txt"), encoding: .utf8)
            #expect(line.hasPrefix("footage-seal:v1:"))
            let token = try swappedToken(
                over: out.appendingPathComponent("seal-1.txt"), from: authority.url("nopurpose"), in: authority.folder)
            let swapped = "UPDATE seal_timestamp SET token = readfile('\(token.file)'), nonce = '\(token.nonce)'"
            #expect(try CatalogueInvariants.sqlite(root, swapped).status == 0)
            let named = try footage.run(["verify"])
            #expect(named.status == 1)
            #expect(named.stdout.contains("seal 1 timestamp 1"), "\(named.stdout)")
            #expect(named.stdout.contains("is not for time-stamping"), "\(named.stdout)")
        }
    }

    /// Asks `authority` for a token over `data` as openssl would (`openssl ts -query`), and returns the token's file
    /// and the request's nonce in hex.
    private func swappedToken(over data: URL, from authority: String, in folder: URL) throws -> (
        file: String, nonce: String
    ) {
        let openssl = try #require(ExternalTool.find("openssl"))
        let python = try #require(ExternalTool.find("python3"))
        let query = folder.appendingPathComponent("swap.tsq").path
        let reply = folder.appendingPathComponent("swap.tsr").path
        let token = folder.appendingPathComponent("swap.tst").path
        #expect(
            try ExternalTool.run(openssl, ["ts", "-query", "-data", data.path, "-sha256", "-cert", "-out", query])
                .status == 0)
        let post = """
            import sys, urllib.request
            body = open(sys.argv[2], 'rb').read()
            request = urllib.request.Request(sys.argv[1], body, {'Content-Type': 'application/timestamp-query'})
            open(sys.argv[3], 'wb').write(urllib.request.urlopen(request, timeout=30).read())
            """
        #expect(try ExternalTool.run(python, ["-c", post, authority, query, reply]).status == 0)
        #expect(try ExternalTool.run(openssl, ["ts", "-reply", "-in", reply, "-token_out", "-out", token]).status == 0)
        let text = try ExternalTool.run(openssl, ["ts", "-query", "-in", query, "-text"]).stdout
        let nonceLine = try #require(text.split(separator: "\n").first { $0.contains("Nonce:") })
        var nonce = String(nonceLine.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces)
        if nonce.hasPrefix("0x") { nonce.removeFirst(2) }
        if nonce.count % 2 == 1 { nonce = "0" + nonce }
        return (token, nonce.lowercased())
    }

    @Test(arguments: [
        ("garbage", "answered something that is not a time-stamp response"),
        ("reject", "refused the request (status 2, rejection"),
        ("slow", "did not answer within 1 s"),
        ("otherimprint", "the authority signed a different hash"),
        ("huge", "answered more than 1048576 bytes"),
        ("missing", "answered HTTP 404"),
    ])
    func aFailingAuthorityIsOneLineAndNothingIsRecorded(mode: String, words: String) throws {
        try withAuthority { footage, root, authority in
            #expect(try footage.run(["seal"]).status == 0)
            let before = try counts(root)
            for authorities in [[authority.url(mode)], [authority.url("good"), authority.url(mode)]] {
                // A short timeout for the authority that sleeps; room for the others on a loaded machine.
                let result = try footage.run(
                    ["seal", "--tsa-ca", authority.caFile, "--tsa-timeout", mode == "slow" ? "1" : "20"]
                        + authorities.flatMap { ["--tsa", $0] })
                #expect(result.status == 1)
                #expect(result.stdout.isEmpty)
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1, "\(result.stderr)")
                #expect(result.stderr.hasPrefix("footage: \(authority.url(mode)): \(words)"), "\(result.stderr)")
                #expect(result.stderr.contains("nothing was recorded"))
                #expect(try counts(root) == before, "no seal, token or certificate kept; the ledger as it was")
            }
        }
    }

    @Test func badAddressesAndFilesAreRefusedBeforeAnythingIsAsked() throws {
        try withCatalogFolder { footage, root in
            let https = try footage.run(["seal", "--tsa", "https://tsa.example/tsr"])
            #expect(https.status == 64)
            #expect(https.stderr.contains("--tsa takes the http:// address"))
            #expect(try footage.run(["seal", "--tsa-ca", "ca.pem"]).status == 64)
            #expect(try footage.run(["seal", "--tsa", "http://127.0.0.1:9/", "--tsa-timeout", "0"]).status == 64)
            let missing = try footage.run(["seal", "--tsa", "http://127.0.0.1:9/", "--tsa-ca", "/nonexistent/ca.pem"])
            #expect(missing.status == 1)
            #expect(missing.stderr.contains("/nonexistent/ca.pem: cannot be read"), "\(missing.stderr)")
            let unreachable = try footage.run(["seal", "--tsa", "http://127.0.0.1:9/"])
            #expect(unreachable.status == 1)
            #expect(unreachable.stderr.contains("http://127.0.0.1:9/: cannot be reached"), "\(unreachable.stderr)")
            #expect(try CatalogueInvariants.count(root, "SELECT count(*) FROM seal") == 0)
            // verify reads the files it is given even when no token is kept.
            let unread = try footage.run(["verify", "--tsa-ca", "/nonexistent/ca.pem"])
            #expect(unread.status == 1)
            #expect(unread.stderr.contains("/nonexistent/ca.pem: cannot be read"), "\(unread.stderr)")
        }
    }
}
