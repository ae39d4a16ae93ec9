import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Detects a file's format from its content (not only its extension) and hands it to the right parser:
/// gzip is unpacked first; `<` opening the text means HTML; `{`/`[` means JSON (or JSONL when every line is
/// one JSON value); anything else is a plain-text page dump.
public enum DocumentParser {
    public static func parse(data: Data, path: String, options: LoadOptions = LoadOptions()) throws -> [ParsedDocument] {
        var tokens = ParseTokens(keepsTexts: false)
        return try parse(data: data, path: path, options: options, tokens: &tokens)
    }

    /// `parse`, keeping each document's body in `tokens` (in order) when it keeps texts.
    static func parse(data: Data, path: String, options: LoadOptions, tokens: inout ParseTokens) throws -> [ParsedDocument] {
        if data.isEmpty { throw LoadError.empty }
        var data = data
        var ext = PathName.lowercasedExtension(path)
        if Gzip.isGzip(data) {
            guard let unpacked = Gzip.decompress(path: path, limit: options.maxFileSize) else {
                throw LoadError.malformed("gzip file could not be decompressed")
            }
            if unpacked.count > options.maxFileSize {
                throw LoadError.malformed("decompressed size is over --max-size \(ByteCount.format(options.maxFileSize)); skipped")
            }
            data = unpacked
            ext = PathName.lowercasedExtension(PathName.deletingExtension(path))
            if data.isEmpty { throw LoadError.empty }
        }
        if data.withUnsafeBytes({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) { throw LoadError.binary }
        switch detect(data, extension: ext) {
        case .html:
            let doc = try HTMLArticleParser.parse(data, path: path, declaredCharset: options.declaredCharset, stoplists: options.stoplists,
                                                  languages: options.languages)
            tokens.keep(doc)
            return [doc]
        case .json, .jsonl:
            let (text, warnings) = TextDecoder.decode(data)
            var docs = try JSONRecordParser.parse(text, path: path, options: options, linesHint: ext == "jsonl" || ext == "ndjson")
            if !warnings.isEmpty, !docs.isEmpty { docs[0].warnings.append(contentsOf: warnings) }
            for doc in docs { tokens.keep(doc) }
            return docs
        case .text:
            var (text, warnings) = TextDecoder.decode(data)
            if text.allSatisfy({ $0.isWhitespace }) { throw LoadError.empty }
            var (doc, bodyTokens) = try text.withUTF8 { try TextDumpParser.parse(utf8: $0, path: path, tokens: &tokens) }
            doc.warnings.append(contentsOf: warnings)
            tokens.keep(doc, tokens: bodyTokens)
            return [doc]
        }
    }

    /// The format by content: the first non-blank byte (after a BOM) decides, the extension breaks ties
    /// for text files that merely start with a bracket.
    public static func detect(_ data: Data, extension ext: String) -> ArticleFormat {
        var first: UInt8 = 0
        var start = data.startIndex
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        for b in data[start...].prefix(4096) where !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { first = b; break }
        if ["html", "htm", "xhtml", "shtml"].contains(ext) { return .html }
        if ["json"].contains(ext) { return .json }
        if ["jsonl", "ndjson"].contains(ext) { return .jsonl }
        if first == UInt8(ascii: "<") { return .html }
        if (first == UInt8(ascii: "{") || first == UInt8(ascii: "[")) && ext != "txt" { return .json }
        return .text
    }
}
