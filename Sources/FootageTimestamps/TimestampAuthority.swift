import Crypto
import Foundation
import SwiftASN1
import X509

/// An RFC 3161 time-stamp authority reached over HTTP (RFC 3161 § 3.4): a DER `TimeStampReq` POSTed as
/// `application/timestamp-query`, a `TimeStampResp` back as `application/timestamp-reply`. Plain HTTP, as the RFC
/// describes and public authorities serve: the token is signed and checked, so transport security adds no proof.
///
/// The authority is untrusted until its token checks out: the answer is read up to `maximumBytes`, within `timeout`
/// seconds, without following redirects, and the token must cover the hash and nonce sent and verify.
public struct TimestampAuthority: Sendable {
    public var url: URL
    public var timeout: TimeInterval
    /// Tokens are a few kilobytes (a signature and a certificate chain); a megabyte is far beyond any real one.
    public static let maximumTokenBytes = 1 << 20
    public var maximumBytes = Self.maximumTokenBytes

    public init(url: URL, timeout: TimeInterval) {
        self.url = url
        self.timeout = timeout
    }

    /// A token the authority granted, and the nonce that was sent with the request.
    public struct Stamp: Sendable {
        public var token: TimestampToken
        public var nonce: [UInt8]
    }

    /// Asks for a token over the SHA-256 `digest` and checks it (the chain too when `authorities` is given).
    public func stamp(digest: [UInt8], authorities: [Certificate]?) throws(TimestampError) -> Stamp {
        // Eight random bytes, the first below 0x80 and not 0 so that the INTEGER is positive and has one DER form.
        var nonce = (0..<8).map { _ in UInt8.random(in: 0...255) }
        nonce[0] = UInt8.random(in: 1...0x7f)
        let request = TimeStampRequest(
            messageImprint: MessageImprint(hashAlgorithm: .sha256, hashedMessage: digest[...]), nonce: nonce[...])
        let body: [UInt8]
        do { body = try request.derBytes() } catch { throw TimestampError("cannot encode the request (\(error))") }
        let answer = try post(body)
        let response: TimeStampResponse
        do {
            response = try TimeStampResponse(derEncoded: answer)
        } catch {
            throw TimestampError(
                "answered something that is not a time-stamp response (\(answer.count) bytes, "
                    + "\(TimestampToken.reason(error)))")
        }
        guard response.status == 0 || response.status == 1 else {
            let words = [
                "granted", "granted with modifications", "rejection", "waiting", "revocation warning",
                "revocation notification",
            ]
            let status = response.status >= 0 && response.status < words.count ? words[response.status] : "unknown"
            var detail = response.failureBits.map { TimeStampResponse.failureNames[$0] ?? "failure bit \($0)" }
            detail += response.statusText.map { "\"\(Self.printable($0))\"" }
            throw TimestampError(
                "refused the request (status \(response.status), \(status)"
                    + (detail.isEmpty ? "" : ": " + detail.joined(separator: "; ")) + ")")
        }
        guard let tokenBytes = response.token else {
            throw TimestampError("granted the request but sent no token")
        }
        let token = try TimestampToken(der: tokenBytes)
        try token.check(digest: digest, nonce: nonce, authorities: authorities)
        return Stamp(token: token, nonce: nonce)
    }

    /// POSTs `body` and returns the answer's bytes, or throws what went wrong in one line.
    func post(_ body: [UInt8]) throws(TimestampError) -> [UInt8] {
        let answer = try PlainHTTP.post(
            url, body: body,
            headers: ["Content-Type": "application/timestamp-query", "Accept": "application/timestamp-reply"],
            timeout: timeout, limit: maximumBytes)
        if (300..<400).contains(answer.status) {
            throw TimestampError("answered with a redirect (HTTP \(answer.status)); give the address it names")
        }
        guard answer.status == 200 else {
            throw TimestampError("answered HTTP \(answer.status), not a time-stamp response")
        }
        return answer.body
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : "\(interval) s"
    }

    /// Text from the authority, shown without control characters and bounded.
    static func printable(_ text: String) -> String {
        String(
            text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(200).map(Character.init))
    }
}

/// Authority certificates read from PEM or DER files (`--tsa-ca FILE`).
public enum AuthorityCertificates {
    /// Every certificate in `data`: one DER certificate, or any number of PEM `CERTIFICATE` blocks.
    public static func read(_ data: [UInt8]) throws(TimestampError) -> [Certificate] {
        if let text = String(bytes: data, encoding: .utf8), text.contains("-----BEGIN") {
            do {
                let documents = try PEMDocument.parseMultiple(pemString: text)
                    .filter { $0.discriminator == "CERTIFICATE" }
                guard !documents.isEmpty else { throw TimestampError("holds no PEM CERTIFICATE block") }
                return try documents.map { try Certificate(derEncoded: $0.derBytes) }
            } catch let error as TimestampError {
                throw error
            } catch {
                throw TimestampError("is not a certificate (\(TimestampToken.reason(error)))")
            }
        }
        do {
            return [try Certificate(derEncoded: data)]
        } catch {
            throw TimestampError("is not a certificate in PEM or DER (\(TimestampToken.reason(error)))")
        }
    }

    /// The DER of a certificate, for storing.
    public static func der(_ certificate: Certificate) -> [UInt8] {
        var serializer = DER.Serializer()
        try? serializer.serialize(certificate)
        return serializer.serializedBytes
    }

    /// One PEM block per DER certificate, as `openssl` reads them.
    public static func pem(_ certificates: [[UInt8]]) -> String {
        certificates.map { PEMDocument(type: "CERTIFICATE", derBytes: $0).pemString + "\n" }.joined()
    }
}
