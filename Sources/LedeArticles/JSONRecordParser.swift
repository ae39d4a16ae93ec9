import Foundation

/// JSON (one object, an array of objects, or `{"articles": [...]}`-style wrappers) and JSONL (one object a
/// line). Each record becomes a document. Fields are looked up by the first name present (case-insensitive);
/// `--field text=article_body` replaces the list for that field (dotted paths such as `source=publisher.name`
/// reach into objects).
public enum JSONRecordParser {
    public static let fieldNames: [String: [String]] = [
        "text": ["text", "body", "content", "articleBody", "article_body", "maintext", "full_text"],
        "title": ["title", "headline"],
        "date": ["date", "published", "datePublished", "published_at", "publish_date", "pubdate"],
        "modified": ["modified", "dateModified", "updated", "updated_at"],
        "source": ["source", "publisher", "site", "outlet"],
        "author": ["author", "authors", "byline"],
        "url": ["url", "link", "canonical_url"],
        "id": ["id", "_id", "uuid", "guid"],
        "language": ["language", "lang"],
    ]

    public static func parse(_ text: String, path: String, options: LoadOptions, linesHint: Bool) throws -> [ParsedDocument] {
        for key in options.fieldOverrides.keys where fieldNames[key] == nil {
            throw LoadError.malformed("--field \(key)=…: unknown field '\(key)' (use one of \(fieldNames.keys.sorted().joined(separator: ", ")))")
        }
        var records: [(key: String, value: Any)] = []
        var badLines: [String] = []
        var format = ArticleFormat.json
        let data = Data(text.utf8)
        if !linesHint, let whole = try? jsonObject(data) {
            records = flatten(whole)
        } else {
            // JSONL, or malformed JSON: lines when most of the first ten non-blank lines stand alone as objects.
            // Split on the byte: as Characters, "\r\n" is one that is not "\n", and splitting walks graphemes.
            let lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { Substring($0) }
            let sample = lines.lazy.filter { !trimmed($0).isEmpty }.prefix(10)
            let objects = sample.filter { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] }.count
            let looksLikeLines = linesHint || (lines.count > 1 && objects * 2 > sample.count)
            if !looksLikeLines {
                throw LoadError.malformed("malformed JSON: \(describe(jsonError(data), in: text))")
            }
            format = .jsonl
            // A bad line is reported and skipped; the others still load.
            for (n, line) in lines.enumerated() {
                let content = trimmed(line)
                if content.isEmpty { continue }
                do {
                    let value = try jsonObject(Data(content.utf8))
                    records.append((key: "line \(n + 1)", value: value))
                } catch {
                    badLines.append("malformed JSON on line \(n + 1): \(describe(error, in: String(line), line: n + 1))")
                }
            }
            if records.isEmpty, let first = badLines.first { throw LoadError.malformed(first) }
        }
        var docs: [ParsedDocument] = []
        var missing: [String] = []
        for (key, value) in records {
            guard let object = value as? [String: Any] else { missing.append(key); continue }
            if let doc = document(object, key: key, path: path, format: format, options: options) { docs.append(doc) } else { missing.append(key) }
        }
        let textNames = options.fieldOverrides["text"].map { [$0] } ?? fieldNames["text"]!
        if docs.isEmpty {
            throw LoadError.noBody("no record has a text field (looked for \(textNames.joined(separator: ", ")); name yours with --field text=NAME)")
        }
        for line in badLines.prefix(5) { docs[0].warnings.append(line + "; skipped") }
        if badLines.count > 5 { docs[0].warnings.append("\(badLines.count - 5) more malformed lines skipped") }
        if !missing.isEmpty {
            let list = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            docs[0].warnings.append("\(missing.count) record\(missing.count == 1 ? "" : "s") without text skipped (\(list))")
        }
        return docs
    }

    /// Arrays are records; an object holding one array of objects (`{"articles": [...]}`) is a wrapper.
    static func flatten(_ value: Any) -> [(key: String, value: Any)] {
        if let array = value as? [Any] { return array.enumerated().map { (key: "record \($0.offset + 1)", value: $0.element) } }
        if let object = value as? [String: Any] {
            let arrays = object.values.compactMap { $0 as? [Any] }.filter { $0.first is [String: Any] }
            let hasText = fieldNames["text"]!.contains { name in object.keys.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
            if !hasText, arrays.count == 1 { return flatten(arrays[0]) }
        }
        return [(key: "record 1", value: value)]
    }

    static func document(_ object: [String: Any], key: String, path: String, format: ArticleFormat, options: LoadOptions) -> ParsedDocument? {
        func field(_ name: String) -> String? {
            let names = options.fieldOverrides[name].map { [$0] } ?? fieldNames[name]!
            for n in names { if let v = lookup(object, n), let s = stringValue(v) { return s } }
            return nil
        }
        guard let body = field("text"), body.contains(where: { !$0.isWhitespace }) else { return nil }
        let plain = body.utf8.contains(UInt8(ascii: "<")) && body.utf8.contains(UInt8(ascii: ">")) ? HTMLMetadataReader.unescapeMarkup(body) : body
        let paragraphs = plain.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }).map { Substring($0) }
            .map { String(trimmed($0)) }.filter { !$0.isEmpty }
        var m = ArticleMetadata()
        m.title = field("title").map(collapse)
        m.published = field("date").map { DateParser.normalise($0) ?? $0 }
        m.modified = field("modified").map { DateParser.normalise($0) ?? $0 }
        m.source = field("source")
        m.author = field("author")
        m.url = field("url")
        m.language = field("language")
        m.fields = otherFields(object, options: options)
        let id = field("id")
        var document = ParsedDocument(path: path, format: format, metadata: m, paragraphs: paragraphs, recordKey: id ?? key)
        // lede's own export names its articles; loading it back keeps the names.
        if let name = lookup(object, "name") as? String, !name.isEmpty, name.count <= 200 { document.name = name }
        return document
    }

    /// Every field but the text, as text, for `field:NAME=VALUE` selectors: scalars and lists of scalars, and one level
    /// of nested objects under dotted names (`desk.name`). Long values (over 1,000 characters) are not fields a
    /// selection is made by, and are left out.
    static func otherFields(_ object: [String: Any], options: LoadOptions) -> [String: String]? {
        let textNames = Set((options.fieldOverrides["text"].map { [$0] } ?? fieldNames["text"]!).map { $0.lowercased() })
        var out: [String: String] = [:]
        func add(_ key: String, _ value: Any) {
            if value is [String: Any] { return }
            if let s = stringValue(value), s.utf8.count <= 1_000 { out[key] = s }
        }
        for (key, value) in object where !textNames.contains(key.lowercased()) {
            if let inner = value as? [String: Any] {
                for (k, v) in inner { add("\(key).\(k)", v) }
            } else {
                add(key, value)
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Case-insensitive key, dotted paths into nested objects.
    static func lookup(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any? = object
        for part in path.split(separator: ".") {
            guard let o = current as? [String: Any] else { return nil }
            current = o[String(part)] ?? o.first { $0.key.caseInsensitiveCompare(String(part)) == .orderedSame }?.value
        }
        return current
    }

    /// Strings as they are; numbers as text; objects by their name; lists joined with ", ".
    static func stringValue(_ v: Any) -> String? {
        if let s = v as? String { return s.isEmpty ? nil : s }
        if let n = v as? NSNumber { return n.stringValue }
        if let o = v as? [String: Any] { return (o["name"] ?? o["text"]).flatMap(stringValue) }
        if let a = v as? [Any] {
            let parts = a.compactMap(stringValue)
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        }
        return nil
    }

    /// Without white space at either end; only the ends are looked at (Foundation's trimming copies the whole
    /// string through UTF-16, which took seconds on a record of a few megabytes).
    static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return s
    }

    static func jsonError(_ data: Data) -> Error? {
        do { _ = try jsonObject(data); return nil } catch { return error }
    }

    /// Parses JSON; a number too large for a Double (`1e400`) is kept as its text instead of refusing the whole
    /// record: fields are read as text anyway.
    static func jsonObject(_ data: Data) throws -> Any {
        do {
            return try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            guard "\(error)".contains("not representable"), let quoted = JSONNumberQuoter.quotingHugeNumbers(data) else { throw error }
            return try JSONSerialization.jsonObject(with: quoted, options: [.fragmentsAllowed])
        }
    }

    /// Foundation reports "around character N"; users want a line and a column.
    static func describe(_ error: Error?, in text: String, line baseLine: Int = 1) -> String {
        let message = ((error as NSError?)?.userInfo["NSDebugDescription"] as? String) ?? "not valid JSON"
        guard let range = message.range(of: "character "),
              let offset = Int(message[range.upperBound...].prefix(while: { $0.isNumber })) else { return message }
        var line = baseLine, column = 1
        for (i, b) in text.utf8.enumerated() {
            if i >= offset { break }
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
        }
        let what = message[..<range.lowerBound].replacingOccurrences(of: " around", with: "").trimmingCharacters(in: .whitespaces)
        return "\(what.isEmpty ? "syntax error" : what.lowercased()) at line \(line), column \(column)"
    }
}
