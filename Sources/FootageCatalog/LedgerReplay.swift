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
    /// The first break in the hash chain, if any (as `ledgerProblems`, checked in the same pass).
    public var chainProblems: [CheckProblem]
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
        let replay = try read { db in
            var replay = Replay()
            let events = try Row.fetchCursor(db, sql: "SELECT * FROM ledger ORDER BY seq")
            while let event = try events.next() { replay.apply(event) }
            return replay
        }
        let label = try read { db in
            let shas = try Row.fetchAll(db, sql: "SELECT id, sha256 FROM clip").compactMap { row in
                Int64.fromDatabaseValue(row["id"]).map { ($0, String.fromDatabaseValue(row["sha256"]) ?? "?") }
            }
            return RowLabel(clipSha: Dictionary(shas, uniquingKeysWith: { first, _ in first }))
        }
        // The tables are compared on all cores, each through a reader of its own: the comparison is half the work.
        let tables = LedgerCoverage.tables
        let compared = Parallel.map(tables.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { index in
            Result {
                try self.read { db in
                    try replay.compare(tables[index], db, label: label)
                }
            }
        }
        var result = LedgerReplay(
            problems: replay.problems, legacyEvents: replay.legacyEvents, rowsCompared: 0,
            chainProblems: replay.chainProblem.map { [$0] } ?? [])
        for outcome in compared {
            let (problems, rows) = try outcome.get()
            result.problems += problems
            result.rowsCompared += rows
        }
        return result
    }
}

/// A row's key as the ledger writes it: most tables have one integer key (`[5]`), kept as a number, which hashes far
/// faster than text in maps of millions of rows; other keys as their canonical text.
private enum RowKey: Hashable, Sendable {
    case number(Int64)
    case text(String)

    init(_ text: String) {
        if text.count > 2, text.first == "[", text.last == "]", let number = Int64(text.dropFirst().dropLast()) {
            self = .number(number)
        } else {
            self = .text(text)
        }
    }

    var text: String {
        switch self {
        case .number(let number): "[\(number)]"
        case .text(let text): text
        }
    }
}

/// The state the events build, and the comparison with the tables.
private struct Replay: Sendable {
    struct Expected: Sendable {
        /// SHA-256 of the image's canonical text (its 32 bytes, held inline); nil when the event removed the row.
        var digest: SIMD4<UInt64>?
        var seq: Int64
    }

    var expected: [String: [RowKey: Expected]] = [:]
    var problems: [CheckProblem] = []
    var legacyEvents = 0
    var chain = ChainCheck(expectedSeq: 1, previous: LedgerEvent.genesisHash)
    var chainProblem: CheckProblem?

    mutating func apply(_ event: Row) {
        // Checked and read in place: a canonical payload's parts are their own canonical text, so an image's
        // SHA-256 is taken over its bytes in the payload.
        let text = String.fromDatabaseValue(event["payload"])
        let scanner = CanonicalJSONScanner(text ?? "")
        let canonical = text != nil && scanner.isCanonical
        // The chain is checked in the same pass, up to its first break (a payload that is not text is that break).
        if chainProblem == nil { chainProblem = chain.check(event, payloadIsCanonical: canonical) }
        guard let seq = Int64.fromDatabaseValue(event["seq"]), let text else { return }
        guard canonical, scanner.bytes.first == UInt8(ascii: "{") else {
            let reason: String
            do {
                _ = try CanonicalJSONReader.value(of: text)
                reason = "not an object"
            } catch {
                reason = error.description
            }
            problems.append(
                CheckProblem(
                    subject: "ledger event \(seq)", message: "its payload is not footage's canonical JSON (\(reason))"))
            return
        }
        // Every action writes rows; an event without their images was written by an earlier footage.
        guard let rows = scanner.members(ofObjectAt: 0).first(where: { $0.key == "rows" })?.value else {
            legacyEvents += 1
            return
        }
        for element in scanner.elements(ofArrayAt: rows.lowerBound) {
            let members = Dictionary(
                scanner.members(ofObjectAt: element.lowerBound).map { ($0.key, $0.value) },
                uniquingKeysWith: { first, _ in first })
            guard let table = members["table"], let key = members["key"], let image = members["image"],
                scanner.bytes[table.lowerBound] == UInt8(ascii: "\""),
                case let name = scanner.text((table.lowerBound + 1)..<(table.upperBound - 1)),
                LedgerCoverage.table(name) != nil
            else {
                problems.append(
                    CheckProblem(subject: "ledger event \(seq)", message: "records a row footage does not write"))
                continue
            }
            let digest = scanner.text(image) == "null" ? nil : Self.digest(scanner.bytes[image])
            expected[name, default: [:]][RowKey(scanner.text(key))] = Expected(digest: digest, seq: seq)
        }
    }

    /// The problems of one table against the state the events built, and how many of its rows were compared.
    func compare(_ table: LedgerCoverage.Table, _ db: Database, label rowLabel: RowLabel) throws
        -> (problems: [CheckProblem], rows: Int)
    {
        var problems: [CheckProblem] = []
        var compared = 0
        var remaining = expected[table.name] ?? [:]
        let writer = RowImage.Writer(table)
        let rows = try Row.fetchCursor(db, sql: RowImage.selection(of: table))
        while let row = try rows.next() {
            let key = writer.keyText(row)
            let imageText = writer.imageText(row)
            guard let recorded = remaining.removeValue(forKey: RowKey(key)) else {
                let label = rowLabel.text(table.name, key: key, image: RowImage.image(row, table))
                // In a catalogue begun by an earlier footage, such a row may come from an event without images:
                // `recordProblems` checks those rows against the fields their events name.
                if legacyEvents == 0 {
                    problems.append(
                        CheckProblem(subject: label, message: "has no ledger event (added outside footage)"))
                }
                continue
            }
            compared += 1
            if let digest = recorded.digest, Self.digest(Array(imageText.utf8)[...]) == digest { continue }
            let image = RowImage.image(row, table)
            let label = rowLabel.text(table.name, key: key, image: image)
            guard recorded.digest != nil else {
                problems.append(
                    CheckProblem(
                        subject: label,
                        message: "is there, but ledger event \(recorded.seq) removed it (restored outside footage)"))
                continue
            }
            let columns = try Self.differences(db, seq: recorded.seq, table: table, key: key, image: image)
            problems.append(
                CheckProblem(
                    subject: label,
                    message: "differs from ledger event \(recorded.seq) in \(columns.joined(separator: ", "))"
                        + " (edited outside footage)"))
        }
        for (key, recorded) in remaining.sorted(by: { $0.value.seq < $1.value.seq }) where recorded.digest != nil {
            let image = try Self.recordedImage(db, seq: recorded.seq, table: table.name, key: key.text)
            problems.append(
                CheckProblem(
                    subject: rowLabel.text(table.name, key: key.text, image: image ?? .null),
                    message: "recorded by ledger event \(recorded.seq) is missing (deleted outside footage)"))
        }
        return (problems, compared)
    }

    static func digest(_ bytes: ArraySlice<UInt8>) -> SIMD4<UInt64> {
        SHA256.hash(data: bytes).withUnsafeBytes { $0.loadUnaligned(as: SIMD4<UInt64>.self) }
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
