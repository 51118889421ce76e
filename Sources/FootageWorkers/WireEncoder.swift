import Foundation

/// The binary form of the messages between footage and its media workers (requests, answers, hellos).
///
/// Why not JSON: coding a worker's answer (a probe is about 3 KB of JSON) took about 150 µs of CPU on the two sides
/// together once warm, and several times that in a process's first messages, mostly Foundation building and reading
/// a tree of dictionaries; `perf` put a fifth of isolated `register`'s parent in `JSONDecoder` (Benchmarks/RESULTS.md).
/// This form is written and read in one pass, with no intermediate tree: about 70 µs (`footage-bench messages`).
///
/// Each value is a tag byte and what follows it:
///
/// | tag | value | then |
/// |---|---|---|
/// | 0 | nil | |
/// | 1, 2 | false, true | |
/// | 3 | signed integer | zigzag LEB128 |
/// | 4 | unsigned integer | LEB128 |
/// | 5 | floating point | IEEE 754 double's 8 bytes, little-endian (finite: the reader refuses NaN and infinities) |
/// | 6 | string | LEB128 byte count, UTF-8 |
/// | 7 | keyed container | byte length, entry count, then each key (LEB128 byte count, UTF-8) and its value |
/// | 8 | unkeyed container | byte length, count, then the values |
///
/// A container's byte length is 4 bytes, little-endian, counted from after itself; its entry count (4 bytes) follows.
///
/// Keys are written as their `stringValue`, so decoding finds them by name as JSON does: optional values left out,
/// enums with associated values and dictionaries keyed by strings all work as `Codable` synthesizes them. Both
/// ends are the same footage binary, so no version travels with a message.
enum WireTag: UInt8 {
    case null = 0
    case no, yes, signed, unsigned, double, string, keyed, unkeyed
}

/// Encodes `Encodable` values into the wire form (`WireTag`).
public enum WireEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = WireWriter()
        try writer.encodeValue(value)
        return writer.finish()
    }
}

/// The bytes being written, and the containers still open in them.
///
/// Values are written in the order `Codable` hands them over. A container's length and count are filled in when it
/// closes: when something is written to a container outside it, or at the end. Writing to a container that has
/// closed is refused (no synthesized `Codable` does that; it would otherwise corrupt the message).
final class WireWriter {
    private(set) var bytes: [UInt8] = []
    private struct Open {
        let id: Int
        /// Where the container's byte length is written; its count follows.
        let header: Int
        var count: UInt32
    }
    private var open: [Open] = []
    private var nextID = 0

    init() {
        bytes.reserveCapacity(1024)
    }

    func finish() -> [UInt8] {
        while !open.isEmpty { close() }
        return bytes
    }

    /// Starts a container; its entries follow.
    func begin(_ tag: WireTag) -> Int {
        bytes.append(tag.rawValue)
        nextID += 1
        open.append(Open(id: nextID, header: bytes.count, count: 0))
        bytes.append(contentsOf: [0, 0, 0, 0, 0, 0, 0, 0])
        return nextID
    }

    /// Makes container `id` the one written to next (closing the ones opened inside it) and counts one more entry
    /// in it.
    func enter(_ id: Int) throws {
        guard open.contains(where: { $0.id == id }) else {
            throw EncodingError.invalidValue(
                id,
                .init(
                    codingPath: [],
                    debugDescription:
                        "a container was written to after it was closed"))
        }
        while open[open.count - 1].id != id { close() }
        open[open.count - 1].count += 1
    }

    private func close() {
        let container = open.removeLast()
        put32(UInt32(truncatingIfNeeded: bytes.count - container.header - 4), at: container.header)
        put32(container.count, at: container.header + 4)
    }

    private func put32(_ value: UInt32, at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }

    func writeNil() { bytes.append(WireTag.null.rawValue) }
    func write(_ value: Bool) { bytes.append(value ? WireTag.yes.rawValue : WireTag.no.rawValue) }

    func write(_ value: Int64) {
        bytes.append(WireTag.signed.rawValue)
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    func write(_ value: UInt64) {
        bytes.append(WireTag.unsigned.rawValue)
        writeVarint(value)
    }

    func write(_ value: Double) {
        bytes.append(WireTag.double.rawValue)
        let bits = value.bitPattern
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bits >> (8 * index))) }
    }

    func write(_ value: String) {
        bytes.append(WireTag.string.rawValue)
        writeText(value)
    }

    /// A string without its tag: a key, or a string's payload.
    func writeText(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            writeVarint(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    private func writeVarint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Writes any value: the common leaves directly, anything else through its `encode(to:)`. The leaves are told by
    /// comparing types, not by trying a dynamic cast of every struct and array (writing an answer took 20 µs instead
    /// of 21, `footage-bench messages`), as `WireReader.decodeValue` tells them.
    func encodeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self {
            write(value as! String)
        } else if T.self == Int.self {
            write(Int64(value as! Int))
        } else if T.self == Int64.self {
            write(value as! Int64)
        } else if T.self == Double.self {
            write(value as! Double)
        } else if T.self == Bool.self {
            write(value as! Bool)
        } else {
            try value.encode(to: WireValueEncoder(writer: self))
        }
    }
}

/// The `Encoder` handed to a value's `encode(to:)`: it writes that one value.
private final class WireValueEncoder: Encoder {
    let writer: WireWriter
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// The container this value was written as, once asked for (asking again gives the same one).
    private var container: Int?

    init(writer: WireWriter) {
        self.writer = writer
    }

    private func containerID(_ tag: WireTag) -> Int {
        if let container { return container }
        let id = writer.begin(tag)
        container = id
        return id
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(WireKeyedEncoding<Key>(writer: writer, id: containerID(.keyed)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        WireUnkeyedEncoding(writer: writer, id: containerID(.unkeyed))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        WireSingleValueEncoding(writer: writer)
    }
}

private struct WireKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: WireWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }

    private func entry(_ key: Key) throws {
        try writer.enter(id)
        writer.writeText(key.stringValue)
    }

    mutating func encodeNil(forKey key: Key) throws {
        try entry(key)
        writer.writeNil()
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        try entry(key)
        writer.write(value)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        try entry(key)
        writer.write(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        try entry(key)
        writer.write(value)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        try entry(key)
        writer.write(Double(value))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        try entry(key)
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws {
        try entry(key)
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int16, forKey key: Key) throws {
        try entry(key)
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int32, forKey key: Key) throws {
        try entry(key)
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        try entry(key)
        writer.write(value)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws {
        try entry(key)
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt8, forKey key: Key) throws {
        try entry(key)
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt16, forKey key: Key) throws {
        try entry(key)
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt32, forKey key: Key) throws {
        try entry(key)
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        try entry(key)
        writer.write(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try entry(key)
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        // Codable gives this no way to throw; a closed container is refused at the first entry written inside.
        try? entry(key)
        return KeyedEncodingContainer(WireKeyedEncoding<NestedKey>(writer: writer, id: writer.begin(.keyed)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        try? entry(key)
        return WireUnkeyedEncoding(writer: writer, id: writer.begin(.unkeyed))
    }

    mutating func superEncoder() -> any Encoder {
        try? writer.enter(id)
        writer.writeText("super")
        return WireValueEncoder(writer: writer)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        try? entry(key)
        return WireValueEncoder(writer: writer)
    }
}

private struct WireUnkeyedEncoding: UnkeyedEncodingContainer {
    let writer: WireWriter
    let id: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(writer: WireWriter, id: Int) {
        self.writer = writer
        self.id = id
    }

    private mutating func element() throws {
        try writer.enter(id)
        count += 1
    }

    mutating func encodeNil() throws {
        try element()
        writer.writeNil()
    }
    mutating func encode(_ value: Bool) throws {
        try element()
        writer.write(value)
    }
    mutating func encode(_ value: String) throws {
        try element()
        writer.write(value)
    }
    mutating func encode(_ value: Double) throws {
        try element()
        writer.write(value)
    }
    mutating func encode(_ value: Float) throws {
        try element()
        writer.write(Double(value))
    }
    mutating func encode(_ value: Int) throws {
        try element()
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int8) throws {
        try element()
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int16) throws {
        try element()
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int32) throws {
        try element()
        writer.write(Int64(value))
    }
    mutating func encode(_ value: Int64) throws {
        try element()
        writer.write(value)
    }
    mutating func encode(_ value: UInt) throws {
        try element()
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt8) throws {
        try element()
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt16) throws {
        try element()
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt32) throws {
        try element()
        writer.write(UInt64(value))
    }
    mutating func encode(_ value: UInt64) throws {
        try element()
        writer.write(value)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        try element()
        try writer.encodeValue(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    {
        try? element()
        return KeyedEncodingContainer(WireKeyedEncoding<NestedKey>(writer: writer, id: writer.begin(.keyed)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        try? element()
        return WireUnkeyedEncoding(writer: writer, id: writer.begin(.unkeyed))
    }

    mutating func superEncoder() -> any Encoder {
        try? element()
        return WireValueEncoder(writer: writer)
    }
}

private struct WireSingleValueEncoding: SingleValueEncodingContainer {
    let writer: WireWriter
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNil() }
    mutating func encode(_ value: Bool) throws { writer.write(value) }
    mutating func encode(_ value: String) throws { writer.write(value) }
    mutating func encode(_ value: Double) throws { writer.write(value) }
    mutating func encode(_ value: Float) throws { writer.write(Double(value)) }
    mutating func encode(_ value: Int) throws { writer.write(Int64(value)) }
    mutating func encode(_ value: Int8) throws { writer.write(Int64(value)) }
    mutating func encode(_ value: Int16) throws { writer.write(Int64(value)) }
    mutating func encode(_ value: Int32) throws { writer.write(Int64(value)) }
    mutating func encode(_ value: Int64) throws { writer.write(value) }
    mutating func encode(_ value: UInt) throws { writer.write(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { writer.write(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { writer.write(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { writer.write(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { writer.write(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try writer.encodeValue(value) }
}
