import SwiftASN1

/// A time-stamp token read as the CMS SignedData it is (RFC 3161 § 2.4.2, RFC 5652 § 5): the TSTInfo it carries, the
/// certificates it includes and its one signer. Only what checking needs is kept; the token's own bytes stay the
/// record.
///
///     ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, content [0] EXPLICIT ANY }
///     SignedData ::= SEQUENCE { version INTEGER, digestAlgorithms SET OF AlgorithmIdentifier,
///         encapContentInfo SEQUENCE { eContentType OBJECT IDENTIFIER, eContent [0] EXPLICIT OCTET STRING OPTIONAL },
///         certificates [0] IMPLICIT SET OF Certificate OPTIONAL, crls [1] IMPLICIT … OPTIONAL,
///         signerInfos SET OF SignerInfo }
///     SignerInfo ::= SEQUENCE { version INTEGER, sid SignerIdentifier, digestAlgorithm AlgorithmIdentifier,
///         signedAttrs [0] IMPLICIT SET OF Attribute OPTIONAL, signatureAlgorithm AlgorithmIdentifier,
///         signature OCTET STRING, unsignedAttrs [1] IMPLICIT SET OF Attribute OPTIONAL }
struct SignedToken: Sendable {
    /// How the signer names its certificate: by issuer and serial number, or by subject key identifier.
    enum SignerID: Sendable {
        case issuerAndSerial(issuer: [UInt8], serial: ArraySlice<UInt8>)
        case subjectKeyID(ArraySlice<UInt8>)
    }

    var eContentType: ASN1ObjectIdentifier
    /// The DER of the TSTInfo, exactly as signed.
    var eContent: ArraySlice<UInt8>
    var tstInfo: TSTInfo
    /// Each certificate's DER.
    var certificates: [[UInt8]]
    var digestAlgorithms: [DigestAlgorithm]
    var signerCount: Int
    var signerID: SignerID
    var digestAlgorithm: DigestAlgorithm
    /// The signed attributes, type → the first value's DER.
    var signedAttributes: [ASN1ObjectIdentifier: ASN1Node]
    /// The DER of the signed attributes as a SET OF, which is what the signature covers (RFC 5652 § 5.4: the
    /// IMPLICIT [0] tag is replaced by the SET tag).
    var signedAttributesForSignature: [UInt8]?
    var signatureAlgorithm: DigestAlgorithm
    var signature: ArraySlice<UInt8>

    init(derEncoded bytes: [UInt8]) throws {
        let root = try DER.parse(bytes)
        let signedData = try DER.sequence(root, identifier: .sequence) { nodes in
            let type = try ASN1ObjectIdentifier(derEncoded: &nodes)
            guard type == ObjectIDs.signedData else {
                throw ASN1Error.invalidASN1Object(reason: "not CMS SignedData but \(type)")
            }
            return try DER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { $0 }
        }
        var parsedSigner:
            (
                SignerID, DigestAlgorithm, [ASN1ObjectIdentifier: ASN1Node], [UInt8]?, DigestAlgorithm,
                ArraySlice<UInt8>
            )?
        var signerCount = 0
        (eContentType, eContent, certificates, digestAlgorithms) = try DER.sequence(
            signedData, identifier: .sequence
        ) { nodes in
            _ = try Int(derEncoded: &nodes)
            let digests = try DER.set(of: DigestAlgorithm.self, identifier: .set, nodes: &nodes)
            let encapsulated = try nodes.next() ?? Self.missing("encapContentInfo")
            let (type, content) = try DER.sequence(encapsulated, identifier: .sequence) { inner in
                let type = try ASN1ObjectIdentifier(derEncoded: &inner)
                let content = try DER.optionalExplicitlyTagged(&inner, tagNumber: 0, tagClass: .contextSpecific) {
                    try ASN1OctetString(derEncoded: $0).bytes
                }
                return (type, content)
            }
            let certificates =
                try DER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) {
                    (node: ASN1Node) -> [[UInt8]] in
                    guard case .constructed(let children) = node.content else {
                        throw ASN1Error.invalidASN1Object(reason: "certificates is not a set")
                    }
                    // Only certificates proper (SEQUENCE); attribute certificates and others are not used.
                    return children.filter { $0.identifier == .sequence }.map { Array($0.encodedBytes) }
                } ?? []
            _ = DER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) { $0 }
            let signerSet = try nodes.next() ?? Self.missing("signerInfos")
            guard signerSet.identifier == .set, case .constructed(let signers) = signerSet.content else {
                throw ASN1Error.invalidASN1Object(reason: "signerInfos is not a set")
            }
            for signer in signers {
                signerCount += 1
                parsedSigner = try Self.signer(signer)
            }
            guard let content else { throw ASN1Error.invalidASN1Object(reason: "the token carries no TSTInfo") }
            return (type, content, certificates, digests)
        }
        guard let parsedSigner else { throw ASN1Error.invalidASN1Object(reason: "the token has no signer") }
        self.signerCount = signerCount
        (signerID, digestAlgorithm, signedAttributes, signedAttributesForSignature, signatureAlgorithm, signature) =
            parsedSigner
        tstInfo = try TSTInfo(derEncoded: eContent)
    }

    private static func missing(_ field: String) throws -> ASN1Node {
        throw ASN1Error.invalidASN1Object(reason: "SignedData without \(field)")
    }

    private static func signer(_ node: ASN1Node) throws -> (
        SignerID, DigestAlgorithm, [ASN1ObjectIdentifier: ASN1Node], [UInt8]?, DigestAlgorithm, ArraySlice<UInt8>
    ) {
        try DER.sequence(node, identifier: .sequence) { nodes in
            _ = try Int(derEncoded: &nodes)
            guard let sid = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "SignerInfo without sid") }
            let signerID: SignerID
            if sid.identifier == .sequence {
                signerID = try DER.sequence(sid, identifier: .sequence) { inner in
                    guard let issuer = inner.next() else {
                        throw ASN1Error.invalidASN1Object(reason: "IssuerAndSerialNumber without issuer")
                    }
                    return .issuerAndSerial(
                        issuer: Array(issuer.encodedBytes), serial: try ArraySlice<UInt8>(derEncoded: &inner))
                }
            } else {
                let key = try ASN1OctetString(
                    derEncoded: sid, withIdentifier: ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific))
                signerID = .subjectKeyID(key.bytes)
            }
            let digest = try DigestAlgorithm(derEncoded: &nodes)
            var attributes: [ASN1ObjectIdentifier: ASN1Node] = [:]
            var signedBytes: [UInt8]?
            if let set = DER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific, { $0 }) {
                guard case .constructed(let children) = set.content else {
                    throw ASN1Error.invalidASN1Object(reason: "signedAttrs is not a set")
                }
                for attribute in children {
                    try DER.sequence(attribute, identifier: .sequence) { inner in
                        let type = try ASN1ObjectIdentifier(derEncoded: &inner)
                        guard let values = inner.next(), values.identifier == .set,
                            case .constructed(let valueNodes) = values.content
                        else { throw ASN1Error.invalidASN1Object(reason: "attribute \(type) without values") }
                        // RFC 5652 § 5.3: each attribute once, with one value for the two footage checks.
                        guard attributes[type] == nil else {
                            throw ASN1Error.invalidASN1Object(reason: "attribute \(type) given twice")
                        }
                        attributes[type] = valueNodes.first { _ in true }
                    }
                }
                var bytes = Array(set.encodedBytes)
                bytes[0] = 0x31
                signedBytes = bytes
            }
            let signatureAlgorithm = try DigestAlgorithm(derEncoded: &nodes)
            let signature = try ASN1OctetString(derEncoded: &nodes).bytes
            _ = DER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) { $0 }
            return (signerID, digest, attributes, signedBytes, signatureAlgorithm, signature)
        }
    }
}
