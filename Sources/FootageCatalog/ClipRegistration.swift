import FootageCore
import Foundation
import GRDB

/// Everything needed to register one file: the clip as probed, where it was found, and where it came from.
public struct ClipRegistration: Sendable {
    public var clip: NewClip
    public var streams: [StreamRecord]
    public var tags: [NewTag]
    /// Absolute paths where these bytes lie: the registered file and, with `--copy`, the evidentiary copy.
    public var locations: [(path: String, kind: LocationKind)]
    public var acquisition: NewAcquisition?
    /// Extra ledger payload for a new clip: tool and library versions, the probe summary.
    public var details: [String: JSONValue]
    /// What the file's C2PA manifest store said, recorded with the clip (`clip.credentials`) unless the clip already
    /// has a reading that stands (`CredentialsRecord.record`).
    public var credentials: CredentialsRecord?

    public init(
        clip: NewClip, streams: [StreamRecord], tags: [NewTag], locations: [(path: String, kind: LocationKind)],
        acquisition: NewAcquisition?, details: [String: JSONValue]
    ) {
        self.clip = clip
        self.streams = streams
        self.tags = tags
        self.locations = locations
        self.acquisition = acquisition
        self.details = details
    }
}

/// What registering a file did.
public struct RegistrationResult: Sendable, Equatable {
    public enum Status: String, Sendable { case registered, known }
    public var clipId: Int64
    public var sha256: String
    public var status: Status
    public var addedLocations: [String]
    public var addedAcquisition: Bool
    /// Ledger sequence numbers of the events written.
    public var events: [Int64]
}

extension Catalog {
    /// Registers a clip in one transaction with its ledger events. The same bytes again are the same clip: only the
    /// new location and a new acquisition record are added, never a duplicate clip.
    public func register(_ registration: ClipRegistration, actor: String) throws -> RegistrationResult {
        try write { db in
            let now = Timestamp.now()
            var events: [Int64] = []
            let sha = registration.clip.sha256
            let existing = try ClipRecord.filter { $0.sha256 == sha }.fetchOne(db)
            let clipId: Int64
            let status: RegistrationResult.Status
            if let existing {
                clipId = existing.id
                status = .known
            } else {
                var clip = registration.clip
                clip.registeredAt = now
                clip.registeredBy = actor
                clipId = try ClipRecord.insert(clip, in: db).id
                status = .registered
                var rows = RowChanges()
                try rows.written(db, "clip", key: [clipId])
                for var stream in registration.streams {
                    stream.clipId = clipId
                    try stream.insert(db)
                    try rows.written(db, "stream", key: [clipId, stream.streamIndex])
                }
                for var tag in registration.tags {
                    tag.clipId = clipId
                    try tag.insert(db)
                    try rows.written(db, "tag", key: [db.lastInsertedRowID])
                    try SearchIndex.add(
                        db, kind: "tag", ref: sha, field: "\(tag.scope):\(tag.key)", text: tag.value, into: &rows)
                }
                var payload = registration.details
                payload["sha256"] = .string(sha)
                payload["size"] = .int(clip.size)
                payload["path"] = .optional(registration.locations.first?.path)
                payload["format_name"] = .optional(clip.formatName)
                payload["duration"] = .optional(clip.duration)
                payload["probe_sha256"] = .string(Hashing.sha256Hex(clip.probeJson))
                events.append(
                    try Ledger.append(
                        db, actor: actor, action: .clipRegister, subject: sha,
                        payload: .object(payload), rows: rows
                    ).seq)
            }

            if let credentials = registration.credentials,
                let seq = try CredentialsRecord.record(
                    credentials, clipId: clipId, sha256: sha, actor: actor, now: now, db)
            {
                events.append(seq)
            }

            var added: [String] = []
            for location in registration.locations {
                let known =
                    try LocationRecord.filter {
                        $0.clipId == clipId && $0.path == location.path
                    }.fetchCount(db) > 0
                if known { continue }
                var record = NewLocation(clipId: clipId, path: location.path, kind: location.kind, firstSeen: now)
                try record.insert(db)
                var rows = RowChanges()
                try rows.written(db, "location", key: [db.lastInsertedRowID])
                added.append(location.path)
                events.append(
                    try Ledger.append(
                        db, actor: actor, action: .locationAdd, subject: sha,
                        payload: [
                            "path": .string(location.path),
                            "kind": .string(location.kind.rawValue),
                        ], rows: rows
                    ).seq)
            }

            var addedAcquisition = false
            if var acquisition = registration.acquisition, !acquisition.isEmpty {
                let previous = try AcquisitionRecord.filter { $0.clipId == clipId }.fetchAll(db)
                if !previous.contains(where: { $0.ledgerFields == acquisition.ledgerFields }) {
                    acquisition.clipId = clipId
                    acquisition.recordedAt = now
                    acquisition.recordedBy = actor
                    let stored = try AcquisitionRecord.insert(acquisition, in: db)
                    var rows = RowChanges()
                    try rows.written(db, "acquisition", key: [stored.id])
                    addedAcquisition = true
                    for (field, text) in [
                        ("note", acquisition.note), ("title", acquisition.platformTitle),
                        ("description", acquisition.platformDescription),
                        ("publisher", acquisition.publisher ?? acquisition.platformUploader),
                    ] {
                        if let text, !text.isEmpty {
                            try SearchIndex.add(
                                db, kind: "acquisition", ref: sha, field: field, text: text, into: &rows)
                        }
                    }
                    var payload = acquisition.ledgerFields
                    payload["acquisition_id"] = .int(stored.id)
                    events.append(
                        try Ledger.append(
                            db, actor: actor, action: .acquisitionAdd, subject: sha,
                            payload: .object(payload), rows: rows
                        ).seq)
                }
            }
            return RegistrationResult(
                clipId: clipId, sha256: sha, status: status, addedLocations: added,
                addedAcquisition: addedAcquisition, events: events)
        }
    }
}
