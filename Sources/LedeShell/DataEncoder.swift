import Foundation

/// A value as a command's result encodes it, with object keys in the order the type declares them (Foundation's
/// JSON encoder keeps no order): what the CSV, TSV and JSONL writers turn into a table whose columns read in a
/// sensible order.
indirect enum DataNode: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([DataNode])
    case object([(String, DataNode)])

    static func == (a: DataNode, b: DataNode) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    var isScalar: Bool {
        switch self { case .array, .object: return false; default: return true }
    }

    /// Encodes any Encodable value (dates as ISO 8601 text, as the JSON output writes them).
    static func encode(_ value: any Encodable) throws -> DataNode {
        let encoder = DataNodeEncoder()
        try value.encode(to: encoder)
        return encoder.storage.node
    }
}

/// A reference to a value being built, so nested containers can fill it after they were handed out.
final class DataBox {
    enum Content { case empty, scalar(DataNode), array([DataBox]), object([(String, DataBox)]) }
    var content: Content = .empty

    var node: DataNode {
        switch content {
        case .empty: return .null
        case .scalar(let n): return n
        case .array(let items): return .array(items.map(\.node))
        case .object(let members): return .object(members.map { ($0.0, $0.1.node) })
        }
    }

    func member(_ key: String) -> DataBox {
        if case .object(var members) = content {
            if let existing = members.first(where: { $0.0 == key }) { return existing.1 }
            let box = DataBox()
            // Emptied first, so the list is not shared and grows in place (a copy per member was quadratic).
            content = .empty
            members.append((key, box))
            content = .object(members)
            return box
        }
        let box = DataBox()
        content = .object([(key, box)])
        return box
    }

    func appendItem() -> DataBox {
        let box = DataBox()
        // Emptied first, so the list is not shared and grows in place: a copy per item made `list > FILE.csv` of
        // 44,500 articles take 21 s.
        if case .array(var items) = content { content = .empty; items.append(box); content = .array(items) } else { content = .array([box]) }
        return box
    }
}

final class DataNodeEncoder: Encoder {
    let storage: DataBox
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] = [:]

    init(storage: DataBox = DataBox(), codingPath: [any CodingKey] = []) {
        self.storage = storage; self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return UnkeyedContainer(box: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(box: storage, codingPath: codingPath) }

    /// Scalars become nodes directly; anything else encodes itself into the box.
    static func store(_ value: any Encodable, in box: DataBox, codingPath: [any CodingKey]) throws {
        switch value {
        case let v as Bool: box.content = .scalar(.bool(v))
        case let v as Int: box.content = .scalar(.int(v))
        case let v as Int8: box.content = .scalar(.int(Int(v)))
        case let v as Int16: box.content = .scalar(.int(Int(v)))
        case let v as Int32: box.content = .scalar(.int(Int(v)))
        case let v as Int64: box.content = .scalar(.int(Int(v)))
        case let v as UInt: box.content = .scalar(v <= UInt(Int.max) ? .int(Int(v)) : .double(Double(v)))
        case let v as UInt8: box.content = .scalar(.int(Int(v)))
        case let v as UInt16: box.content = .scalar(.int(Int(v)))
        case let v as UInt32: box.content = .scalar(.int(Int(v)))
        case let v as UInt64: box.content = .scalar(v <= UInt64(Int.max) ? .int(Int(v)) : .double(Double(v)))
        case let v as Double: box.content = .scalar(.double(v))
        case let v as Float: box.content = .scalar(.double(Double(v)))
        case let v as String: box.content = .scalar(.string(v))
        case let v as Date: box.content = .scalar(.string(ISO8601DateFormatter().string(from: v)))
        case let v as URL: box.content = .scalar(.string(v.absoluteString))
        default: try value.encode(to: DataNodeEncoder(storage: box, codingPath: codingPath))
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: DataBox
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { box.member(key.stringValue).content = .scalar(.null) }
        // An absent optional is an empty cell, not a missing column: every row of a table has the same columns.
        private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try DataNodeEncoder.store(value, in: box.member(key.stringValue), codingPath: codingPath + [key])
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = box.member(key.stringValue)
            child.content = .object([])
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = box.member(key.stringValue)
            child.content = .array([])
            return UnkeyedContainer(box: child, codingPath: codingPath + [key])
        }
        mutating func superEncoder() -> any Encoder { DataNodeEncoder(storage: box.member("super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            DataNodeEncoder(storage: box.member(key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: DataBox
        var codingPath: [any CodingKey]
        var count: Int {
            if case .array(let items) = box.content { return items.count }
            return 0
        }

        mutating func encodeNil() throws { box.appendItem().content = .scalar(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try DataNodeEncoder.store(value, in: box.appendItem(), codingPath: codingPath)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = box.appendItem()
            child.content = .object([])
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: child, codingPath: codingPath))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = box.appendItem()
            child.content = .array([])
            return UnkeyedContainer(box: child, codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { DataNodeEncoder(storage: box.appendItem(), codingPath: codingPath) }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let box: DataBox
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { box.content = .scalar(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try DataNodeEncoder.store(value, in: box, codingPath: codingPath) }
    }
}
