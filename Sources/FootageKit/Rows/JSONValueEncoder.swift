import FootageCatalog
import Foundation

/// An `Encoder` that builds a `JSONValue` directly, so that a row's numbers and strings reach the canonical text
/// exactly as the row holds them: no trip through `JSONEncoder`'s text (which refuses non-finite numbers and
/// formats and escapes differently), and no key strategy (which would also rewrite the keys of dictionaries such
/// as a clip's tags). Keys are written as the row's `CodingKeys` spell them.
///
/// Several keyed containers asked of one encoder share one object: a row can encode a row it contains into its own
/// object (`try clip.encode(to: encoder)`) and add its own keys beside, as `JSONEncoder` allows too.
struct JSONValueEncoder: Encoder {
    let codingPath: [any CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let node: Node

    init(codingPath: [any CodingKey] = [], node: Node = Node()) {
        self.codingPath = codingPath
        self.node = node
    }

    /// Encodes `value` into a fresh tree and returns what it built.
    static func value<T: Encodable>(of value: T) throws -> JSONValue {
        let node = Node()
        try value.encode(to: JSONValueEncoder(node: node))
        return node.value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if node.members == nil { node.members = [:] }
        return KeyedEncodingContainer(Keyed<Key>(codingPath: codingPath, node: node))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if node.items == nil { node.items = [] }
        return Unkeyed(codingPath: codingPath, node: node)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        Single(codingPath: codingPath, node: node)
    }

    /// A value under construction. A class, so that containers handed out earlier keep writing into it.
    final class Node {
        var scalar: JSONValue?
        var members: [String: Node]?
        var items: [Node]?

        /// What was encoded; an encoder that was given nothing gives an empty object.
        var value: JSONValue {
            if let members { return .object(members.mapValues(\.value)) }
            if let items { return .array(items.map(\.value)) }
            return scalar ?? .object([:])
        }

        static func leaf(_ value: JSONValue) -> Node {
            let node = Node()
            node.scalar = value
            return node
        }
    }

    /// Doubles keep their type (`JSONValue` writes whole ones without a fraction, and non-finite ones as null);
    /// integers of every width become `.int`.
    private static func leaf<T: Encodable>(_ value: T) -> JSONValue? {
        switch value {
        case let v as String: .string(v)
        case let v as Bool: .bool(v)
        case let v as Double: .double(v)
        case let v as Float: .double(Double(v))
        case let v as Int: .int(Int64(v))
        case let v as Int64: .int(v)
        case let v as Int32: .int(Int64(v))
        case let v as JSONValue: v
        default: nil
        }
    }

    /// `value` encoded below `node`: scalars directly, anything else through a nested encoder.
    fileprivate static func encode<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> Node {
        if let leaf = leaf(value) { return .leaf(leaf) }
        let node = Node()
        try value.encode(to: JSONValueEncoder(codingPath: codingPath, node: node))
        return node
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let codingPath: [any CodingKey]
        let node: Node

        mutating func encodeNil(forKey key: Key) throws { node.members?[key.stringValue] = .leaf(.null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            node.members?[key.stringValue] = try JSONValueEncoder.encode(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = Node()
            node.members?[key.stringValue] = child
            return JSONValueEncoder(codingPath: codingPath + [key], node: child).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = Node()
            node.members?[key.stringValue] = child
            return JSONValueEncoder(codingPath: codingPath + [key], node: child).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { superEncoder(forKey: Key(stringValue: "super")!) }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = Node()
            node.members?[key.stringValue] = child
            return JSONValueEncoder(codingPath: codingPath + [key], node: child)
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let codingPath: [any CodingKey]
        let node: Node
        var count: Int { node.items?.count ?? 0 }

        private var nextKey: any CodingKey { IndexKey(index: count) }

        mutating func encodeNil() throws { node.items?.append(.leaf(.null)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            // Encoded before appending: `nextKey` reads the items, which the append holds exclusively.
            let child = try JSONValueEncoder.encode(value, codingPath: codingPath + [nextKey])
            node.items?.append(child)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = Node()
            let path = codingPath + [nextKey]
            node.items?.append(child)
            return JSONValueEncoder(codingPath: path, node: child).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = Node()
            let path = codingPath + [nextKey]
            node.items?.append(child)
            return JSONValueEncoder(codingPath: path, node: child).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let child = Node()
            let path = codingPath + [nextKey]
            node.items?.append(child)
            return JSONValueEncoder(codingPath: path, node: child)
        }
    }

    private struct Single: SingleValueEncodingContainer {
        let codingPath: [any CodingKey]
        let node: Node

        mutating func encodeNil() throws { node.scalar = .null }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let encoded = try JSONValueEncoder.encode(value, codingPath: codingPath)
            node.scalar = encoded.scalar
            node.members = encoded.members
            node.items = encoded.items
        }
    }

    private struct IndexKey: CodingKey {
        let index: Int
        var stringValue: String { String(index) }
        var intValue: Int? { index }
        init(index: Int) { self.index = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.index = intValue }
    }
}
