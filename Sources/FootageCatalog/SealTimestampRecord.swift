import Foundation
import GRDB

/// A time-stamp token as stored: its row id and `NewSealTimestamp`'s fields.
public typealias SealTimestampRecord = Stored<NewSealTimestamp>

/// One RFC 3161 token over a seal's line: which seal, the authority asked (its URL), the time it states, the nonce
/// sent (hex) and the token's DER, as the authority sent it.
public struct NewSealTimestamp: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "seal_timestamp"

    public var sealId: Int64
    public var authority: String
    public var time: String
    public var nonce: String
    public var token: Data

    /// `sealId` is set when the seal is recorded.
    public init(authority: String, time: String, nonce: String, token: Data, sealId: Int64 = 0) {
        self.sealId = sealId
        self.authority = authority
        self.time = time
        self.nonce = nonce
        self.token = token
    }
}

/// An authority certificate kept in the catalogue (`seal --tsa-ca FILE`): tokens are checked against it.
public typealias TimestampAuthorityRecord = Stored<NewTimestampAuthority>

public struct NewTimestampAuthority: SnakeCaseRecord, Sendable, Equatable {
    public static let databaseTableName = "timestamp_authority"

    /// The SHA-256 of the certificate's DER, which keeps it once.
    public var sha256: String
    public var subject: String
    public var certificate: Data
    public var addedAt: String
    public var addedBy: String

    public init(sha256: String, subject: String, certificate: Data, addedAt: String, addedBy: String) {
        self.sha256 = sha256
        self.subject = subject
        self.certificate = certificate
        self.addedAt = addedAt
        self.addedBy = addedBy
    }
}

extension Catalog {
    /// Every time-stamp token kept, oldest first.
    public func sealTimestamps() throws -> [SealTimestampRecord] {
        try read { db in try SealTimestampRecord.orderByPrimaryKey().fetchAll(db) }
    }

    /// Every authority certificate kept, oldest first.
    public func timestampAuthorities() throws -> [TimestampAuthorityRecord] {
        try read { db in try TimestampAuthorityRecord.orderByPrimaryKey().fetchAll(db) }
    }

    /// Records what `seal` obtained besides the seal, in the seal's transaction: its tokens and the authority
    /// certificates not kept yet.
    static func recordTimestamps(
        _ timestamps: [NewSealTimestamp], authorities: [NewTimestampAuthority], of seal: SealRecord, in db: Database
    ) throws {
        for var timestamp in timestamps {
            timestamp.sealId = seal.id
            _ = try SealTimestampRecord.insert(timestamp, in: db)
        }
        for authority in authorities {
            let kept = try TimestampAuthorityRecord.filter(sql: "sha256 = ?", arguments: [authority.sha256])
                .fetchCount(db)
            if kept == 0 { _ = try TimestampAuthorityRecord.insert(authority, in: db) }
        }
    }
}
