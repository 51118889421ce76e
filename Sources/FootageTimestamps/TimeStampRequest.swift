import SwiftASN1

/// The hash a time-stamp authority signs: `MessageImprint ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier,
/// hashedMessage OCTET STRING }` (RFC 3161 § 2.4.1).
struct MessageImprint: DERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var hashAlgorithm: DigestAlgorithm
    var hashedMessage: ArraySlice<UInt8>

    init(hashAlgorithm: DigestAlgorithm, hashedMessage: ArraySlice<UInt8>) {
        self.hashAlgorithm = hashAlgorithm
        self.hashedMessage = hashedMessage
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(node, identifier: identifier) { nodes in
            let algorithm = try DigestAlgorithm(derEncoded: &nodes)
            let message = try ASN1OctetString(derEncoded: &nodes)
            return MessageImprint(hashAlgorithm: algorithm, hashedMessage: message.bytes)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(hashAlgorithm)
            try coder.serialize(ASN1OctetString(contentBytes: hashedMessage))
        }
    }
}

/// `AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }`, as used for digests
/// and signatures in RFC 3161 and RFC 5652. Parameters are kept as they came (absent, or NULL for most).
struct DigestAlgorithm: DERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var algorithm: ASN1ObjectIdentifier
    var parameters: ASN1Any?

    static let sha256 = DigestAlgorithm(algorithm: ObjectIDs.sha256, parameters: nil)

    init(algorithm: ASN1ObjectIdentifier, parameters: ASN1Any?) {
        self.algorithm = algorithm
        self.parameters = parameters
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(node, identifier: identifier) { nodes in
            let algorithm = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let parameters = nodes.next().map(ASN1Any.init(derEncoded:))
            return DigestAlgorithm(algorithm: algorithm, parameters: parameters)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(algorithm)
            if let parameters { try coder.serialize(parameters) }
        }
    }
}

/// What footage asks an authority (RFC 3161 § 2.4.1):
///
///     TimeStampReq ::= SEQUENCE { version INTEGER { v1(1) }, messageImprint MessageImprint,
///         reqPolicy TSAPolicyId OPTIONAL, nonce INTEGER OPTIONAL, certReq BOOLEAN DEFAULT FALSE,
///         extensions [0] IMPLICIT Extensions OPTIONAL }
///
/// footage always sends a nonce (so an answer cannot be replayed from another request) and `certReq` true (so the
/// token carries the signer's certificate and can be checked offline later); it names no policy and no extensions.
struct TimeStampRequest: DERImplicitlyTaggable, Hashable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var messageImprint: MessageImprint
    var nonce: ArraySlice<UInt8>
    var certReq: Bool

    init(messageImprint: MessageImprint, nonce: ArraySlice<UInt8>, certReq: Bool = true) {
        self.messageImprint = messageImprint
        self.nonce = nonce
        self.certReq = certReq
    }

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        self = try DER.sequence(node, identifier: identifier) { nodes in
            let version = try Int(derEncoded: &nodes)
            guard version == 1 else { throw ASN1Error.invalidASN1Object(reason: "TimeStampReq version \(version)") }
            let imprint = try MessageImprint(derEncoded: &nodes)
            let nonce = try ArraySlice<UInt8>(derEncoded: &nodes)
            let certReq = try DER.decodeDefault(&nodes, defaultValue: false)
            return TimeStampRequest(messageImprint: imprint, nonce: nonce, certReq: certReq)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(1)
            try coder.serialize(messageImprint)
            try coder.serialize(nonce)
            // DER leaves out a value equal to its DEFAULT.
            if certReq { try coder.serialize(true) }
        }
    }

    /// The request as DER, the body of the HTTP POST (RFC 3161 § 3.4).
    func derBytes() throws -> [UInt8] {
        var serializer = DER.Serializer()
        try serializer.serialize(self)
        return serializer.serializedBytes
    }
}

/// The object identifiers the time-stamp and CMS types name.
enum ObjectIDs {
    static let sha256: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 1]
    static let sha384: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 2]
    static let sha512: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 2, 3]
    /// id-signedData (RFC 5652 § 5.1).
    static let signedData: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 7, 2]
    /// id-ct-TSTInfo (RFC 3161 § 2.4.2).
    static let tstInfo: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 16, 1, 4]
    /// The signed attributes RFC 5652 § 11 requires: content type and message digest.
    static let contentType: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 3]
    static let messageDigest: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 9, 4]
    static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 1]
    static let sha256WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 11]
    static let sha384WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 12]
    static let sha512WithRSA: ASN1ObjectIdentifier = [1, 2, 840, 113_549, 1, 1, 13]
    static let ecPublicKey: ASN1ObjectIdentifier = [1, 2, 840, 10045, 2, 1]
    static let ecdsaWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 2]
    static let ecdsaWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 3]
    static let ecdsaWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 10045, 4, 3, 4]
    static let ed25519: ASN1ObjectIdentifier = [1, 3, 101, 112]
}
