import Foundation

/// Decodes the wire form (`WireTag`) into `Decodable` values.
///
/// The bytes come from a media worker, which a hostile file may have taken over: every length, count and offset is
/// checked against the bytes that are there, and a container must lie inside its parent, so a crafted message can
/// make decoding fail but not read out of bounds or allocate more than its own size.
public enum WireDecoder {
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
        let reader = WireReader(bytes)
        let end = try reader.skip(at: 0, limit: bytes.count)
        guard end == bytes.count else { throw reader.corrupt("bytes after the value") }
        return try reader.decodeValue(type, at: 0, limit: bytes.count)
    }
}

/// The message's bytes and the reading of single values in them.
final class WireReader {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func corrupt(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "a damaged worker message: \(what)"))
    }

    func tag(at offset: Int, limit: Int) throws -> WireTag {
        guard offset < limit, let tag = WireTag(rawValue: bytes[offset]) else { throw corrupt("no value") }
        return tag
    }

    /// A LEB128 number at `offset`, and where it ends.
    func varint(at offset: Int, limit: Int) throws -> (value: UInt64, end: Int) {
        var value: UInt64 = 0
        var position = offset
        var shift: UInt64 = 0
        while true {
            guard position < limit, shift < 64 else { throw corrupt("a number runs past its end") }
            let byte = bytes[position]
            value |= UInt64(byte & 0x7F) << shift
            position += 1
            if byte < 0x80 { return (value, position) }
            shift += 7
        }
    }

    func uint32(at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    /// Text (a byte count and UTF-8) at `offset`, as where its bytes lie.
    func textRange(at offset: Int, limit: Int) throws -> Range<Int> {
        let (count, start) = try varint(at: offset, limit: limit)
        guard count <= UInt64(limit - start) else { throw corrupt("a string runs past its end") }
        return start..<(start + Int(count))
    }

    func text(_ range: Range<Int>) throws -> String {
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw corrupt("text that is not UTF-8")
        }
        return text
    }

    /// Where the value at `offset` ends.
    func skip(at offset: Int, limit: Int) throws -> Int {
        switch try tag(at: offset, limit: limit) {
        case .null, .no, .yes: return offset + 1
        case .signed, .unsigned: return try varint(at: offset + 1, limit: limit).end
        case .double:
            guard limit - offset >= 9 else { throw corrupt("a number runs past its end") }
            return offset + 9
        case .string: return try textRange(at: offset + 1, limit: limit).upperBound
        case .keyed, .unkeyed: return try container(at: offset, limit: limit).end
        }
    }

    /// A container's header: where its entries start and end, and how many there are.
    func container(at offset: Int, limit: Int) throws -> (entries: Int, end: Int, count: Int) {
        guard limit - offset >= 9 else { throw corrupt("a container runs past its end") }
        let length = Int(uint32(at: offset + 1))
        guard length >= 4, length <= limit - offset - 5 else { throw corrupt("a container runs past its end") }
        let count = Int(uint32(at: offset + 5))
        let end = offset + 5 + length
        // Every entry takes at least a byte: a count beyond that is a lie, refused before anything is allocated.
        guard count <= end - (offset + 9) else { throw corrupt("a container claims more entries than it holds") }
        return (offset + 9, end, count)
    }

    func decodeNil(at offset: Int, limit: Int) throws -> Bool {
        try tag(at: offset, limit: limit) == .null
    }

    func decodeBool(at offset: Int, limit: Int) throws -> Bool {
        switch try tag(at: offset, limit: limit) {
        case .yes: return true
        case .no: return false
        default: throw mismatch(Bool.self)
        }
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type, at offset: Int, limit: Int) throws -> T {
        let result: T?
        switch try tag(at: offset, limit: limit) {
        case .signed:
            let raw = try varint(at: offset + 1, limit: limit).value
            result = T(exactly: Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        case .unsigned:
            result = T(exactly: try varint(at: offset + 1, limit: limit).value)
        default:
            throw mismatch(type)
        }
        guard let result else { throw corrupt("a number out of range for \(type)") }
        return result
    }

    func decodeDouble(at offset: Int, limit: Int) throws -> Double {
        guard try tag(at: offset, limit: limit) == .double else { throw mismatch(Double.self) }
        guard limit - offset >= 9 else { throw corrupt("a number runs past its end") }
        let bits = (0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + 1 + $1]) << (8 * UInt64($1)) }
        let value = Double(bitPattern: bits)
        // No message carries an infinity or a NaN (JSON could not either); refused here, one cannot reach the
        // arithmetic on times and durations that would trap on it.
        guard value.isFinite else { throw corrupt("a number that is not finite") }
        return value
    }

    func decodeString(at offset: Int, limit: Int) throws -> String {
        guard try tag(at: offset, limit: limit) == .string else { throw mismatch(String.self) }
        return try text(try textRange(at: offset + 1, limit: limit))
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        DecodingError.typeMismatch(type, .init(codingPath: [], debugDescription: "a worker message holds another type"))
    }

    /// Reads any value: the common leaves directly, anything else through its `init(from:)`.
    func decodeValue<T: Decodable>(_ type: T.Type, at offset: Int, limit: Int) throws -> T {
        if type == String.self { return try decodeString(at: offset, limit: limit) as! T }
        if type == Int.self { return try decodeInteger(Int.self, at: offset, limit: limit) as! T }
        if type == Int64.self { return try decodeInteger(Int64.self, at: offset, limit: limit) as! T }
        if type == Double.self { return try decodeDouble(at: offset, limit: limit) as! T }
        if type == Bool.self { return try decodeBool(at: offset, limit: limit) as! T }
        return try T(from: WireValueDecoder(reader: self, offset: offset, limit: limit))
    }
}

/// The `Decoder` handed to a value's `init(from:)`: it reads the one value at `offset`.
private final class WireValueDecoder: Decoder {
    let reader: WireReader
    let offset: Int
    /// The end of the container the value lies in (or of the message).
    let limit: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(reader: WireReader, offset: Int, limit: Int) {
        self.reader = reader
        self.offset = offset
        self.limit = limit
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try WireKeyedDecoding<Key>(reader: reader, offset: offset, limit: limit))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try WireUnkeyedDecoding(reader: reader, offset: offset, limit: limit)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        WireSingleValueDecoding(reader: reader, offset: offset, limit: limit)
    }
}

private struct WireKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let reader: WireReader
    let end: Int
    /// Each entry's key (where its UTF-8 lies) and where its value starts.
    private let entries: [(key: Range<Int>, value: Int)]
    var codingPath: [any CodingKey] { [] }

    init(reader: WireReader, offset: Int, limit: Int) throws {
        guard try reader.tag(at: offset, limit: limit) == .keyed else {
            throw DecodingError.typeMismatch(
                [String: Any].self,
                .init(
                    codingPath: [],
                    debugDescription:
                        "a worker message holds another type where a keyed container was expected"))
        }
        let header = try reader.container(at: offset, limit: limit)
        var entries: [(key: Range<Int>, value: Int)] = []
        entries.reserveCapacity(header.count)
        var position = header.entries
        for _ in 0..<header.count {
            let key = try reader.textRange(at: position, limit: header.end)
            entries.append((key, key.upperBound))
            position = try reader.skip(at: key.upperBound, limit: header.end)
        }
        guard position == header.end else { throw reader.corrupt("a container's length disagrees with its entries") }
        self.reader = reader
        self.end = header.end
        self.entries = entries
    }

    var allKeys: [Key] {
        entries.compactMap { entry in (try? reader.text(entry.key)).flatMap { Key(stringValue: $0) } }
    }

    /// Where the value of `key` starts, if the container has it. Entries are mostly read in the order they were
    /// written, but a linear search over a few dozen short keys is cheap either way.
    private func value(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { utf8 in
            reader.bytes.withUnsafeBufferPointer { bytes in
                for entry in entries where entry.key.count == utf8.count {
                    if utf8.isEmpty
                        || memcmp(bytes.baseAddress! + entry.key.lowerBound, utf8.baseAddress!, utf8.count) == 0
                    {
                        return entry.value
                    }
                }
                return nil
            }
        }
    }

    private func require(_ key: Key) throws -> Int {
        guard let offset = value(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: [], debugDescription: "not in the worker message"))
        }
        return offset
    }

    func contains(_ key: Key) -> Bool { value(key) != nil }
    func decodeNil(forKey key: Key) throws -> Bool { try reader.decodeNil(at: try require(key), limit: end) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try reader.decodeBool(at: try require(key), limit: end)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try reader.decodeString(at: try require(key), limit: end)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try reader.decodeDouble(at: try require(key), limit: end)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try reader.decodeDouble(at: try require(key), limit: end))
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(type, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try reader.decodeValue(type, at: try require(key), limit: end)
    }

    private func integer<T: FixedWidthInteger>(_ type: T.Type, _ key: Key) throws -> T {
        try reader.decodeInteger(type, at: try require(key), limit: end)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        KeyedDecodingContainer(try WireKeyedDecoding<NestedKey>(reader: reader, offset: try require(key), limit: end))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try WireUnkeyedDecoding(reader: reader, offset: try require(key), limit: end)
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: "super") else { throw reader.corrupt("no super key") }
        return try superDecoder(forKey: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        WireValueDecoder(reader: reader, offset: try require(key), limit: end)
    }
}

private struct WireUnkeyedDecoding: UnkeyedDecodingContainer {
    let reader: WireReader
    let end: Int
    private var position: Int
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { currentIndex >= count! }

    init(reader: WireReader, offset: Int, limit: Int) throws {
        guard try reader.tag(at: offset, limit: limit) == .unkeyed else {
            throw DecodingError.typeMismatch(
                [Any].self,
                .init(
                    codingPath: [],
                    debugDescription:
                        "a worker message holds another type where an unkeyed container was expected"))
        }
        let header = try reader.container(at: offset, limit: limit)
        self.reader = reader
        self.end = header.end
        self.position = header.entries
        self.count = header.count
    }

    /// The next element's offset, moving past it.
    private mutating func next() throws -> Int {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, .init(codingPath: [], debugDescription: "past the last element"))
        }
        let offset = position
        position = try reader.skip(at: offset, limit: end)
        currentIndex += 1
        return offset
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, try reader.decodeNil(at: position, limit: end) else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try reader.decodeBool(at: try next(), limit: end) }
    mutating func decode(_ type: String.Type) throws -> String { try reader.decodeString(at: try next(), limit: end) }
    mutating func decode(_ type: Double.Type) throws -> Double { try reader.decodeDouble(at: try next(), limit: end) }
    mutating func decode(_ type: Float.Type) throws -> Float {
        Float(try reader.decodeDouble(at: try next(), limit: end))
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try reader.decodeValue(type, at: try next(), limit: end)
    }

    private mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        try reader.decodeInteger(type, at: try next(), limit: end)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        KeyedDecodingContainer(try WireKeyedDecoding<NestedKey>(reader: reader, offset: try next(), limit: end))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try WireUnkeyedDecoding(reader: reader, offset: try next(), limit: end)
    }

    mutating func superDecoder() throws -> any Decoder {
        WireValueDecoder(reader: reader, offset: try next(), limit: end)
    }
}

private struct WireSingleValueDecoding: SingleValueDecodingContainer {
    let reader: WireReader
    let offset: Int
    let limit: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? reader.decodeNil(at: offset, limit: limit)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try reader.decodeBool(at: offset, limit: limit) }
    func decode(_ type: String.Type) throws -> String { try reader.decodeString(at: offset, limit: limit) }
    func decode(_ type: Double.Type) throws -> Double { try reader.decodeDouble(at: offset, limit: limit) }
    func decode(_ type: Float.Type) throws -> Float { Float(try reader.decodeDouble(at: offset, limit: limit)) }
    func decode(_ type: Int.Type) throws -> Int { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: Int8.Type) throws -> Int8 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: Int16.Type) throws -> Int16 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: Int32.Type) throws -> Int32 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: Int64.Type) throws -> Int64 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: UInt.Type) throws -> UInt { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try reader.decodeInteger(type, at: offset, limit: limit) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try reader.decodeValue(type, at: offset, limit: limit) }
}
