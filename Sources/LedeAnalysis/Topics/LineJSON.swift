import Foundation

/// A small JSON reader that remembers the line of every value, so a malformed taxonomy or model file
/// is refused with the line and what is wrong (Foundation's decoders report coding paths, not lines).
public indirect enum LineJSON: Sendable {
    case object([(key: String, value: LineJSON, line: Int)], line: Int)
    case array([LineJSON], line: Int)
    case string(String, line: Int)
    case number(Double, line: Int)
    case bool(Bool, line: Int)
    case null(line: Int)

    public var line: Int {
        switch self {
        case .object(_, let l), .array(_, let l), .string(_, let l), .number(_, let l), .bool(_, let l), .null(let l): return l
        }
    }

    public var typeName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }

    public subscript(key: String) -> LineJSON? {
        if case .object(let members, _) = self { return members.last { $0.key == key }?.value }
        return nil
    }

    public struct SyntaxError: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public static func parse(_ bytes: [UInt8]) throws -> LineJSON {
        var reader = Reader(bytes: bytes)
        reader.skipSpace()
        let value = try reader.value(depth: 0)
        reader.skipSpace()
        if reader.index < bytes.count { throw reader.error("unexpected text after the end of the document") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0
        var line = 1

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, message: message) }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A: line += 1; index += 1
                case 0x20, 0x09, 0x0D: index += 1
                default: return
                }
            }
        }

        var describeHere: String {
            guard index < bytes.count else { return "the end of the file" }
            let b = bytes[index]
            return b >= 0x21 && b < 0x7F ? "'\(Character(UnicodeScalar(b)))'" : String(format: "byte 0x%02X", b)
        }

        mutating func value(depth: Int) throws -> LineJSON {
            if depth > 100 { throw error("nesting is deeper than 100 levels") }
            guard index < bytes.count else { throw error("expected a value but the file ends") }
            let startLine = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(key: String, value: LineJSON, line: Int)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, line: startLine) }
                while true {
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        throw error("expected a quoted key, found \(describeHere)")
                    }
                    let keyLine = line
                    let key = try string()
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        throw error("expected ':' after key \"\(key)\", found \(describeHere)")
                    }
                    index += 1
                    skipSpace()
                    members.append((key, try value(depth: depth + 1), keyLine))
                    skipSpace()
                    guard index < bytes.count else { throw error("object opened on line \(startLine) is not closed") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members, line: startLine) }
                    throw error("expected ',' or '}' in the object opened on line \(startLine), found \(describeHere)")
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [LineJSON] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, line: startLine) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard index < bytes.count else { throw error("array opened on line \(startLine) is not closed") }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(items, line: startLine) }
                    throw error("expected ',' or ']' in the array opened on line \(startLine), found \(describeHere)")
                }
            case UInt8(ascii: "\""):
                return .string(try string(), line: startLine)
            case UInt8(ascii: "t"): try literal("true"); return .bool(true, line: startLine)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false, line: startLine)
            case UInt8(ascii: "n"): try literal("null"); return .null(line: startLine)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index += 1
                while index < bytes.count, "0123456789.eE+-".utf8.contains(bytes[index]) { index += 1 }
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                guard let n = Double(text) else { throw error("'\(text)' is not a number") }
                return .number(n, line: startLine)
            default:
                throw error("expected a value, found \(describeHere)")
            }
        }

        mutating func literal(_ word: String) throws {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.count, Array(bytes[index..<index + w.count]) == w else {
                throw error("expected a value, found \(describeHere)")
            }
            index += w.count
        }

        mutating func string() throws -> String {
            index += 1  // opening quote
            var out: [UInt8] = []
            while index < bytes.count {
                let b = bytes[index]
                if b == UInt8(ascii: "\"") { index += 1; return String(decoding: out, as: UTF8.self) }
                if b == 0x0A { throw error("string is not closed before the end of the line") }
                if b == UInt8(ascii: "\\") {
                    index += 1
                    guard index < bytes.count else { break }
                    switch bytes[index] {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count,
                              let code = UInt32(String(decoding: bytes[index + 1...index + 4], as: UTF8.self), radix: 16) else {
                            throw error("bad \\u escape in a string")
                        }
                        index += 4
                        // Surrogate pairs are rare in taxonomy words; a lone one becomes U+FFFD.
                        out.append(contentsOf: Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8))
                    case let e: out.append(e)
                    }
                    index += 1
                    continue
                }
                out.append(b)
                index += 1
            }
            throw error("string is not closed before the end of the file")
        }
    }
}
