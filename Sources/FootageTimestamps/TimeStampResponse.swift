import SwiftASN1

/// An authority's answer (RFC 3161 § 2.4.2):
///
///     TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
///     PKIStatusInfo ::= SEQUENCE { status PKIStatus, statusString PKIFreeText OPTIONAL,
///         failInfo PKIFailureInfo OPTIONAL }
///
/// The token is kept as its DER bytes: they are what is stored, exported and checked.
struct TimeStampResponse: DERImplicitlyTaggable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    /// 0 granted, 1 granted with modifications, 2 rejection, 3 waiting, 4 revocation warning, 5 revocation
    /// notification.
    var status: Int
    /// The authority's own words, if it gave any (PKIFreeText, a SEQUENCE OF UTF8String).
    var statusText: [String]
    /// The failure bits the authority set (PKIFailureInfo, a BIT STRING), by number.
    var failureBits: [Int]
    var token: [UInt8]?

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (status, statusText, failureBits, token) = try DER.sequence(node, identifier: identifier) { nodes in
            guard let statusNode = nodes.next() else {
                throw ASN1Error.invalidASN1Object(reason: "TimeStampResp without a status")
            }
            let (status, text, bits) = try DER.sequence(statusNode, identifier: .sequence) { inner in
                let status = try Int(derEncoded: &inner)
                var text: [String] = []
                var bits: [Int] = []
                while let node = inner.next() {
                    if node.identifier == .sequence {
                        text = try DER.sequence(of: ASN1UTF8String.self, identifier: .sequence, rootNode: node)
                            .map(String.init)
                    } else if node.identifier == .bitString {
                        let bitString = try ASN1BitString(derEncoded: node)
                        bits = bitString.bytes.enumerated().flatMap { index, byte in
                            (0..<8).filter { byte & (0x80 >> $0) != 0 }.map { index * 8 + $0 }
                        }
                    }
                }
                return (status, text, bits)
            }
            let token = nodes.next().map { Array($0.encodedBytes) }
            return (status, text, bits, token)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.appendConstructedNode(identifier: .sequence) { coder in try coder.serialize(status) }
            if let token { coder.serializeRawBytes(token) }
        }
    }

    /// The names RFC 3161 gives the failure bits.
    static let failureNames = [
        0: "badAlg (an unrecognised or unsupported algorithm)", 2: "badRequest (a transaction not permitted)",
        5: "badDataFormat (the data submitted has the wrong format)",
        14: "timeNotAvailable (the authority's time source is not available)",
        15: "unacceptedPolicy (the requested policy is not supported)",
        16: "unacceptedExtension (the requested extension is not supported)",
        17: "addInfoNotAvailable (the additional information requested is not available)",
        25: "systemFailure (the request cannot be handled due to a system failure)",
    ]
}

/// What the authority signs (RFC 3161 § 2.4.2):
///
///     TSTInfo ::= SEQUENCE { version INTEGER { v1(1) }, policy TSAPolicyId, messageImprint MessageImprint,
///         serialNumber INTEGER, genTime GeneralizedTime, accuracy Accuracy OPTIONAL,
///         ordering BOOLEAN DEFAULT FALSE, nonce INTEGER OPTIONAL, tsa [0] GeneralName OPTIONAL,
///         extensions [1] IMPLICIT Extensions OPTIONAL }
struct TSTInfo: DERImplicitlyTaggable, Sendable {
    static var defaultIdentifier: ASN1Identifier { .sequence }

    var policy: ASN1ObjectIdentifier
    var messageImprint: MessageImprint
    var serialNumber: ArraySlice<UInt8>
    var genTime: GeneralizedTime
    var nonce: ArraySlice<UInt8>?

    init(derEncoded node: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
        (policy, messageImprint, serialNumber, genTime, nonce) = try DER.sequence(node, identifier: identifier) {
            nodes in
            let version = try Int(derEncoded: &nodes)
            guard version == 1 else { throw ASN1Error.invalidASN1Object(reason: "TSTInfo version \(version)") }
            let policy = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let imprint = try MessageImprint(derEncoded: &nodes)
            let serial = try ArraySlice<UInt8>(derEncoded: &nodes)
            let time = try GeneralizedTime(derEncoded: &nodes)
            // Then accuracy (a SEQUENCE), ordering (a BOOLEAN), the nonce (an INTEGER), tsa [0] and extensions [1],
            // each optional and told apart by its tag. Only the nonce is needed to check the token.
            var nonce: ArraySlice<UInt8>?
            while let node = nodes.next() {
                if node.identifier == .integer { nonce = try ArraySlice<UInt8>(derEncoded: node) }
            }
            return (policy, imprint, serial, time, nonce)
        }
    }

    func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
        try coder.appendConstructedNode(identifier: identifier) { coder in
            try coder.serialize(1)
            try coder.serialize(policy)
            try coder.serialize(messageImprint)
            try coder.serialize(serialNumber)
            try coder.serialize(genTime)
            if let nonce { try coder.serialize(nonce) }
        }
    }
}
