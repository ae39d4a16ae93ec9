import Foundation
import LedeText
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
            // Unpacked no further than the size limit, nor than memory allows: a gzip bomb stops there.
            let memoryLimit = options.memory.largestLoadable().map { max($0, MemoryBudget.largeFile) } ?? Int.max
            let limit = min(options.maxFileSize, memoryLimit)
            guard let unpacked = Gzip.decompress(path: path, limit: limit) else {
                throw LoadError.malformed("gzip file could not be decompressed")
            }
            if unpacked.count > limit {
                if limit < options.maxFileSize {
                    throw LoadError.malformed("decompressed size is over \(ByteCount.format(limit)), the most the memory available allows (loading takes up to \(MemoryBudget.bytesPerFileByte)× a file's size); skipped")
                }
                throw LoadError.malformed("decompressed size is over --max-size \(ByteCount.format(options.maxFileSize)); skipped")
            }
            data = unpacked
            ext = PathName.lowercasedExtension(PathName.deletingExtension(path))
            if data.isEmpty { throw LoadError.empty }
        }
        var declaredCharset = options.declaredCharset
        var transcoded: [String] = []
        let hasZero = data.withUnsafeBytes { buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }
        // UTF-16 and UTF-32 files hold zero bytes (or start with a byte-order mark): made UTF-8 before the binary check.
        if hasZero || data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]), let wide = UTF16Transcoder.transcode(data) {
            data = wide.utf8
            transcoded = wide.warnings
            declaredCharset = "utf-8"
            if data.isEmpty { throw LoadError.empty }
            if data.withUnsafeBytes({ buffer in buffer.baseAddress.map { memchr($0, 0, buffer.count) != nil } ?? false }) { throw LoadError.binary }
        } else if hasZero {
            throw LoadError.binary
        }
        let docs = try parseDecoded(data: data, path: path, ext: ext, declaredCharset: declaredCharset, options: options, tokens: &tokens)
        if !transcoded.isEmpty, var first = docs.first {
            first.warnings.append(contentsOf: transcoded)
            return [first] + docs.dropFirst()
        }
        return docs
    }

    private static func parseDecoded(data: Data, path: String, ext: String, declaredCharset: String?, options: LoadOptions,
                                     tokens: inout ParseTokens) throws -> [ParsedDocument] {
        switch detect(data, extension: ext) {
        case .html:
            let doc = try HTMLArticleParser.parse(data, path: path, declaredCharset: declaredCharset, stoplists: options.stoplists,
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
            // Valid UTF-8 is parsed where it lies: a decoded copy would be one more file size at the peak.
            let direct = try data.withUnsafeBytes { raw -> (ParsedDocument, [Token])? in
                var bytes = raw.bindMemory(to: UInt8.self)
                if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes.dropFirst(3)) }
                guard TextDecoder.isValidUTF8(bytes) else { return nil }
                if bytes.allSatisfy({ $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }) { throw LoadError.empty }
                return try TextDumpParser.parse(utf8: bytes, path: path, tokens: &tokens)
            }
            if let (doc, bodyTokens) = direct {
                tokens.keep(doc, tokens: bodyTokens)
                return [doc]
            }
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
