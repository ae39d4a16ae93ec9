import Foundation
import LedeArticles

/// The small JSON values the archive keeps in text columns (dropped blocks, warnings, HTTP headers), written
/// and read by hand: JSONEncoder and JSONSerialization cost microseconds per call, tens of thousands of times
/// per load. Anything the fast reader does not follow is read by JSONSerialization instead.
enum JSONText {
    static func append(string s: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            // Runs of plain bytes are copied whole; only quotes, backslashes and controls are escaped.
            var start = 0
            for (i, b) in u.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start..<i]))
                escape(b, to: &out)
                start = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: u[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let textKey = Array("{\"text\":".utf8), reasonKey = Array(",\"reason\":".utf8)
    private static let positionKey = Array(",\"position\":".utf8), nullWord = Array("null".utf8)

    private static func escape(_ b: UInt8, to out: inout [UInt8]) {
        switch b {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(b)
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(b)
        case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        default:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            out.append(hexDigits[Int(b >> 4)]); out.append(hexDigits[Int(b & 0xF)])
        }
    }

    /// `[{"text": …, "reason": …, "position": n|null}, …]`
    static func dropped(_ blocks: [DroppedBlock]) -> String? {
        if blocks.isEmpty { return nil }
        var out: [UInt8] = [UInt8(ascii: "[")]
        out.reserveCapacity(blocks.reduce(0) { $0 + $1.text.utf8.count + $1.reason.utf8.count + 40 })
        for (k, d) in blocks.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: textKey); append(string: d.text, to: &out)
            out.append(contentsOf: reasonKey); append(string: d.reason, to: &out)
            out.append(contentsOf: positionKey)
            if let p = d.position { out.append(contentsOf: String(p).utf8) } else { out.append(contentsOf: nullWord) }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func strings(_ list: [String]) -> String? {
        if list.isEmpty { return nil }
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (k, s) in list.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            append(string: s, to: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func object(_ pairs: [(String, String)]) -> String {
        var out: [UInt8] = [UInt8(ascii: "{")]
        for (k, (key, value)) in pairs.enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            append(string: key, to: &out); out.append(UInt8(ascii: ":")); append(string: value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }

    /// A parsed value: only what the archive writes (objects, arrays, strings, integers, null, booleans).
    enum Value { case string(String), number(Int), null, bool(Bool), array([Value]), object([(String, Value)]) }

    static func parse(_ text: String) -> Value? {
        var copy = text
        return copy.withUTF8 { u -> Value? in
            var reader = Reader(bytes: u)
            guard let v = reader.value() else { return nil }
            reader.skipSpace()
            return reader.i == u.count ? v : nil
        } ?? fallback(text)
    }

    static func readDropped(_ text: String) -> [DroppedBlock] {
        guard case .array(let items)? = parse(text) else { return [] }
        return items.compactMap { item in
            guard case .object(let fields) = item else { return nil }
            var t = "", r = "", p: Int?
            for (k, v) in fields {
                switch (k, v) {
                case ("text", .string(let s)): t = s
                case ("reason", .string(let s)): r = s
                case ("position", .number(let n)): p = n
                default: break
                }
            }
            return DroppedBlock(text: t, reason: r, position: p)
        }
    }

    static func readStrings(_ text: String) -> [String] {
        guard case .array(let items)? = parse(text) else { return [] }
        return items.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }

    static func readObject(_ text: String) -> [(String, String)] {
        guard case .object(let fields)? = parse(text) else { return [] }
        return fields.compactMap { k, v in if case .string(let s) = v { return (k, s) } else { return nil } }
    }

    private static func fallback(_ text: String) -> Value? {
        guard let any = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        return convert(any)
    }

    private static func convert(_ any: Any) -> Value? {
        switch any {
        case let s as String: return .string(s)
        case let n as NSNumber:
            return .number(n.intValue)
        case is NSNull: return .null
        case let a as [Any]: return .array(a.compactMap(convert))
        case let d as [String: Any]: return .object(d.sorted { $0.key < $1.key }.compactMap { k, v in convert(v).map { (k, $0) } })
        default: return nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0
        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }

        mutating func literal(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard i + w.count <= bytes.count else { return false }
            for k in 0..<w.count where bytes[i + k] != w[k] { return false }
            i += w.count
            return true
        }

        mutating func value() -> Value? {
            skipSpace()
            guard i < bytes.count else { return nil }
            switch bytes[i] {
            case UInt8(ascii: "\""): return string().map { .string($0) }
            case UInt8(ascii: "["):
                i += 1
                var items: [Value] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                while true {
                    guard let v = value() else { return nil }
                    items.append(v)
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                    return nil
                }
            case UInt8(ascii: "{"):
                i += 1
                var fields: [(String, Value)] = []
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\""), let key = string() else { return nil }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                    i += 1
                    guard let v = value() else { return nil }
                    fields.append((key, v))
                    skipSpace()
                    guard i < bytes.count else { return nil }
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
                    return nil
                }
            case UInt8(ascii: "n"): return literal("null") ? .null : nil
            case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
            case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
            default:
                var n = 0, negative = false, digits = 0
                if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 18 {
                    n = n * 10 + Int(bytes[i] - 0x30); i += 1; digits += 1
                }
                // Fractions and exponents are not written by the archive: left to the fallback.
                if digits == 0 || (i < bytes.count && (bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") || (bytes[i] >= 0x30 && bytes[i] <= 0x39))) { return nil }
                return .number(negative ? -n : n)
            }
        }

        /// A string; escapes decoded (\uXXXX with surrogate pairs).
        mutating func string() -> String? {
            i += 1
            let start = i
            while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\") { i += 1 }
            guard i < bytes.count else { return nil }
            if bytes[i] == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            var out = Array(bytes[start..<i])
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
                if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
                i += 1
                guard i < bytes.count else { return nil }
                let e = bytes[i]; i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if scalar >= 0xD800, scalar < 0xDC00, i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        guard let low = hex4() else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low &- 0xDC00)
                    }
                    out.append(contentsOf: Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8))
                default: out.append(e)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[i]; i += 1
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                default: return nil
                }
                v = v * 16 + d
            }
            return v
        }
    }
}
