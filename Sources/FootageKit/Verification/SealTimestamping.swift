import Crypto
import FootageCatalog
import FootageCore
import FootageTimestamps
import Foundation
import X509

/// `footage seal --tsa URL`: the seal's line anchored in time by RFC 3161 authorities, and the check `verify` makes
/// of every token kept.
///
/// The authorities sign the SHA-256 of the seal's line (`footage-seal:v1:<events>:<head>`, as printed, without the
/// line end). Since the head hash covers every event before it, one token dates the whole ledger up to that event.
public enum SealTimestamping {
    /// What `seal --tsa` was asked.
    public struct Request: Sendable {
        public var authorities: [URL]
        /// Authority certificates (`--tsa-ca FILE`, PEM or DER) to check the tokens against and to keep.
        public var certificateFiles: [URL]
        public var timeout: TimeInterval

        public init(authorities: [URL], certificateFiles: [URL], timeout: TimeInterval) {
            self.authorities = authorities
            self.certificateFiles = certificateFiles
            self.timeout = timeout
        }
    }

    /// A seal and the tokens recorded with it.
    public struct Result: Sendable {
        public var seal: SealRecord
        public var timestamps: [SealTimestampRecord]
    }

    /// The SHA-256 an authority is asked to sign for `checkpoint`: that of its line's UTF-8 bytes.
    public static func digest(of checkpoint: LedgerCheckpoint) -> [UInt8] {
        Array(SHA256.hash(data: Data(checkpoint.description.utf8)))
    }

    /// Checks the chain, asks every authority in turn for a token over the checkpoint of the ledger as it is now, and
    /// records the seal with its tokens (and the certificates of `--tsa-ca`) in one transaction. Any authority that
    /// fails (unreachable, too slow, refusing, answering something else or a token that does not check out) throws
    /// naming it, and nothing is recorded.
    public static func seal(_ catalog: Catalog, analyst: String, request: Request) throws -> Result {
        let authorities = try certificates(from: request.certificateFiles)
        if let problem = try catalog.ledgerProblems().first {
            throw WorkflowError.brokenChain(problem)
        }
        let head = try catalog.ledgerHead()
        let checkpoint = LedgerCheckpoint(events: head.count, head: head.hash)
        let digest = digest(of: checkpoint)
        var timestamps: [NewSealTimestamp] = []
        for url in request.authorities {
            let authority = TimestampAuthority(url: url, timeout: request.timeout)
            do {
                let stamp = try authority.stamp(
                    digest: digest, authorities: authorities.isEmpty ? nil : authorities.map(\.certificate))
                timestamps.append(
                    NewSealTimestamp(
                        authority: url.absoluteString, time: stamp.token.timeText, nonce: stamp.nonce.hexString,
                        token: Data(stamp.token.der)))
            } catch {
                throw TimestampError("\(url.absoluteString): \(error); nothing was recorded")
            }
        }
        let now = Timestamp.now()
        let kept = authorities.map {
            NewTimestampAuthority(
                sha256: Hashing.sha256Hex($0.der), subject: $0.certificate.subject.description,
                certificate: Data($0.der), addedAt: now, addedBy: analyst)
        }
        let seal = try catalog.seal(actor: analyst, checkpoint: checkpoint, timestamps: timestamps, authorities: kept)
        let recorded = try catalog.sealTimestamps().filter { $0.sealId == seal.id }
        return Result(seal: seal, timestamps: recorded)
    }

    /// The certificates in `files`, each file read whole up to a bound (a CA bundle is kilobytes) through its own
    /// descriptor (`ReadOnlyFile`: no symbolic link followed, no FIFO waited on).
    public static func certificates(from files: [URL]) throws -> [(certificate: Certificate, der: [UInt8])] {
        try files.flatMap { file throws -> [(certificate: Certificate, der: [UInt8])] in
            let data: Data
            do {
                data = try ReadOnlyFile(path: file.path).readAll(limit: 1 << 20)
            } catch let failure as ReadOnlyFile.Failure {
                if case .tooLarge = failure {
                    throw TimestampError("\(file.path): over 1 MiB, too large for authority certificates")
                }
                throw TimestampError("\(file.path): cannot be read (\(failure.description))")
            }
            do {
                return try AuthorityCertificates.read(Array(data)).map { ($0, AuthorityCertificates.der($0)) }
            } catch {
                throw TimestampError("\(file.path): \(error)")
            }
        }
    }
}

extension SealTimestamping {
    /// The most bytes of a kept token or certificate `verify` reads, as `seal` reads of an authority's answer.
    static let maximumTokenBytes = TimestampAuthority.maximumTokenBytes

    /// One kept token checked: which seal and authority, and the authority's time when the token holds.
    public struct Check: Sendable {
        public var seal: Int64
        public var timestamp: Int64
        public var checkpoint: LedgerCheckpoint
        public var authority: String
        /// The authority's time, as the token states it (even when the token does not hold, for the message).
        public var time: String?
        public var holds: Bool
    }

    /// Checks every token kept, offline, against the seal it was taken over and the authority certificates kept in
    /// the catalogue and those in `files` (`verify --tsa-ca`). Returns the checks and the problems.
    public static func check(_ catalog: Catalog, certificateFiles files: [URL] = []) throws -> (
        checks: [Check], problems: [CheckProblem]
    ) {
        // Files given are read first: one that is no certificate is bad input even when no token is kept.
        let given = try certificates(from: files).map(\.certificate)
        let kept = try catalog.sealTimestamps()
        guard !kept.isEmpty else { return ([], []) }
        var problems: [CheckProblem] = []
        var trusted = given
        for authority in try catalog.timestampAuthorities() {
            do {
                guard authority.certificate.count <= maximumTokenBytes else {
                    throw TimestampError("\(authority.certificate.count) bytes, more than any certificate needs")
                }
                trusted += try AuthorityCertificates.read(Array(authority.certificate))
            } catch {
                problems.append(
                    CheckProblem(subject: "authority certificate \(authority.id)", message: "\(error)"))
            }
        }
        let seals = Dictionary(uniqueKeysWithValues: try catalog.seals().map { ($0.id, $0) })
        var checks: [Check] = []
        for timestamp in kept {
            let subject = "seal \(timestamp.sealId) timestamp \(timestamp.id) (\(timestamp.authority))"
            guard let seal = seals[timestamp.sealId] else {
                problems.append(CheckProblem(subject: subject, message: "its seal is gone"))
                continue
            }
            var check = Check(
                seal: seal.id, timestamp: timestamp.id, checkpoint: seal.checkpoint, authority: timestamp.authority,
                time: nil, holds: false)
            do {
                // A catalogue may come from someone else: a token is read only up to what any real one needs.
                guard timestamp.token.count <= maximumTokenBytes else {
                    throw TimestampError("its token is \(timestamp.token.count) bytes, more than any token needs")
                }
                let token = try TimestampToken(der: Array(timestamp.token))
                check.time = token.timeText
                guard let nonce = bytes(hex: timestamp.nonce) else { throw TimestampError("its nonce is not hex") }
                try token.check(digest: digest(of: seal.checkpoint), nonce: nonce, authorities: trusted)
                guard token.timeText == timestamp.time else {
                    throw TimestampError(
                        "its row says \(timestamp.time), but the token states \(token.timeText)")
                }
                check.holds = true
            } catch {
                problems.append(CheckProblem(subject: subject, message: "does not hold: \(error)"))
            }
            checks.append(check)
        }
        return (checks, problems)
    }

    /// The bytes of lower-case or upper-case hex text; nil if it is not whole bytes of hex.
    static func bytes(hex text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                return nil
            }
            bytes.append(byte)
        }
        return bytes
    }
}
