import Crypto
import FootageCore
import Foundation
import SwiftASN1
@_spi(FixedExpiryValidationTime) import X509

/// An RFC 3161 time-stamp token: an authority's signed statement that a hash existed at a time. Read from its DER
/// bytes (the CMS ContentInfo the authority returned), and checked offline against the hash it should cover, the
/// nonce that was sent, and the authority certificates trusted.
///
/// See <https://www.rfc-editor.org/rfc/rfc3161> and, for the signature, RFC 5652 § 5.4–5.6.
public struct TimestampToken: Sendable {
    /// The token as the authority sent it; what is stored and exported.
    public let der: [UInt8]
    let signed: SignedToken

    /// Reads a token; a token that is not a time-stamp token is an error naming what is wrong.
    public init(der: [UInt8]) throws(TimestampError) {
        self.der = der
        do {
            signed = try SignedToken(derEncoded: der)
        } catch {
            throw TimestampError("not a time-stamp token (\(Self.reason(error)))")
        }
    }

    /// The authority's time (genTime), in UTC.
    public var time: Date {
        let generalized = signed.tstInfo.genTime
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(
            year: generalized.year, month: generalized.month, day: generalized.day, hour: generalized.hours,
            minute: generalized.minutes, second: generalized.seconds,
            nanosecond: Int(generalized.fractionalSeconds * 1e9))
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    /// The authority's time as ISO 8601 in UTC, with its fraction of a second when it gave one.
    public var timeText: String {
        let time = signed.tstInfo.genTime
        var text = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", time.year, time.month, time.day, time.hours, time.minutes,
            time.seconds)
        if !time.rawFractionalSeconds.isEmpty {
            text += "." + String(decoding: time.rawFractionalSeconds, as: UTF8.self)
        }
        return text + "Z"
    }

    /// The token's serial number and policy, as the authority gave them.
    public var serialNumber: String { Self.hex(Self.trimmed(signed.tstInfo.serialNumber)) }
    public var policy: String { signed.tstInfo.policy.description }

    /// The certificates the token carries (the signer's, and any chain the authority added), as DER.
    public var certificates: [[UInt8]] { signed.certificates }

    /// The signer's certificate subject, once found; for messages.
    public var signerSubject: String? {
        try? signerCertificate(among: signed.certificates.compactMap { try? Certificate(derEncoded: $0) })
            .subject.description
    }

    /// Checks everything a relying party must (RFC 3161 § 2.4.2 and RFC 5652 § 5.6) and throws the first thing that
    /// does not hold:
    ///
    /// - the token's imprint is the SHA-256 `digest`, and its nonce is `nonce`;
    /// - its one signer's signed attributes name the TSTInfo content type and hold the TSTInfo's digest, and the
    ///   signature over them verifies with the signer's certificate;
    /// - that certificate is for time-stamping only, marked critical (RFC 3161 § 2.3);
    /// - it chains to one of `authorities`, each certificate valid at the token's time (nil: the chain is not
    ///   checked, for a token taken without an authority certificate).
    public func check(digest: [UInt8], nonce: [UInt8], authorities: [Certificate]?) throws(TimestampError) {
        let info = signed.tstInfo
        guard info.messageImprint.hashAlgorithm.algorithm == ObjectIDs.sha256 else {
            throw TimestampError(
                "the token covers a hash made with \(info.messageImprint.hashAlgorithm.algorithm), not SHA-256")
        }
        guard Array(info.messageImprint.hashedMessage) == digest else {
            throw TimestampError(
                "the authority signed a different hash (\(Self.hex(info.messageImprint.hashedMessage).prefix(16))…), "
                    + "not the seal's (\(Self.hex(digest).prefix(16))…)")
        }
        guard let tokenNonce = info.nonce else { throw TimestampError("the token carries no nonce") }
        guard Self.trimmed(tokenNonce) == Self.trimmed(nonce[...]) else {
            throw TimestampError("the token's nonce is not the one sent (an answer to another request)")
        }
        guard signed.eContentType == ObjectIDs.tstInfo else {
            throw TimestampError("the token signs \(signed.eContentType), not a TSTInfo")
        }
        guard signed.signerCount == 1 else {
            throw TimestampError("the token has \(signed.signerCount) signers, not one")
        }
        try checkSignedAttributes()
        let carried = signed.certificates.compactMap { try? Certificate(derEncoded: $0) }
        let signer = try signerCertificate(among: carried + (authorities ?? []))
        try checkSignature(of: signer)
        try Self.checkPurpose(of: signer)
        if let authorities { try checkChain(of: signer, carried: carried, authorities: authorities) }
    }

    private func checkSignedAttributes() throws(TimestampError) {
        guard let signedBytes = signed.signedAttributesForSignature else {
            throw TimestampError("the signer has no signed attributes, which RFC 3161 requires")
        }
        guard !signedBytes.isEmpty else { throw TimestampError("the signer's signed attributes are empty") }
        guard let typeNode = signed.signedAttributes[ObjectIDs.contentType],
            let type = try? ASN1ObjectIdentifier(derEncoded: typeNode), type == ObjectIDs.tstInfo
        else {
            throw TimestampError("the signed attributes do not name the TSTInfo content type")
        }
        guard let digestNode = signed.signedAttributes[ObjectIDs.messageDigest],
            let stated = try? ASN1OctetString(derEncoded: digestNode)
        else {
            throw TimestampError("the signed attributes hold no message digest")
        }
        guard let actual = Self.digest(signed.eContent, with: signed.digestAlgorithm.algorithm) else {
            throw TimestampError("the token uses a digest footage does not check (\(signed.digestAlgorithm.algorithm))")
        }
        guard actual == Array(stated.bytes) else {
            throw TimestampError("the signed message digest is not the TSTInfo's: the token was altered after signing")
        }
    }

    /// The certificate the signer names, among `candidates`.
    private func signerCertificate(among candidates: [Certificate]) throws(TimestampError) -> Certificate {
        let found: Certificate?
        switch signed.signerID {
        case .issuerAndSerial(let issuer, let serial):
            let name = try? DistinguishedName(derEncoded: DER.parse(issuer))
            let number = Certificate.SerialNumber(bytes: serial)
            found = candidates.first { $0.issuer == name && $0.serialNumber == number }
        case .subjectKeyID(let key):
            found = candidates.first { (try? $0.extensions.subjectKeyIdentifier)??.keyIdentifier == key }
        }
        guard let found else {
            throw TimestampError("the token carries no certificate of its signer, and none given matches")
        }
        return found
    }

    private func checkSignature(of signer: Certificate) throws(TimestampError) {
        guard let algorithm = signatureAlgorithm() else {
            throw TimestampError(
                "the token is signed with an algorithm footage does not check (\(signed.signatureAlgorithm.algorithm) "
                    + "with \(signed.digestAlgorithm.algorithm))")
        }
        guard let bytes = signed.signedAttributesForSignature,
            signer.publicKey.isValidSignature(signed.signature, for: bytes, signatureAlgorithm: algorithm)
        else {
            throw TimestampError(
                "the signature does not verify with the signer's certificate (\(signer.subject)): the token was "
                    + "altered or signed by another key")
        }
    }

    /// The signature algorithm as X509 names it, from the SignerInfo's signature and digest algorithms. RFC 5652
    /// signers often name the key type alone (rsaEncryption, id-ecPublicKey) and the digest separately.
    private func signatureAlgorithm() -> Certificate.SignatureAlgorithm? {
        let digest = signed.digestAlgorithm.algorithm
        guard signed.digestAlgorithms.contains(where: { $0.algorithm == digest }) else { return nil }
        let byDigest:
            [ASN1ObjectIdentifier: (rsa: Certificate.SignatureAlgorithm, ecdsa: Certificate.SignatureAlgorithm)] = [
                ObjectIDs.sha256: (.sha256WithRSAEncryption, .ecdsaWithSHA256),
                ObjectIDs.sha384: (.sha384WithRSAEncryption, .ecdsaWithSHA384),
                ObjectIDs.sha512: (.sha512WithRSAEncryption, .ecdsaWithSHA512),
            ]
        let named: [ASN1ObjectIdentifier: ASN1ObjectIdentifier] = [
            ObjectIDs.sha256WithRSA: ObjectIDs.sha256, ObjectIDs.sha384WithRSA: ObjectIDs.sha384,
            ObjectIDs.sha512WithRSA: ObjectIDs.sha512, ObjectIDs.ecdsaWithSHA256: ObjectIDs.sha256,
            ObjectIDs.ecdsaWithSHA384: ObjectIDs.sha384, ObjectIDs.ecdsaWithSHA512: ObjectIDs.sha512,
        ]
        let algorithm = signed.signatureAlgorithm.algorithm
        if algorithm == ObjectIDs.ed25519 { return .ed25519 }
        guard let pair = byDigest[digest] else { return nil }
        switch algorithm {
        case ObjectIDs.rsaEncryption: return pair.rsa
        case ObjectIDs.ecPublicKey: return pair.ecdsa
        case ObjectIDs.sha256WithRSA, ObjectIDs.sha384WithRSA, ObjectIDs.sha512WithRSA:
            return named[algorithm] == digest ? pair.rsa : nil
        case ObjectIDs.ecdsaWithSHA256, ObjectIDs.ecdsaWithSHA384, ObjectIDs.ecdsaWithSHA512:
            return named[algorithm] == digest ? pair.ecdsa : nil
        default: return nil
        }
    }

    /// RFC 3161 § 2.3: the signer's certificate has one extended key usage, timeStamping, marked critical.
    static func checkPurpose(of signer: Certificate) throws(TimestampError) {
        let subject = signer.subject.description
        guard let usage = try? signer.extensions.extendedKeyUsage,
            let extensionField = signer.extensions[oid: .X509ExtensionID.extendedKeyUsage]
        else {
            throw TimestampError(
                "the signer's certificate (\(subject)) is not for time-stamping: it names no extended key usage, "
                    + "and RFC 3161 requires timeStamping alone")
        }
        guard usage.contains(.timeStamping) else {
            throw TimestampError(
                "the signer's certificate (\(subject)) is not for time-stamping: its extended key usage lacks "
                    + "timeStamping")
        }
        guard usage.count == 1 else {
            throw TimestampError(
                "the signer's certificate (\(subject)) has purposes besides time-stamping, which RFC 3161 forbids")
        }
        guard extensionField.critical else {
            throw TimestampError(
                "the signer's certificate (\(subject)) marks its timeStamping purpose as not critical, which RFC 3161 "
                    + "forbids")
        }
    }

    private func checkChain(of signer: Certificate, carried: [Certificate], authorities: [Certificate])
        throws(TimestampError)
    {
        guard !authorities.isEmpty else {
            throw TimestampError(
                "the signer's certificate (\(signer.subject)) cannot be traced to a trusted authority: no authority "
                    + "certificate is kept in the catalogue or given (--tsa-ca FILE)")
        }
        let time = self.time
        let outcome = BlockingTask.run { () async -> String? in
            var verifier = Verifier(rootCertificates: CertificateStore(authorities)) {
                RFC5280Policy(fixedExpiryValidationTime: time)
                TimeStampingPolicy()
            }
            switch await verifier.validate(leaf: signer, intermediates: CertificateStore(carried)) {
            case .validCertificate: return nil
            case .couldNotValidate(let failures):
                return failures.first.map { String(describing: $0.policyFailureReason) }
                    ?? "no chain leads to an authority certificate given or kept"
            }
        }
        if let outcome {
            throw TimestampError(
                "the signer's certificate (\(signer.subject)) does not chain to a trusted authority at \(timeText) "
                    + "(\(outcome))")
        }
    }

    static func digest(_ bytes: ArraySlice<UInt8>, with algorithm: ASN1ObjectIdentifier) -> [UInt8]? {
        switch algorithm {
        case ObjectIDs.sha256: Array(SHA256.hash(data: bytes))
        case ObjectIDs.sha384: Array(SHA384.hash(data: bytes))
        case ObjectIDs.sha512: Array(SHA512.hash(data: bytes))
        default: nil
        }
    }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> { bytes.drop { $0 == 0 } }

    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String { bytes.hexString }

    static func reason(_ error: any Error) -> String {
        if let error = error as? ASN1Error { return "malformed DER: \(error.code)" }
        return String(describing: error)
    }
}

/// The verifier's second policy: the chain's leaf is a time-stamping certificate. Declaring the extended key usage
/// extension as handled lets a chain whose leaf marks it critical, as RFC 3161 requires, be validated; the purpose
/// itself is checked before, with its own message.
struct TimeStampingPolicy: VerifierPolicy {
    let verifyingCriticalExtensions: [ASN1ObjectIdentifier] = [.X509ExtensionID.extendedKeyUsage]

    mutating func chainMeetsPolicyRequirements(chain: UnverifiedCertificateChain) async -> PolicyEvaluationResult {
        guard let usage = try? chain.leaf.extensions.extendedKeyUsage, usage.contains(.timeStamping) else {
            return .failsToMeetPolicy(reason: "the leaf certificate is not for time-stamping")
        }
        return .meetsPolicy
    }
}

/// Runs async work to its end from synchronous code (the certificate verifier is async; footage's commands are
/// not). Not for use on the cooperative pool's own threads.
enum BlockingTask {
    private final class Box<Value>: @unchecked Sendable { var value: Value? }

    static func run<Value: Sendable>(_ work: @escaping @Sendable () async -> Value) -> Value {
        let box = Box<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
