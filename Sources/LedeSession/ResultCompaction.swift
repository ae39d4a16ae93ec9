/// How the session file keeps large results small: an array of objects that all have the same keys (the
/// rows of a concordance, a keyword list, per-article statistics) is written once as its keys and then one
/// array of values per row, `{"$rows": {"keys": [...], "rows": [[...], ...]}}`. Reading expands it back, so
/// the result is the same JSON value that was saved.
public enum ResultCompaction {
    static let marker = "$rows"
    /// Shorter arrays are left as they are: the saving is in repeated keys.
    static let minimumRows = 8

    public static func compact(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let items):
            if items.count >= minimumRows, case .object(let first) = items[0] {
                let keys = first.keys.sorted()
                var rows: [JSONValue] = []
                rows.reserveCapacity(items.count)
                for item in items {
                    guard case .object(let o) = item, o.count == keys.count else { return .array(items.map(compact)) }
                    var row: [JSONValue] = []
                    row.reserveCapacity(keys.count)
                    for key in keys {
                        guard let v = o[key] else { return .array(items.map(compact)) }
                        row.append(compact(v))
                    }
                    rows.append(.array(row))
                }
                return .object([marker: .object(["keys": .array(keys.map(JSONValue.string)), "rows": .array(rows)])])
            }
            return .array(items.map(compact))
        case .object(let o):
            return .object(o.mapValues(compact))
        default:
            return value
        }
    }

    public static func expand(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let o):
            if o.count == 1, case .object(let table)? = o[marker], case .array(let keys)? = table["keys"], case .array(let rows)? = table["rows"] {
                let names = keys.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
                return .array(rows.map { row in
                    guard case .array(let values) = row, values.count == names.count else { return expand(row) }
                    var object: [String: JSONValue] = [:]
                    for (name, v) in zip(names, values) { object[name] = expand(v) }
                    return .object(object)
                })
            }
            return .object(o.mapValues(expand))
        case .array(let items):
            return .array(items.map(expand))
        default:
            return value
        }
    }
}
