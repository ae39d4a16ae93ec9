import Foundation
import LedeText
import LedeArticles

/// Reads one article line of a session file without `Decodable`: the line is parsed by `JSONParser`, then
/// read field by field. Decoding tens of thousands of articles through `JSONDecoder` took longer than
/// tokenising their texts; this keeps `open` close to a `load` of the same articles. Errors name the field.
enum SavedArticleReader {
    struct Problem: Error {
        var message: String
    }

    static func read(_ line: Data, index: Int) throws -> SessionDocument.SavedArticle {
        let value: JSONValue
        do { value = try JSONParser.parse(line) } catch { throw Problem(message: "articles[\(index)]: \(error)") }
        let a = try Fields(value, at: "articles[\(index)]")
        let versions = try a.array("versions").enumerated().map { k, v -> SessionDocument.SavedVersion in
            let f = try Fields(v, at: "articles[\(index)].versions[\(k)]")
            // Read in the order the fields are declared, so a file missing several names the first of them.
            let number = try f.int("number"), sourcePath = try f.string("sourcePath"), recordKey = try f.optionalString("recordKey")
            let formatName = try f.string("format")
            guard let format = ArticleFormat(rawValue: formatName) else { throw f.problem("format", "'\(formatName)' is not a format") }
            let m = try Fields(try f.value("metadata"), at: f.path + ".metadata")
            var fields: [String: String]?
            if let raw = m.optional("fields") {
                let o = try Fields(raw, at: m.path + ".fields")
                fields = try Dictionary(uniqueKeysWithValues: o.object.map { key, value in
                    guard case .string(let s) = value else { throw o.problem(key, "is not text") }
                    return (key, s)
                })
            }
            let metadata = ArticleMetadata(title: try m.optionalString("title"), published: try m.optionalString("published"),
                                           modified: try m.optionalString("modified"), source: try m.optionalString("source"),
                                           author: try m.optionalString("author"), url: try m.optionalString("url"),
                                           language: try m.optionalString("language"), fields: fields)
            let dropped = try f.optional("dropped").map { raw in
                try Fields.array(raw, at: f.path + ".dropped").enumerated().map { j, d -> DroppedBlock in
                    let b = try Fields(d, at: f.path + ".dropped[\(j)]")
                    return DroppedBlock(text: try b.string("text"), reason: try b.string("reason"), position: try b.optionalInt("position"))
                }
            }
            let text = try f.optional("text").map { raw in
                try Fields.array(raw, at: f.path + ".text").enumerated().map { j, p -> String in
                    guard case .string(let s) = p else { throw Problem(message: "wrong type at \(f.path).text[\(j)]") }
                    return s
                }
            }
            return SessionDocument.SavedVersion(
                number: number, sourcePath: sourcePath, recordKey: recordKey,
                format: format, metadata: metadata, contentHash: try f.string("contentHash"), loadedAt: try f.date("loadedAt"),
                words: try f.int("words"), paragraphs: try f.int("paragraphs"), text: text, dropped: dropped)
        }
        let tags = try a.array("tags").enumerated().map { j, t -> String in
            guard case .string(let s) = t else { throw Problem(message: "wrong type at \(a.path).tags[\(j)]") }
            return s
        }
        return SessionDocument.SavedArticle(id: try a.string("id"), name: try a.optionalString("name"), tags: tags, versions: versions)
    }

    /// An object's members, read with the field's path in every error.
    struct Fields {
        let object: [String: JSONValue]
        let path: String

        init(_ value: JSONValue, at path: String) throws {
            guard case .object(let o) = value else { throw Problem(message: "wrong type at \(path)") }
            object = o
            self.path = path
        }

        static func array(_ value: JSONValue, at path: String) throws -> [JSONValue] {
            guard case .array(let a) = value else { throw Problem(message: "wrong type at \(path)") }
            return a
        }

        func problem(_ key: String, _ what: String) -> Problem { Problem(message: "\(path).\(key) \(what)") }

        func optional(_ key: String) -> JSONValue? {
            guard let v = object[key], v != .null else { return nil }
            return v
        }

        func value(_ key: String) throws -> JSONValue {
            guard let v = object[key] else { throw Problem(message: "missing '\(key)' at \(path)") }
            if v == .null { throw Problem(message: "null at \(path).\(key)") }
            return v
        }

        func array(_ key: String) throws -> [JSONValue] { try Fields.array(try value(key), at: "\(path).\(key)") }

        func string(_ key: String) throws -> String {
            guard case .string(let s) = try value(key) else { throw Problem(message: "wrong type at \(path).\(key)") }
            return s
        }

        func optionalString(_ key: String) throws -> String? {
            guard let v = optional(key) else { return nil }
            guard case .string(let s) = v else { throw Problem(message: "wrong type at \(path).\(key)") }
            return s
        }

        func int(_ key: String) throws -> Int {
            guard case .number(let n) = try value(key), n.rounded() == n, abs(n) < 1e15 else { throw Problem(message: "wrong type at \(path).\(key)") }
            return Int(n)
        }

        func optionalInt(_ key: String) throws -> Int? {
            guard optional(key) != nil else { return nil }
            return try int(key)
        }

        /// ISO 8601 read directly (`ISODate`); any other form through Foundation.
        func date(_ key: String) throws -> Date {
            let text = try string(key)
            if let seconds = ISODate.seconds(text) { return Date(timeIntervalSince1970: seconds) }
            if let d = try? Date(text, strategy: .iso8601) { return d }
            throw Problem(message: "\(path).\(key): '\(text)' is not an ISO 8601 date")
        }
    }
}
