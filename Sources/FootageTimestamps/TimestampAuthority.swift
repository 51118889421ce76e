import Crypto
import Foundation
import SwiftASN1
import X509

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An RFC 3161 time-stamp authority reached over HTTP (RFC 3161 § 3.4): a DER `TimeStampReq` POSTed as
/// `application/timestamp-query`, a `TimeStampResp` back as `application/timestamp-reply`.
///
/// The authority is untrusted until its token checks out: the answer is read up to `maximumBytes`, within `timeout`
/// seconds, without following redirects, and the token must cover the hash and nonce sent and verify.
public struct TimestampAuthority: Sendable {
    public var url: URL
    public var timeout: TimeInterval
    /// Tokens are a few kilobytes (a signature and a certificate chain); a megabyte is far beyond any real one.
    public var maximumBytes = 1 << 20

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
            let words = ["granted", "granted with modifications", "rejection", "waiting", "revocation warning",
                "revocation notification"]
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
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/timestamp-query", forHTTPHeaderField: "Content-Type")
        request.setValue("application/timestamp-reply", forHTTPHeaderField: "Accept")
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        let reader = BoundedReader(limit: maximumBytes)
        let session = URLSession(configuration: configuration, delegate: reader, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        session.dataTask(with: request).resume()
        // The session's own timeout ends the task; the wait's is a backstop should it not.
        if reader.done.wait(timeout: .now() + timeout + 5) == .timedOut {
            throw TimestampError("did not answer within \(Self.seconds(timeout))")
        }
        let (data, response, failure) = reader.result()
        if let failure {
            if let error = failure as? URLError, error.code == .timedOut {
                throw TimestampError("did not answer within \(Self.seconds(timeout))")
            }
            if failure is TimestampError { throw failure as! TimestampError }
            throw TimestampError("cannot be reached (\(failure.localizedDescription))")
        }
        guard let response else { throw TimestampError("gave no HTTP answer") }
        guard response.statusCode == 200 else {
            throw TimestampError("answered HTTP \(response.statusCode), not a time-stamp response")
        }
        return Array(data)
    }

    static func seconds(_ interval: TimeInterval) -> String {
        interval == interval.rounded() ? "\(Int(interval)) s" : "\(interval) s"
    }

    /// Text from the authority, shown without control characters and bounded.
    static func printable(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.prefix(200).map(Character.init))
    }
}

/// Collects an HTTP answer up to a size, and refuses redirects.
private final class BoundedReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data = Data()
    private var response: HTTPURLResponse?
    private var failure: (any Error)?

    init(limit: Int) { self.limit = limit }

    func result() -> (Data, HTTPURLResponse?, (any Error)?) {
        lock.withLock { (data, response, failure) }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        if response.expectedContentLength > Int64(limit) {
            lock.withLock { failure = TimestampError("announced an answer of \(response.expectedContentLength) bytes, more than footage reads (\(limit))") }
            completionHandler(.cancel)
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = lock.withLock { () -> Bool in
            self.data.append(data)
            guard self.data.count > limit else { return false }
            failure = TimestampError("answered more than \(limit) bytes, more than any token needs")
            return true
        }
        if over { dataTask.cancel() }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        lock.withLock {
            failure = TimestampError("answered with a redirect (HTTP \(response.statusCode)); give the address it names")
        }
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        lock.withLock {
            if let error, failure == nil { failure = error }
        }
        done.signal()
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
