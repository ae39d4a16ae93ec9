import Foundation

/// Detects a file's format from its content (not only its extension) and hands it to the right parser.
public enum DocumentParser {
    public static func parse(data: Data, path: String, options: LoadOptions = LoadOptions()) throws -> [ParsedDocument] {
        if data.isEmpty { throw LoadError.empty }
        if data.contains(0) { throw LoadError.binary }
        let (text, warnings) = TextDecoder.decode(data)
        if text.allSatisfy({ $0.isWhitespace }) { throw LoadError.empty }
        var doc = try TextDumpParser.parse(text, path: path)
        doc.warnings.append(contentsOf: warnings)
        return [doc]
    }
}

/// Decodes bytes as UTF-8 (BOM honoured); invalid sequences become U+FFFD and a warning, never a drop.
public enum TextDecoder {
    public static func decode(_ data: Data) -> (String, [String]) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let s = String(validating: bytes, as: UTF8.self) { return (s, []) }
        let s = String(decoding: bytes, as: UTF8.self)
        let bad = s.unicodeScalars.reduce(0) { $0 + ($1 == "\u{FFFD}" ? 1 : 0) }
        return (s, ["invalid UTF-8: \(bad) byte sequence\(bad == 1 ? "" : "s") replaced with U+FFFD"])
    }
}
