import Crypto
import FootageCore
import Foundation
import GRDB

/// What replaying the ledger found.
public struct LedgerReplay: Sendable {
    /// Payloads not in canonical form, rows that differ from their events, rows without events, events whose rows
    /// are gone.
    public var problems: [CheckProblem]
    /// Events written before payloads carried row images (catalogues made by earlier versions of footage): their rows
    /// are checked against the fields those events name (`recordProblems`), not column by column.
    public var legacyEvents: Int
    /// Rows compared column by column with the image their last event recorded.
    public var rowsCompared: Int
}

extension Catalog {
    /// Replays the ledger: every event's payload must be exactly its canonical text (no key twice, no other white
    /// space, number or escape forms), and the row images events carry (`RowChanges`), applied in order, are the
    /// state every covered table (`LedgerCoverage`) must be in. That state is compared with the tables both ways: a
    /// row that differs from its last image (naming the columns), a row no event wrote, a row an event wrote that is
    /// gone or an event removed that is back.
    ///
    /// Memory stays small: per row, the SHA-256 of its expected image and the event that recorded it; an event's
    /// payload is read again only to name the columns of a row that differs.
    public func replayLedger() throws -> LedgerReplay {
        try read { db in
            var replay = Replay()
            let events = try Row.fetchCursor(db, sql: "SELECT seq, payload FROM ledger ORDER BY seq")
            while let event = try events.next() { replay.apply(event) }
            let shas = try Row.fetchAll(db, sql: "SELECT id, sha256 FROM clip").compactMap { row in
                Int64.fromDatabaseValue(row["id"]).map { ($0, String.fromDatabaseValue(row["sha256"]) ?? "?") }
            }
            let label = RowLabel(clipSha: Dictionary(shas, uniquingKeysWith: { first, _ in first }))
            for table in LedgerCoverage.tables { try replay.compare(table, db, label: label) }
            return LedgerReplay(
                problems: replay.problems, legacyEvents: replay.legacyEvents, rowsCompared: replay.rowsCompared)
        }
    }
}

/// The state the events build, and the comparison with the tables.
private struct Replay {
    struct Expected {
        /// SHA-256 of the image's canonical text; nil when the event removed the row.
        var digest: SHA256.Digest?
        var seq: Int64
    }

    var expected: [String: [String: Expected]] = [:]
    var problems: [CheckProblem] = []
    var legacyEvents = 0
    var rowsCompared = 0

    mutating func apply(_ event: Row) {
        guard let seq = Int64.fromDatabaseValue(event["seq"]) else { return }
        guard let text = String.fromDatabaseValue(event["payload"]) else {
            problems.append(CheckProblem(subject: "ledger event \(seq)", message: "its payload is not text"))
            return
        }
        let payload: JSONValue
        do {
            payload = try CanonicalJSONReader.value(of: text)
        } catch {
            problems.append(
                CheckProblem(
                    subject: "ledger event \(seq)", message: "its payload is not footage's canonical JSON (\(error))"))
            return
        }
        guard case .object(let members) = payload else {
            problems.append(CheckProblem(subject: "ledger event \(seq)", message: "its payload is not an object"))
            return
        }
        // Every action writes rows; an event without their images was written by an earlier footage.
        guard let rows = members["rows"] else {
            legacyEvents += 1
            return
        }
        for entry in rows.arrayItems {
            guard let name = entry["table"]?.stringValue, LedgerCoverage.table(name) != nil,
                let key = entry["key"], let image = entry["image"]
            else {
                problems.append(
                    CheckProblem(subject: "ledger event \(seq)", message: "records a row footage does not write"))
                continue
            }
            let digest = image == .null ? nil : SHA256.hash(data: Data(image.canonicalText.utf8))
            expected[name, default: [:]][key.canonicalText] = Expected(digest: digest, seq: seq)
        }
    }

    mutating func compare(_ table: LedgerCoverage.Table, _ db: Database, label rowLabel: RowLabel) throws {
        var remaining = expected[table.name] ?? [:]
        let rows = try Row.fetchCursor(db, sql: RowImage.selection(of: table))
        while let row = try rows.next() {
            let key = RowImage.key(row, table).canonicalText
            let image = RowImage.image(row, table)
            let label = rowLabel.text(table.name, key: key, image: image)
            guard let recorded = remaining.removeValue(forKey: key) else {
                // In a catalogue begun by an earlier footage, such a row may come from an event without images:
                // `recordProblems` checks those rows against the fields their events name.
                if legacyEvents == 0 {
                    problems.append(
                        CheckProblem(subject: label, message: "has no ledger event (added outside footage)"))
                }
                continue
            }
            rowsCompared += 1
            guard let digest = recorded.digest else {
                problems.append(
                    CheckProblem(
                        subject: label,
                        message: "is there, but ledger event \(recorded.seq) removed it (restored outside footage)"))
                continue
            }
            if SHA256.hash(data: Data(image.canonicalText.utf8)) != digest {
                let columns = try Self.differences(db, seq: recorded.seq, table: table, key: key, image: image)
                problems.append(
                    CheckProblem(
                        subject: label,
                        message: "differs from ledger event \(recorded.seq) in \(columns.joined(separator: ", "))"
                            + " (edited outside footage)"))
            }
        }
        for (key, recorded) in remaining.sorted(by: { $0.value.seq < $1.value.seq }) where recorded.digest != nil {
            let image = try Self.recordedImage(db, seq: recorded.seq, table: table.name, key: key)
            problems.append(
                CheckProblem(
                    subject: rowLabel.text(table.name, key: key, image: image ?? .null),
                    message: "recorded by ledger event \(recorded.seq) is missing (deleted outside footage)"))
        }
    }

    /// The image event `seq` recorded for the row of `table` with `key`.
    static func recordedImage(_ db: Database, seq: Int64, table: String, key: String) throws -> JSONValue? {
        guard let text = try String.fetchOne(db, sql: "SELECT payload FROM ledger WHERE seq = ?", arguments: [seq]),
            let payload = try? CanonicalJSONReader.value(of: text)
        else { return nil }
        return payload["rows"]?.arrayItems.last { entry in
            entry["table"]?.stringValue == table && entry["key"]?.canonicalText == key
        }?["image"]
    }

    /// The columns in which `image` differs from what event `seq` recorded, each with both values when they are
    /// short enough to read (`kind ("copy" where the event says "original")`).
    static func differences(
        _ db: Database, seq: Int64, table: LedgerCoverage.Table, key: String, image: JSONValue
    ) throws -> [String] {
        let recorded = try recordedImage(db, seq: seq, table: table.name, key: key)
        // As canonical text: a stored 30.0 reads back from the event's text as the integer 30, and both print "30".
        let columns = table.columns.filter {
            (recorded?[$0]?.canonicalText ?? "null") != (image[$0]?.canonicalText ?? "null")
        }
        guard !columns.isEmpty else { return ["its form"] }
        return columns.map { column in
            let now = image[column]?.canonicalText ?? "null"
            let then = recorded?[column]?.canonicalText ?? "null"
            guard now.count <= 48, then.count <= 48 else { return column }
            return "\(column) (\(now) where the event says \(then))"
        }
    }
}

extension JSONValue {
    /// An event's payload without its row images: the fields the checks of catalogues begun before row images
    /// (`recordProblems`) compare with the rows, which a newer event's images must not disturb.
    static func recordedFields(_ payload: String) -> JSONValue? {
        guard case .object(var members)? = try? JSONValue(parsing: payload) else { return nil }
        members["rows"] = nil
        return .object(members)
    }
}
