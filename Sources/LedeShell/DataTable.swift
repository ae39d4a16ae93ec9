import Foundation

/// One table of plain values: what `> x.csv`, `> x.tsv`, `> x.jsonl` and `set format csv|tsv|jsonl` write. It comes
/// from the command's structured result (the same values `--json` prints: plain numbers, no thousands separators,
/// units or symbols in cells), so every field a result holds is a column with a header.
public struct DataTable: Equatable {
    public enum Value: Equatable {
        case null, bool(Bool), int(Int), double(Double), string(String)
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) { self.columns = columns; self.rows = rows }

    /// A display table's cells as values: whole numbers and decimals (written plainly, as chart data tables
    /// write them) become numbers, empty cells nulls, the rest text.
    init(cells table: Table) {
        columns = table.columns.map(\.title)
        rows = table.rows.map { row in
            row.map { cell -> Value in
                if cell.isEmpty { return .null }
                if let n = Int(cell) { return .int(n) }
                if let x = Double(cell), x.isFinite, !cell.contains(where: { $0.isLetter }) { return .double(x) }
                return .string(cell)
            }
        }
    }

    // MARK: from a result

    /// The result's main table: its largest list of records (a list inside a list, such as keyword groups and
    /// their terms, gives one row per inner record, with the outer record's fields first); a result without one
    /// is a single row of its fields. Nested records become columns (named by their own key, or `outer.key`
    /// when two would share a name); lists of plain values become one cell, items joined by "; ".
    static func from(_ node: DataNode) -> DataTable {
        var rows: [[(String, DataNode)]] = []
        if case .object(let members) = node, let list = largestList(members, nested: true) {
            for item in list { rows += Self.rows(of: item, prefix: []) }
        } else if case .array(let items) = node {
            for item in items { rows += Self.rows(of: item, prefix: []) }
        } else {
            rows = [flatten(node)]
        }
        var columns: [String] = []
        var index: [String: Int] = [:]
        for row in rows { for (name, _) in row where index[name] == nil { index[name] = columns.count; columns.append(name) } }
        let values = rows.map { row -> [Value] in
            var out = [Value](repeating: .null, count: columns.count)
            for (name, v) in row { out[index[name]!] = scalar(v) }
            return out
        }
        return DataTable(columns: columns, rows: values)
    }

    /// The list of records holding the most rows (counting records inside its records), among the members and,
    /// at the top, inside member records (`report.perClass`).
    private static func largestList(_ members: [(String, DataNode)], nested: Bool = false) -> [DataNode]? {
        var best: (list: [DataNode], size: Int)?
        func consider(_ items: [DataNode]) {
            let size = items.reduce(0) { $0 + rowCount($1) }
            if best == nil || size > best!.size { best = (items, size) }
        }
        for (_, value) in members {
            if case .array(let items) = value, items.contains(where: { if case .object = $0 { return true }; return false }) { consider(items) }
            if nested, case .object(let inner) = value, let list = largestList(inner, nested: true) { consider(list) }
        }
        return best?.list
    }

    private static func rowCount(_ node: DataNode) -> Int {
        guard case .object(let members) = node, let inner = largestList(members) else { return 1 }
        return max(1, inner.reduce(0) { $0 + rowCount($1) })
    }

    /// Rows for one record: itself, or (when it holds a list of records) one per inner record after its own fields.
    private static func rows(of node: DataNode, prefix: [(String, DataNode)]) -> [[(String, DataNode)]] {
        guard case .object(let members) = node else { return [prefix + [("value", node)]] }
        let own = flatten(node, skippingLists: true)
        if let inner = largestList(members), !inner.isEmpty {
            return inner.flatMap { rows(of: $0, prefix: prefix + own) }
        }
        return [prefix + flatten(node)]
    }

    /// A record's fields as named scalars: nested records spread out, lists of values joined.
    private static func flatten(_ node: DataNode, skippingLists: Bool = false) -> [(String, DataNode)] {
        var out: [(path: [String], value: DataNode)] = []
        func walk(_ n: DataNode, _ path: [String]) {
            switch n {
            case .object(let members): for (k, v) in members { walk(v, path + [k]) }
            case .array(let items):
                if items.contains(where: { if case .object = $0 { return true }; return false }) { return }
                if skippingLists { return }
                out.append((path, .string(items.map(text).joined(separator: "; "))))
            default: out.append((path, n))
            }
        }
        walk(node, [])
        // Short names unless two fields would share one.
        var counts: [String: Int] = [:]
        for f in out { counts[f.path.last ?? "value", default: 0] += 1 }
        return out.map { f in
            let short = f.path.last ?? "value"
            return (counts[short]! > 1 ? f.path.joined(separator: ".") : short, f.value)
        }
    }

    private static func text(_ n: DataNode) -> String {
        switch scalar(n) {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .string(let s): return s
        }
    }

    private static func scalar(_ n: DataNode) -> Value {
        switch n {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .string(items.map(text).joined(separator: "; "))
        case .object: return .null
        }
    }

    /// The same table with some columns renamed (a unit the result's field name leaves unsaid: `range` → `rangePercent`).
    func renamed(_ names: [String: String]) -> DataTable {
        DataTable(columns: columns.map { names[$0] ?? $0 }, rows: rows)
    }

    /// The same table without some columns (a field another mode of the command fills).
    func without(_ names: Set<String>) -> DataTable {
        let keep = columns.indices.filter { !names.contains(columns[$0]) }
        return DataTable(columns: keep.map { columns[$0] }, rows: rows.map { r in keep.map { $0 < r.count ? r[$0] : .null } })
    }

    // MARK: writing

    /// A number as pandas and R read it: no separators; not-a-number empty (NA); infinities `Inf`.
    static func number(_ d: Double) -> String {
        if d.isNaN { return "" }
        if d.isInfinite { return d > 0 ? "Inf" : "-Inf" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    func cell(_ v: Value, clean: (String) -> String) -> String {
        switch v {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return Self.number(d)
        case .string(let s): return clean(s)
        }
    }

    /// RFC 4180: fields with a comma, quote or line break quoted, quotes doubled; CRLF-free.
    func csv(clean: (String) -> String) -> String {
        var lines = [columns.map(CSVField.quote).joined(separator: ",")]
        for r in rows { lines.append(r.map { CSVField.quote(cell($0, clean: clean)) }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Tab-separated: tabs and line breaks inside a cell become spaces.
    func tsv(clean: (String) -> String) -> String {
        func field(_ s: String) -> String { String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        var lines = [columns.map(field).joined(separator: "\t")]
        for r in rows { lines.append(r.map { field(cell($0, clean: clean)) }.joined(separator: "\t")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One JSON object per row, keys in column order, nulls left out.
    func jsonLines(clean: (String) -> String) -> String {
        var out = ""
        for r in rows {
            var parts: [String] = []
            for (name, v) in zip(columns, r) {
                let value: String
                switch v {
                case .null: continue
                case .bool(let b): value = b ? "true" : "false"
                case .int(let i): value = String(i)
                case .double(let d): value = d.isFinite ? Self.number(d) : "null"
                case .string(let s): value = JSONText.quote(clean(s))
                }
                parts.append(JSONText.quote(name) + ":" + value)
            }
            out += "{" + parts.joined(separator: ",") + "}\n"
        }
        return out
    }
}

/// CSV quoting (RFC 4180).
enum CSVField {
    static func quote(_ s: String) -> String {
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}

/// A JSON string literal.
enum JSONText {
    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}
