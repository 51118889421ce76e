import FootageCatalog
import FootageMedia
import Foundation

/// One line of `footage register`: what became of one file.
public struct RegistrationRow: Encodable, Sendable {
    public var path: String
    /// `registered`, `known` (the same bytes were registered before), `error` or `skipped`.
    public var status: String
    public var sha256: String?
    /// Why the file failed or was skipped.
    public var message: String?
    public var size: Int64?
    public var duration: Double?
    public var formatName: String?
    /// Paths added to the clip's locations by this registration.
    public var addedLocations: [String]
    /// The evidentiary copy, with `--copy`.
    public var copy: String?
    /// With `--keyframes`: how many keyframes the clip has from this extraction.
    public var keyframes: Int?
    /// How many frames the clip's fingerprint has, when one was computed.
    public var fingerprintFrames: Int?
    /// What the analyst should know that is not a failure (a fingerprint that cannot match, a skipped step).
    public var notes: [String]
    /// The ledger events this registration appended.
    public var events: [Int64]
    /// The file's C2PA manifest store in brief.
    public var c2pa: CredentialsRow?

    public init(_ outcome: Registrar.Outcome) {
        path = outcome.path
        status = outcome.status.rawValue
        sha256 = outcome.sha256
        message = outcome.message
        size = outcome.clip?.size
        duration = outcome.clip?.duration
        formatName = outcome.clip?.formatName
        addedLocations = outcome.addedLocations
        copy = outcome.copyPath
        keyframes = outcome.keyframes
        fingerprintFrames = outcome.fingerprintFrames
        notes = outcome.notes
        events = outcome.events
        c2pa = outcome.credentials.map(CredentialsRow.init)
    }

    enum CodingKeys: String, CodingKey {
        case path, status, sha256, message, size, duration, copy, keyframes, notes, events, c2pa
        case formatName = "format_name"
        case addedLocations = "added_locations"
        case fingerprintFrames = "fingerprint_frames"
    }
}
